package com.terminalacc.it.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.JavascriptExecutor;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-APP-3: a browser application on a web origin configured for a client of the realm calls the customer API and the
 * app API with that client's token (CORS, Keycloak's own handling); a page from any other origin, or with a token of a
 * client that does not list the origin, cannot. The pages are served from other loopback origins by this test and run
 * in a real Chromium.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CorsIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";

    private HttpServer allowedSite;
    private HttpServer otherSite;
    private String allowedOrigin;
    private String otherOrigin;
    private String spaClientId;
    private String spaClientUuid;

    @BeforeEach
    void sites() throws IOException {
        allowedSite = site();
        otherSite = site();
        allowedOrigin = "http://127.0.0.1:" + allowedSite.getAddress().getPort();
        otherOrigin = "http://127.0.0.1:" + otherSite.getAddress().getPort();
        // the browser application's client: its web origin is the allowed site
        spaClientId = "it-spa-" + uid();
        ClientRepresentation spa = new ClientRepresentation();
        spa.setClientId(spaClientId);
        spa.setSecret(TerminalRealmConfig.TEST_CLIENT_SECRET);
        spa.setPublicClient(false);
        spa.setDirectAccessGrantsEnabled(true);
        spa.setStandardFlowEnabled(true);
        spa.setRedirectUris(List.of(allowedOrigin + "/*"));
        spa.setWebOrigins(List.of(allowedOrigin));
        spa.setDefaultClientScopes(List.of("basic", "web-origins", "profile", "roles", "email", "terminal"));
        try (jakarta.ws.rs.core.Response r = realm.admin().clients().create(spa)) {
            assertEquals(201, r.getStatus());
            String path = r.getLocation().getPath();
            spaClientUuid = path.substring(path.lastIndexOf('/') + 1);
        }
    }

    @AfterEach
    void stopSites() {
        allowedSite.stop(0);
        otherSite.stop(0);
        realm.admin().clients().get(spaClientUuid).remove();
    }

    /** A page on its own loopback origin, as a browser application is served. */
    private static HttpServer site() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!doctype html><html><head><title>App</title></head><body>A browser application</body></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }

    private String spaToken(String email) {
        return Api.passwordGrant(REALM, spaClientId, email, PASSWORD).get("access_token").asText();
    }

    /** fetch() in the page: {@code {status, body, timing}} or {@code {error}} when the browser refuses. */
    private static JsonNode fetch(Browser b, String method, String url, String token, String body) {
        String js = """
                const [method, url, token, body, done] = arguments;
                const headers = {'Authorization': 'Bearer ' + token};
                if (body) headers['Content-Type'] = 'application/json';
                fetch(url, {method, headers, body: body || undefined})
                  .then(async r => done(JSON.stringify({status: r.status, body: await r.text(), timing: r.headers.get('Server-Timing')})))
                  .catch(e => done(JSON.stringify({error: String(e)})));
                """;
        Object result = ((JavascriptExecutor) b.driver()).executeAsyncScript(js, method, url, token, body);
        try {
            return Api.JSON.readTree((String) result);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageOnAConfiguredOriginCallsTheCustomerAndAppApis() throws Exception { // S-APP-3
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "From the browser");
        String token = spaToken(acc.ownerEmail());
        try (Browser b = Browser.open("en")) {
            b.go(allowedOrigin + "/app.html");
            JsonNode me = fetch(b, "GET", ACC + "/api/me", token, null);
            assertEquals(200, me.path("status").asInt(), me.toString());
            assertTrue(me.path("body").asText().contains(acc.ownerEmail()), me.toString());
            // the app API: the check API (with its readable Server-Timing) and AuthZEN, with JSON bodies (preflighted)
            JsonNode check = fetch(b, "GET", ACC + "/app/check?cloudId=" + cloud + "&action=write", token, null);
            assertEquals(200, check.path("status").asInt(), check.toString());
            assertTrue(check.path("body").asText().contains("\"allowed\":true"), check.toString());
            assertTrue(check.path("timing").asText().startsWith("acc;dur="), "exposed to the page: " + check);
            String question = Api.JSON.writeValueAsString(Map.of("subject", Map.of("type", "user", "id", acc.ownerUserId()),
                    "resource", Map.of("type", "cloud", "id", cloud), "action", Map.of("name", "order")));
            JsonNode decision = fetch(b, "POST", ACC + "/app/access/v1/evaluation", token, question);
            assertEquals(200, decision.path("status").asInt(), decision.toString());
            assertEquals("{\"decision\":true}", decision.path("body").asText());
            // a refusal is readable too, in our error shape
            JsonNode refused = fetch(b, "POST", ACC + "/api/contacts", token, "{\"firstName\":\"\"}");
            assertEquals(400, refused.path("status").asInt(), refused.toString());
            assertTrue(refused.path("body").asText().contains("validation_failed"), refused.toString());
        }
    }

    @Test
    void aPageOnAnotherOriginCannot() { // S-APP-3
        TestAccount acc = newBusinessAccount();
        String token = spaToken(acc.ownerEmail());
        try (Browser b = Browser.open("en")) {
            b.go(otherOrigin + "/app.html");
            JsonNode me = fetch(b, "GET", ACC + "/api/me", token, null);
            assertTrue(me.has("error"), "the browser refuses: " + me);
            JsonNode decision = fetch(b, "POST", ACC + "/app/access/v1/evaluation", token, "{}");
            assertTrue(decision.has("error"), decision.toString());
        }
    }

    @Test
    void aTokenOfAClientThatDoesNotListTheOriginCannot() { // S-APP-3: the token's client decides
        TestAccount acc = newBusinessAccount();
        String otherClientsToken = Api.passwordToken(REALM, acc.ownerEmail(), PASSWORD); // it-client: no web origins
        try (Browser b = Browser.open("en")) {
            b.go(allowedOrigin + "/app.html");
            JsonNode me = fetch(b, "GET", ACC + "/api/me", otherClientsToken, null);
            assertTrue(me.has("error"), me.toString());
        }
    }

    // ---- the same rules, header by header (no browser needed)

    private static ApiResponse withOrigin(String method, String path, String origin, String token) {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(ACC + path)).header("Origin", origin).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        if ("OPTIONS".equals(method)) {
            r.header("Access-Control-Request-Method", "POST").header("Access-Control-Request-Headers", "authorization, content-type");
        }
        return Api.send(r);
    }

    private static String header(ApiResponse r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void preflightAnswersOnlyTheRealmsWebOrigins() { // S-APP-3
        for (String path : List.of("/api/contacts", "/app/access/v1/evaluations", "/app/check")) {
            ApiResponse allowed = withOrigin("OPTIONS", path, allowedOrigin, null);
            assertEquals(200, allowed.status(), path + " " + allowed);
            assertEquals(allowedOrigin, header(allowed, "Access-Control-Allow-Origin"), path);
            assertTrue(header(allowed, "Access-Control-Allow-Methods").contains("POST"), path);
            assertTrue(header(allowed, "Access-Control-Allow-Headers").contains("Authorization"), path);
            ApiResponse other = withOrigin("OPTIONS", path, otherOrigin, null);
            assertEquals(null, header(other, "Access-Control-Allow-Origin"), path + ": no CORS headers for another origin");
            assertEquals(null, header(other, "Access-Control-Allow-Methods"), path);
        }
    }

    @Test
    void requestsGetCorsHeadersOnlyForTheTokensClientsOrigins() { // S-APP-3
        TestAccount acc = newBusinessAccount();
        String token = spaToken(acc.ownerEmail());
        ApiResponse ok = withOrigin("GET", "/api/me", allowedOrigin, token);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(allowedOrigin, header(ok, "Access-Control-Allow-Origin"));
        assertEquals("true", header(ok, "Access-Control-Allow-Credentials"));
        assertTrue(header(ok, "Access-Control-Expose-Headers").contains("Server-Timing"));

        ApiResponse foreign = withOrigin("GET", "/api/me", otherOrigin, token);
        assertEquals(403, foreign.status(), foreign.toString());
        assertEquals("origin_not_allowed", foreign.code());
        assertEquals(null, header(foreign, "Access-Control-Allow-Origin"));

        String otherClientsToken = Api.passwordToken(REALM, acc.ownerEmail(), PASSWORD);
        ApiResponse wrongClient = withOrigin("GET", "/app/permissions", allowedOrigin, otherClientsToken);
        assertEquals(403, wrongClient.status(), wrongClient.toString());
        assertEquals("origin_not_allowed", wrongClient.code());
        assertEquals(null, header(wrongClient, "Access-Control-Allow-Origin"));

        // without an Origin (servers, scripts) nothing changes
        ApiResponse plain = as(acc.ownerEmail()).get("me");
        assertEquals(200, plain.status());
        assertFalse(plain.headers().firstValue("Access-Control-Allow-Origin").isPresent());
    }

    @Test
    void aRefusedTokenIsReadableForTheRealmsOrigins() { // S-APP-3: the application can tell it must renew its token
        ApiResponse allowed = withOrigin("GET", "/api/me", allowedOrigin, "not-a-token");
        assertEquals(401, allowed.status());
        assertEquals("not_authenticated", allowed.code());
        assertEquals(allowedOrigin, header(allowed, "Access-Control-Allow-Origin"));
        ApiResponse other = withOrigin("GET", "/api/me", otherOrigin, "not-a-token");
        assertEquals(401, other.status());
        assertEquals(null, header(other, "Access-Control-Allow-Origin"));
    }
}
