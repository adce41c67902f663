package com.terminalacc.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plain HTTP against the running Keycloak: our customer API ({@code /realms/terminal/acc/api}) and staff API
 * ({@code /admin/realms/terminal/acc}), as an application or a script would call them.
 */
public final class Api {

    public static final String BASE = "http://localhost:8080";
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final Supplier<String> token;
    private String language = "en";

    public Api(String base, Supplier<String> token) {
        this.base = base;
        this.token = token;
    }

    public static Api customer(String realm, Supplier<String> token) {
        return new Api(BASE + "/realms/" + realm + "/acc/api", token);
    }

    public static Api staff(String realm, Supplier<String> token) {
        return new Api(BASE + "/admin/realms/" + realm + "/acc", token);
    }

    /** Keycloak's own admin REST API of the realm ({@code /admin/realms/{realm}}), as the admin console calls it. */
    public static Api keycloakAdmin(String realm, Supplier<String> token) {
        return new Api(BASE + "/admin/realms/" + realm, token);
    }

    /** The bearer token this client sends (null: none). */
    public String token() {
        return token == null ? null : token.get();
    }

    /** Sends {@code Accept-Language} with this language from now on. */
    public Api language(String language) {
        Api copy = new Api(base, token);
        copy.language = language;
        return copy;
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** DELETE with a JSON body, as Keycloak's role-mapping endpoints take it. */
    public ApiResponse delete(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("DELETE", body(body)));
    }

    public ApiResponse post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(body(body)));
    }

    public ApiResponse patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", body(body)));
    }

    public ApiResponse put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(body(body)));
    }

    /** A body sent exactly as given, for malformed-input tests. */
    public ApiResponse postRaw(String path, String contentType, String raw) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(raw)));
    }

    /**
     * Any request exactly as given: method, content type and accept header (null: none), raw body (null: none); for
     * the hostile-input tests and the fuzzer.
     */
    public ApiResponse raw(String method, String path, String contentType, String accept, String raw) {
        HttpRequest.Builder b = request(path);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (accept != null) {
            b.setHeader("Accept", accept);
        }
        return send(b.method(method, raw == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(raw)));
    }

    public ApiResponse patchRaw(String path, String raw) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", HttpRequest.BodyPublishers.ofString(raw)));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + (path.isEmpty() || path.startsWith("?") ? "" : "/") + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .header("Accept-Language", language);
        String t = token == null ? null : token.get();
        if (t != null) {
            b.header("Authorization", "Bearer " + t);
        }
        return b;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the request; a response of our APIs must keep the OpenAPI contract ({@link ApiContract}, S-APP-2). */
    public static ApiResponse send(HttpRequest.Builder request) {
        try {
            HttpRequest sent = request.build();
            HttpResponse<String> response = HTTP.send(sent, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String raw = response.body();
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (raw != null && !raw.isBlank() && contentType.contains("json")) {
                json = JSON.readTree(raw);
            }
            if (ApiContract.enabled() && ApiContract.describes(sent.uri(), sent.method())) {
                java.util.List<String> problems = ApiContract.check(sent.method(), sent.uri(), response.statusCode(), json, contentType);
                if (!problems.isEmpty()) {
                    throw new AssertionError("The response breaks the OpenAPI document (S-APP-2): " + problems + "\n" + raw);
                }
            }
            return new ApiResponse(response.statusCode(), json, raw, response.headers());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String form(Map<String, String> values) {
        return values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** A client-credentials access token (service account). */
    public static String clientToken(String realm, String clientId, String secret) {
        ApiResponse r = send(HttpRequest.newBuilder(URI.create(BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "client_credentials",
                        "client_id", clientId, "client_secret", secret)))));
        if (r.status() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + r);
        }
        return r.body().get("access_token").asText();
    }

    /** The full token response of a password grant of the test client (access, refresh, ...). */
    public static JsonNode passwordGrant(String realm, String username, String password) {
        return passwordGrant(realm, TerminalRealmConfig.TEST_CLIENT, username, password);
    }

    /**
     * The full token response of a password grant of one of the test clients (they share one secret). A grant that
     * Keycloak refused only because another sign-in of the same user was still in progress is tried again after a
     * short wait ({@link LoginsInProgress}); any other refusal fails with the user's brute-force status and events.
     */
    public static JsonNode passwordGrant(String realm, String clientId, String username, String password) {
        return LoginsInProgress.grant(LoginsInProgress.SUITE, realm, username, () -> rawPasswordGrant(realm, clientId, username, password));
    }

    /** One password grant of a test client as sent, whatever Keycloak answers. */
    public static ApiResponse rawPasswordGrant(String realm, String clientId, String username, String password) {
        return rawPasswordGrant(realm, clientId, TerminalRealmConfig.TEST_CLIENT_SECRET, username, password);
    }

    /** One password grant of a confidential client as sent (scope openid), whatever Keycloak answers. */
    public static ApiResponse rawPasswordGrant(String realm, String clientId, String secret, String username, String password) {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "password",
                        "client_id", clientId,
                        "client_secret", secret,
                        "username", username,
                        "password", password,
                        "scope", "openid")))));
    }

    /** A password-grant access token of the test client for a realm user. */
    public static String passwordToken(String realm, String username, String password) {
        return passwordGrant(realm, username, password).get("access_token").asText();
    }

    /** A refresh grant of the test client: the whole response, to check its status. */
    public static ApiResponse refreshGrant(String realm, String refreshToken) {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "refresh_token",
                        "client_id", TerminalRealmConfig.TEST_CLIENT,
                        "client_secret", TerminalRealmConfig.TEST_CLIENT_SECRET,
                        "refresh_token", refreshToken)))));
    }
}
