package com.terminalacc.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A person at the Terminal login, without a browser: the real login pages of the running Keycloak are fetched, their
 * forms filled in and submitted as a browser would (cookies, redirects), for the customer-zone client with PKCE.
 */
public final class BrowserFlow {

    public static final String CLIENT = "terminal-zone";
    public static final String REDIRECT = "http://localhost:3000/callback";

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Cookies by name. A browser sends Keycloak's Secure cookies to http://localhost (a secure context); Java's CookieManager does not. */
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final String realm;
    private final String verifier;
    private final String language;
    private String location;
    private Document page;
    private int status;

    public BrowserFlow(String realm, String language) {
        this.realm = realm;
        this.language = language;
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Opens the login page of the customer-zone client. */
    public BrowserFlow start() {
        String challenge;
        try {
            challenge = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        go(Api.BASE + "/realms/" + realm + "/protocol/openid-connect/auth?client_id=" + CLIENT
                + "&redirect_uri=" + enc(REDIRECT) + "&response_type=code&scope=openid&state=s1"
                + "&code_challenge=" + challenge + "&code_challenge_method=S256");
        return this;
    }

    /** Follows any link, e.g. the set-password link from an e-mail. */
    public BrowserFlow go(String url) {
        send(HttpRequest.newBuilder(URI.create(url)).GET());
        return this;
    }

    /** Posts a form to any address with the session's cookies, as a page's form would (add the csrf field yourself). */
    public BrowserFlow post(String url, Map<String, String> values) {
        send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(values))));
        return this;
    }

    /** The value of the CSRF field of the current page's forms (the ACC pages put one in every form). */
    public String csrf() {
        Element field = page == null ? null : page.selectFirst("input[name=csrf]");
        if (field != null) {
            return field.val();
        }
        Element meta = page == null ? null : page.selectFirst("meta[name=csrf-token]");
        if (meta == null) {
            throw new IllegalStateException("No CSRF token on page: " + text());
        }
        return meta.attr("content");
    }

    /** Fills the form of the current page with the values and submits it. */
    public BrowserFlow submit(String formSelector, Map<String, String> values) {
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new IllegalStateException("No form " + formSelector + " on page: " + page.title() + "\n" + text());
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            if (!"submit".equals(input.attr("type")) && !"checkbox".equals(input.attr("type"))) {
                data.put(input.attr("name"), input.val());
            }
        }
        data.putAll(values);
        String action = form.absUrl("action");
        send(HttpRequest.newBuilder(URI.create(action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(data))));
        return this;
    }

    /** Signs in on the Terminal login: one page with e-mail and password (the realm's browser flow "terminal browser"). */
    public BrowserFlow login(String username, String password) {
        Element form = page == null ? null : page.selectFirst("#kc-form-login");
        if (form == null || form.selectFirst("input[name=username]") == null || form.selectFirst("input[name=password]") == null) {
            throw new AssertionError("No one-page login form (e-mail and password): " + text());
        }
        for (int attempt = 1; ; attempt++) {
            submit("#kc-form-login", Map.of("username", username, "password", password));
            // refused and shown the form again: try again only if Keycloak refused while another sign-in of the user
            // was in progress (see LoginsInProgress), as a person would
            if (page == null || page.selectFirst("#kc-form-login") == null
                    || !LoginsInProgress.waitedOut(LoginsInProgress.SUITE, realm, username, attempt)) {
                return this;
            }
        }
    }

    public BrowserFlow updatePassword(String newPassword) {
        return submit("#kc-passwd-update-form", Map.of("password-new", newPassword, "password-confirm", newPassword));
    }

    /** True once Keycloak redirected back to the application with an authorization code. */
    public boolean reachedApplication() {
        return location != null && location.startsWith(REDIRECT) && location.contains("code=");
    }

    /** Exchanges the code for tokens (PKCE), as the application would. */
    public JsonNode tokens() {
        if (!reachedApplication()) {
            throw new IllegalStateException("Not back at the application; page: " + text());
        }
        String code = URI.create(location).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        ApiResponse r = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/realms/" + realm + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "authorization_code", "client_id", CLIENT,
                        "code", code, "redirect_uri", REDIRECT, "code_verifier", verifier)))));
        if (r.status() != 200) {
            throw new IllegalStateException("code exchange failed: " + r);
        }
        return r.body();
    }

    /** The session's cookies as a {@code Cookie} header, for requests made past this flow. */
    public String cookieHeader() {
        return String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }

    public Document page() {
        return page;
    }

    public String text() {
        return page == null ? "" : page.text();
    }

    public int status() {
        return status;
    }

    public boolean hasForm(String selector) {
        return page != null && page.selectFirst(selector) != null;
    }

    private void send(HttpRequest.Builder request) {
        request.header("Accept-Language", language).timeout(Duration.ofSeconds(30));
        if (!cookies.isEmpty()) {
            request.header("Cookie", String.join("; ", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip();
                boolean expired = header.toLowerCase().contains("max-age=0") || value.isEmpty();
                if (expired) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            status = response.statusCode();
            location = null;
            if (status == 302 || status == 303) {
                String next = response.headers().firstValue("Location").orElseThrow();
                URI resolved = response.uri().resolve(next);
                if (resolved.toString().startsWith(REDIRECT)) {
                    location = resolved.toString();
                    page = null;
                    return;
                }
                send(HttpRequest.newBuilder(resolved).GET());
                return;
            }
            page = Jsoup.parse(response.body(), response.uri().toString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
