package com.terminalacc.it.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, the fuzzer: at least 1,000 generated requests across every route of the customer, staff and app APIs and
 * every page (the routes of {@code authorization-matrix.txt}, which {@code RouteTableTest} holds equal to the JAX-RS
 * annotations), each one built so that it must be refused: malformed JSON, wrong types, unknown and duplicate keys,
 * deep nesting, huge, empty, unicode, control-character and null-byte strings, ids that do not exist or are hostile,
 * bad paging and query values, methods the path does not have, wrong content types and Accept headers, no or forged
 * tokens, page forms without or with a forged CSRF token. Asserts 0 × 5xx, every refusal of the APIs in the
 * documented shape (or one of the documented answers Keycloak gives before our code runs, README "Errors"), and an
 * unchanged snapshot of the accounts' contacts, users, roles, clouds, members, shares and products. The seed is printed
 * ({@code -Dfuzz.seed=…} repeats a run, {@code -Dfuzz.requests=…} changes the count).
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class FuzzIT extends AbstractTerminalIT {

    private static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** What Keycloak answers before our code runs (documented in the README): status and its {@code error}. */
    private static final Set<String> KEYCLOAK_REFUSALS = Set.of(
            "400 Blocking invalid query parameter value", "400 missingNormalization");

    /** Ids that exist nowhere or are hostile, already encoded for a path segment. */
    private static final List<String> HOSTILE_IDS = List.of("0", "-1", "null", "undefined", "x".repeat(300),
            "%C3%BC%C3%B6%C3%A4", "%E2%80%AE%F0%9F%98%80", "%20", "%2e%2e%2e", "a%2Fb", "%27%20OR%201%3D1--", "%3Cscript%3E",
            "%25", "%0A", "%00", "..%5C..%5C", "9223372036854775808");

    /** Hostile strings for JSON string values. */
    private static final List<String> HOSTILE_STRINGS = List.of("", " ", "\u0000", "a\u0000b", "\u0007\u001b[31m", "\uD83D\uDE00".repeat(50),
            "\u202E", "Ünïcödé 名前", "<script>alert(1)</script>", "' OR '1'='1", "${7*7}", "#{7*7}", "../../etc/passwd",
            "x".repeat(5000), "\uFEFF", "\r\nX-Injected: 1", "null", "true", "1e309");

    private static final List<String> QUERY_NAMES = List.of("first", "max", "search", "userId", "cloudId", "productId", "action",
            "status", "accountId", "validateOnly", "step", "kc_locale", "notice", "page");

    private static final List<String> QUERY_VALUES = List.of("-1", "0", "101", "2147483647", "2147483648", "99999999999", "1e3",
            "abc", "", "%00", "%C3%BC", "%25", "%2Fetc%2Fpasswd", "%27", "true", "details", "x".repeat(2000), "%E2%80%AE");

    private record Route(String method, String template) {
        boolean api() {
            return template.contains("/acc/api") || template.contains("/acc/app") || template.startsWith("/admin/");
        }

        /** Takes a JSON body (every API change except the body-less actions). */
        boolean json() {
            return api() && !method.equals("GET") && !method.equals("DELETE") && !template.endsWith("/onboarding")
                    && !template.endsWith("/accept") && !template.endsWith("/decline") && !template.endsWith("/approve");
        }

        boolean hasIds() {
            return template.replace("{realm}", "").contains("{");
        }
    }

    /** The world the requests aim at: real ids of two accounts, and who calls. */
    private record World(TestAccount a, TestAccount b, TestUser admin, TestUser user, String plain, String cloud,
                         String share, String product) {
    }

    @Test
    void generatedHostileRequestsAreRefusedCleanly() throws Exception {
        long seed = Long.getLong("fuzz.seed", 20261203L);
        int count = Integer.getInteger("fuzz.requests", 1200);
        System.out.println("FuzzIT seed=" + seed + " requests=" + count + " (repeat with -Dfuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        List<Route> routes = routes();
        allRoutes = routes;
        assertTrue(routes.size() > 90, "the route list is read: " + routes.size());

        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        Api owner = as(a.ownerEmail());
        TestUser admin = newUser(a, "admin", "clouds", "clouds:move-products");
        TestUser user = newUser(a, "user");
        String plain = owner.post("contacts", contact("Paula", "Plain", a.email("plain-" + uid()))).text("id");
        String cloud = newCloud(owner, "Fuzz");
        assertEquals(201, owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "type", "MEMBER")).status());
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", b.domain())).text("id");
        String product = "fuzz-" + uid();
        assertEquals(201, app().put("products/" + product, Map.of("name", "VM", "type", "vm", "cloudId", cloud)).status());
        World world = new World(a, b, admin, user, plain, cloud, share, product);
        BrowserFlow page = new BrowserFlow(REALM, "en").start().login(a.ownerEmail(), PASSWORD);
        assertTrue(page.reachedApplication(), page.text());

        Map<String, String> before = snapshot(world);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<String, Integer> categories = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> foreignShape = new ArrayList<>();
        List<String> accepted = new ArrayList<>();
        int keycloakAnswers = 0;
        // generated in order from the seed (reproducible), sent by a few threads (bounded time)
        List<Route> chosen = new ArrayList<>();
        List<Request> requests = new ArrayList<>();
        Callers callers = null;
        for (int i = 0; i < count; i++) {
            if (i % 300 == 0) {
                callers = new Callers(as(a.ownerEmail()), as(admin.email()), as(user.email()), app(), staff());
            }
            Route route = routes.get(random.nextInt(routes.size()));
            chosen.add(route);
            requests.add(generate(route, world, random, callers, page));
        }
        long start = System.nanoTime();
        List<HttpResponse<String>> responses = sendAll(requests, THREADS);
        for (int i = 0; i < count; i++) {
            Route route = chosen.get(i);
            Request request = requests.get(i);
            HttpResponse<String> response = responses.get(i);
            categories.merge(request.category(), 1, Integer::sum);
            int status = response.statusCode();
            statuses.merge(status, 1, Integer::sum);
            String line = "#" + i + " " + request.describe() + " -> " + status + " " + abbreviate(response.body());
            if (status >= 500) {
                serverErrors.add(line);
            } else if (status < 300 || status == 303) {
                if (!request.http().method().equals("GET")) {
                    accepted.add(line); // every generated change must be refused
                }
            } else if (route.api() && status >= 400) {
                String shape = shape(response);
                if (shape == null) {
                    continue;
                }
                if (KEYCLOAK_REFUSALS.contains(status + " " + shape)) {
                    keycloakAnswers++;
                } else {
                    foreignShape.add(line);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, String> after = snapshot(world);
        List<String> changed = new ArrayList<>();
        before.forEach((k, v) -> {
            if (!v.equals(after.get(k))) {
                changed.add(k + "\n  before: " + v + "\n  after:  " + after.get(k));
            }
        });

        System.out.printf("FuzzIT: %d requests in %.1f s (%d threads) over %d routes, seed %d%n", count, seconds, THREADS, routes.size(), seed);
        System.out.println("FuzzIT statuses: " + statuses);
        System.out.println("FuzzIT kinds: " + categories);
        System.out.println("FuzzIT 5xx: " + serverErrors.size() + ", refusals outside the documented shape: " + foreignShape.size()
                + ", Keycloak's documented answers: " + keycloakAnswers + ", changes accepted: " + accepted.size()
                + ", snapshot sections changed: " + changed.size() + " of " + before.size());
        assertTrue(count >= 1000, "at least 1,000 requests");
        assertTrue(serverErrors.isEmpty(), serverErrors.size() + " × 5xx, e.g.\n" + String.join("\n", head(serverErrors)));
        assertTrue(foreignShape.isEmpty(), foreignShape.size() + " refusals not in our shape, e.g.\n" + String.join("\n", head(foreignShape)));
        assertTrue(accepted.isEmpty(), accepted.size() + " generated changes were accepted, e.g.\n" + String.join("\n", head(accepted)));
        assertTrue(changed.isEmpty(), "state changed:\n" + String.join("\n", changed));
    }

    private static final int THREADS = 4;

    private static List<HttpResponse<String>> sendAll(List<Request> requests, int threads) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Request r : requests) {
                futures.add(pool.submit(() -> HTTP.send(r.http(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))));
            }
            List<HttpResponse<String>> responses = new ArrayList<>();
            for (var f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- generating one request

    private record Callers(Api owner, Api admin, Api user, Api app, Api staff) {
    }

    private record Request(String category, HttpRequest http, String body) {
        String describe() {
            return category + " " + http.method() + " " + http.uri() + " " + http.headers().firstValue("Content-Type").orElse("-")
                    + (body == null ? "" : " " + abbreviate(body));
        }
    }

    private Request generate(Route route, World w, Random random, Callers callers, BrowserFlow page) {
        if (!route.api()) {
            return pageRequest(route, w, random, page);
        }
        List<String> kinds = new ArrayList<>(List.of("method", "accept"));
        if (!route.template().startsWith("/admin/")) {
            kinds.add("token"); // the staff API's missing token is Keycloak's admin root's answer, not ours
        }
        if (route.json()) {
            kinds.addAll(List.of("body", "body", "body", "content-type", "content-type"));
        }
        if (route.hasIds()) {
            kinds.addAll(List.of("ids", "ids"));
        }
        if (route.method().equals("GET")) {
            kinds.addAll(List.of("query", "query", "query"));
        }
        String kind = kinds.get(random.nextInt(kinds.size()));
        boolean fakeIds = kind.equals("ids");
        String path = path(route, w, random, fakeIds);
        String method = route.method();
        String contentType = route.json() ? "application/json" : null;
        String accept = "application/json";
        String body = route.json() ? invalidBody(random) : null;
        String token = token(route, callers, random);
        switch (kind) {
            case "method" -> {
                Set<String> allowed = allowedMethods(route);
                List<String> others = new ArrayList<>(List.of("GET", "POST", "PUT", "PATCH", "DELETE"));
                others.removeAll(allowed);
                method = others.isEmpty() ? "PATCH" : others.get(random.nextInt(others.size()));
                body = method.equals("GET") || method.equals("DELETE") ? null : plausibleBody(random);
                contentType = body == null ? null : "application/json";
            }
            case "accept" -> accept = pick(random, List.of("application/xml", "text/html", "image/png", "text/plain;q=1, application/json;q=0", "*/*;q=0"));
            case "token" -> token = pick(random, List.of("", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "not-a-token", UUID.randomUUID().toString()));
            case "content-type" -> {
                contentType = pick(random, List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "",
                        "multipart/form-data; boundary=x", "application/json-patch+json", "*/*"));
                body = plausibleBody(random);
            }
            case "ids" -> body = route.json() ? plausibleBody(random) : null;
            case "query" -> path = path + query(random);
            default -> {
            }
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(Api.BASE + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", random.nextBoolean() ? "de" : "en");
        if (accept != null) {
            b.header("Accept", accept);
        }
        if (token != null && !token.isEmpty()) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null && !contentType.isEmpty()) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return new Request(kind, b.build(), body);
    }

    /** A page: GET with hostile ids and query values, or a form post without or with a forged CSRF token. */
    private Request pageRequest(Route route, World w, Random random, BrowserFlow page) {
        boolean fake = route.hasIds() && random.nextInt(3) == 0;
        String path = path(route, w, random, fake);
        HttpRequest.Builder b = HttpRequest.newBuilder().timeout(Duration.ofSeconds(60)).header("Cookie", page.cookieHeader())
                .header("Accept-Language", "en");
        if (route.method().equals("GET")) {
            String p = path + (random.nextBoolean() ? query(random) : "");
            return new Request(fake ? "page-ids" : "page-query", b.uri(URI.create(Api.BASE + p)).GET().build(), null);
        }
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("firstName", "lastName", "email", "role", "name", "locale", "partnerDomain", "domains", "reason",
                "write", "order", "type", "password", "contactId", "cloudId", "back")) {
            if (random.nextInt(3) == 0) {
                form.put(field, pick(random, HOSTILE_STRINGS));
            }
        }
        String csrf = pick(random, List.of("", "forged", "AAAA", "x".repeat(100), "%00"));
        if (!csrf.isEmpty()) {
            form.put("csrf", csrf);
        }
        String body = Api.form(form);
        if (random.nextInt(4) == 0) {
            body = body + "&csrf=forged&csrf=" + URLEncoder.encode("\u0000", StandardCharsets.UTF_8); // duplicate fields
        }
        b.uri(URI.create(Api.BASE + path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (random.nextInt(4) == 0) {
            b.header("Origin", "https://evil.example");
        }
        return new Request(csrf.isEmpty() ? "page-no-csrf" : "page-forged-csrf", b.build(), body);
    }

    private static String token(Route route, Callers callers, Random random) {
        if (route.template().startsWith("/admin/")) {
            return callers.staff().token();
        }
        if (route.template().contains("/acc/app")) {
            return random.nextInt(4) == 0 ? callers.owner().token() : callers.app().token();
        }
        return switch (random.nextInt(6)) {
            case 0 -> callers.admin().token();
            case 1 -> callers.user().token();
            default -> callers.owner().token();
        };
    }

    /** The route's path with real ids (the own account's objects) or hostile ones. */
    private static String path(Route route, World w, Random random, boolean fake) {
        String[] segments = route.template().split("/");
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            String value = s;
            if (s.equals("{realm}")) {
                value = REALM;
            } else if (s.startsWith("{")) {
                value = fake ? pick(random, HOSTILE_IDS) : real(segments[i - 1], s, route.template(), w);
            }
            out.append('/').append(value);
        }
        return out.toString();
    }

    private static String real(String parent, String placeholder, String template, World w) {
        return switch (parent) {
            case "accounts" -> w.a().id();
            case "contacts" -> w.plain();
            case "clouds" -> w.cloud();
            case "members" -> w.user().contactId();
            case "shares" -> w.share();
            case "products" -> w.product();
            default -> UUID.randomUUID().toString(); // owner requests: none exist
        };
    }

    private Set<String> allowedMethods(Route route) {
        Set<String> allowed = new TreeSet<>();
        for (Route r : allRoutes) {
            if (r.template().equals(route.template())) {
                allowed.add(r.method());
            }
        }
        return allowed;
    }

    private List<Route> allRoutes = List.of();

    /** A body that must be refused before anything happens: broken syntax, a key the API does not know, or worse. */
    private static String invalidBody(Random random) {
        String s = json(pick(random, HOSTILE_STRINGS));
        return switch (random.nextInt(16)) {
            case 0 -> "";
            case 1 -> "null";
            case 2 -> "{";
            case 3 -> "{\"name\":" + s + ",\"name\":" + s + "}";
            case 4 -> "{\"fuzz_unknown\":" + s + "}";
            case 5 -> "[" .repeat(2000) + "]".repeat(2000);
            case 6 -> "{\"a\":".repeat(500) + "1" + "}".repeat(500);
            case 7 -> "{\"firstName\":\"" + "x".repeat(70_000) + "\"}";
            case 8 -> "{\"firstName\":123,\"email\":true,\"fuzz\":1}";
            case 9 -> "{\"write\":\"true\",\"order\":1,\"supportPermission\":\"false\",\"zz\":0}";
            case 10 -> "\u0000{}";
            case 11 -> "{\"name\":\"a\u0000b\"} trailing";
            case 12 -> "{'single':'quotes'}";
            case 13 -> "{\"checks\":[null],\"modules\":[null],\"domains\":[1],\"fuzz\":[]}";
            case 14 -> "\uFEFF{\"fuzz\":" + s + "}";
            default -> "{\"name\":" + s + ",\"firstName\":" + s + ",\"description\":{\"deep\":[[[[[]]]]]},\"x\":" + s + "}";
        };
    }

    /** A well-formed body with hostile strings and ids that exist nowhere, for requests refused for another reason. */
    private static String plausibleBody(Random random) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", pick(random, HOSTILE_STRINGS));
        m.put("cloudId", UUID.randomUUID().toString());
        m.put("contactId", UUID.randomUUID().toString());
        m.put("fuzz_marker", true); // unknown everywhere: never a valid change
        try {
            return Api.JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String query(Random random) {
        StringBuilder q = new StringBuilder("?");
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            q.append(i == 0 ? "" : "&").append(pick(random, QUERY_NAMES)).append('=').append(pick(random, QUERY_VALUES));
        }
        return q.toString();
    }

    private static String json(String s) {
        try {
            return Api.JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** The refusal's shape: null when it is ours ({@code code}, {@code message}, optional {@code errors}), else a description. */
    private static String shape(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (!type.contains("json") || body == null || body.isBlank()) {
            return "not JSON: " + type;
        }
        try {
            JsonNode json = Api.JSON.readTree(body);
            if (json.isObject() && json.hasNonNull("code") && json.hasNonNull("message")) {
                Set<String> names = new TreeSet<>();
                json.fieldNames().forEachRemaining(names::add);
                names.removeAll(Set.of("code", "message", "errors"));
                return names.isEmpty() ? null : "extra fields " + names;
            }
            return json.has("error") ? json.get("error").asText() : "other JSON";
        } catch (IOException e) {
            return "broken JSON";
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 160 ? t.substring(0, 160) + "…" : t;
    }

    private static List<String> head(List<String> list) {
        return list.subList(0, Math.min(15, list.size()));
    }

    // ---- the routes and the state

    /** The routes of the authorization matrix (its first column), which RouteTableTest holds equal to the code. */
    private List<Route> routes() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (InputStream in = FuzzIT.class.getResourceAsStream("/authorization-matrix.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    keys.add(l.split("\\s*\\|\\s*")[0].replaceAll("\\s+", " ").strip());
                }
            }
        }
        List<Route> routes = new ArrayList<>();
        for (String key : keys) {
            int space = key.indexOf(' ');
            routes.add(new Route(key.substring(0, space), key.substring(space + 1)));
        }
        return routes;
    }

    /** Contacts (with logins, roles, modules), users, clouds, members, shares, products and the accounts themselves. */
    private Map<String, String> snapshot(World w) {
        Api staff = staff();
        Map<String, String> s = new LinkedHashMap<>();
        for (TestAccount acc : List.of(w.a(), w.b())) {
            s.put("account " + acc.id(), staff.get("accounts/" + acc.id()).raw());
            s.put("contacts " + acc.id(), staff.get("accounts/" + acc.id() + "/contacts?max=100").raw());
            ApiResponse clouds = staff.get("accounts/" + acc.id() + "/clouds?max=100");
            s.put("clouds " + acc.id(), clouds.raw());
            JsonNode items = clouds.body() == null ? null : clouds.body().get("items");
            for (JsonNode c : items == null ? List.<JsonNode>of() : items) { // none: the account itself is gone, the diff shows it
                String id = c.get("id").asText();
                s.put("members " + id, staff.get("clouds/" + id + "/members?max=100").raw());
            }
            s.put("owner requests " + acc.id(), staff.get("owner-requests?accountId=" + acc.id() + "&max=100").raw());
        }
        s.put("shares of the cloud", as(w.a().ownerEmail()).get("clouds/" + w.cloud() + "/shares?max=100").raw());
        s.put("shares offered to B", as(w.b().ownerEmail()).get("shares?max=100").raw());
        s.put("products", app().get("products?cloudId=" + w.cloud() + "&max=100").raw());
        for (String userId : List.of(w.a().ownerUserId(), w.admin().userId(), w.user().userId(), w.b().ownerUserId())) {
            var u = realm.admin().users().get(userId);
            var rep = u.toRepresentation();
            s.put("user " + userId, rep.isEnabled() + " " + rep.getEmail() + " " + rep.getAttributes() + " "
                    + u.roles().realmLevel().listAll().stream().map(r -> r.getName()).sorted().toList() + " "
                    + u.credentials().stream().map(c -> c.getType() + ":" + c.getCreatedDate()).toList());
        }
        return s;
    }
}
