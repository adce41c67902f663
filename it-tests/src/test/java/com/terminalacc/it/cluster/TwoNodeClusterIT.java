package com.terminalacc.it.cluster;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.LoginsInProgress;
import com.terminalacc.it.support.Tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The extension on a two-node Keycloak cluster (one PostgreSQL database, {@link ClusterNodes}): what one node changes
 * the other shows at once (check API, the next token's claim, Keycloak's own role changes); invariants hold when
 * conflicting requests are spread over both nodes; a node killed under load loses no change it answered 2xx, the
 * survivor keeps serving correct claims, and the restarted node rejoins and serves them too.
 * Run with {@code ./mvnw verify -Pcluster -pl it-tests -am}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final String REALM = "terminal";
    private static final String PASSWORD = "Start-Passwort-2026";
    private static final String CLIENT = "it-client";
    private static final String SECRET = "it-secret";

    private final ClusterNodes nodes = new ClusterNodes();
    private final AtomicInteger seq = new AtomicInteger();
    /** Activating a login sends an e-mail (and is refused without one): a mail sink for both nodes. */
    private final com.icegreen.greenmail.util.GreenMail mail = new com.icegreen.greenmail.util.GreenMail(
            new com.icegreen.greenmail.util.ServerSetup(3025, "127.0.0.1", "smtp"));

    @BeforeAll
    void startCluster() throws Exception {
        mail.start();
        nodes.start();
        assertEquals(204, keycloakAdmin(nodes.a).put("", Map.of("smtpServer",
                Map.of("host", "127.0.0.1", "port", "3025", "from", "terminal@example.com"))).status());
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("clientId", CLIENT);
        client.put("secret", SECRET);
        client.put("publicClient", false);
        client.put("directAccessGrantsEnabled", true);
        client.put("standardFlowEnabled", false);
        client.put("defaultClientScopes", List.of("basic", "web-origins", "acr", "profile", "roles", "email", "terminal"));
        ApiResponse created = keycloakAdmin(nodes.a).post("clients", client);
        assertEquals(201, created.status(), created.toString());
    }

    @AfterAll
    void stopCluster() {
        nodes.close();
        mail.stop();
    }

    // ---- the tests

    @Test
    @Order(1)
    void aChangeOnOneNodeShowsOnTheOtherAtOnce() {
        Account acc = newAccount(nodes.a);
        String userContact = newUser(nodes.a, acc, "user");
        String userEmail = emailOf(acc, userContact);
        Api ownerOnA = customer(nodes.a, acc.ownerEmail);
        String userId = userIdOf(nodes.a, acc, userContact);
        String cloud = ownerOnA.post("clouds", Map.of("name", "Cluster " + uid())).text("id");
        assertEquals(201, ownerOnA.post("clouds/" + cloud + "/members", Map.of("contactId", userContact)).status());

        Api appOnB = app(nodes.b);
        JsonNode tokensOnB = passwordGrant(nodes.b, userEmail);
        assertEquals("r", claim(tokensOnB).path("clouds").path(cloud).asText(), "the first token on B");
        assertTrue(allowed(appOnB, userId, cloud, "read"));
        assertFalse(allowed(appOnB, userId, cloud, "write"));

        assertEquals(200, ownerOnA.patch("clouds/" + cloud + "/members/" + userContact, Map.of("write", true)).status());
        assertTrue(allowed(appOnB, userId, cloud, "write"), "B's check API answers A's change at once");
        tokensOnB = refresh(nodes.b, tokensOnB);
        assertEquals("rw", claim(tokensOnB).path("clouds").path(cloud).asText(), "B's next token carries A's change");

        // ten changes on A, each followed at once by a refresh on B: never the old claim; and what a token costs on B
        long[] warm = new long[20];
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            tokensOnB = refresh(nodes.b, tokensOnB);
            warm[i] = System.nanoTime() - t;
        }
        long[] afterChange = new long[10];
        for (int i = 0; i < afterChange.length; i++) {
            boolean write = i % 2 == 0;
            assertEquals(200, ownerOnA.patch("clouds/" + cloud + "/members/" + userContact, Map.of("write", !write)).status());
            assertEquals(200, ownerOnA.patch("clouds/" + cloud + "/members/" + userContact, Map.of("write", write)).status());
            long t = System.nanoTime();
            tokensOnB = refresh(nodes.b, tokensOnB);
            afterChange[i] = System.nanoTime() - t;
            assertEquals(write ? "rw" : "r", claim(tokensOnB).path("clouds").path(cloud).asText(), "round " + i);
        }
        assertEquals(200, ownerOnA.patch("clouds/" + cloud + "/members/" + userContact, Map.of("write", true)).status());
        System.out.printf("[cluster] refresh grant on B: median %.1f ms with a warm claim cache, %.1f ms right after a change on A%n",
                median(warm), median(afterChange));

        // a role change in Keycloak's own admin REST API on A: the module permission (client role) shows in B's next token
        Api adminA = keycloakAdmin(nodes.a);
        String modulesClient = adminA.get("clients?clientId=terminal-modules").body().get(0).get("id").asText();
        JsonNode support = adminA.get("clients/" + modulesClient + "/roles/support").body();
        assertEquals(204, adminA.post("users/" + userId + "/role-mappings/clients/" + modulesClient, List.of(support)).status());
        tokensOnB = refresh(nodes.b, tokensOnB);
        assertTrue(textValues(claim(tokensOnB).path("modules")).contains("support"), claim(tokensOnB).toString());

        // and back: a removal on B shows on A
        Api ownerOnB = customer(nodes.b, acc.ownerEmail);
        assertEquals(204, ownerOnB.delete("clouds/" + cloud + "/members/" + userContact).status());
        assertFalse(allowed(app(nodes.a), userId, cloud, "read"), "A's check API answers B's change at once");
        JsonNode tokensOnA = passwordGrant(nodes.a, userEmail);
        assertFalse(claim(tokensOnA).path("clouds").has(cloud), "A's next token");
        tokensOnB = refresh(nodes.b, tokensOnB);
        assertFalse(claim(tokensOnB).path("clouds").has(cloud), "B's next token");
    }

    @Test
    @Order(2)
    void fiftyConflictingRequestsOverBothNodesLeaveValidData() throws Exception {
        // the last Cloud-Admin (S-CLD-3): five Cloud-Admins besides the Owner, fifty demotions
        Account acc = newAccount(nodes.a);
        Api ownerOnA = customer(nodes.a, acc.ownerEmail);
        Api ownerOnB = customer(nodes.b, acc.ownerEmail);
        String cloud = ownerOnA.post("clouds", Map.of("name", "Conflicts " + uid())).text("id");
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String contact = newUser(nodes.a, acc, "admin");
            assertEquals(201, ownerOnA.post("clouds/" + cloud + "/members", Map.of("contactId", contact, "type", "ADMIN")).status());
            admins.add(contact);
        }
        admins.add(acc.ownerContact);
        List<ApiResponse> demotions = spread(50, i -> (i % 2 == 0 ? ownerOnA : ownerOnB)
                .patch("clouds/" + cloud + "/members/" + admins.get(i % admins.size()), Map.of("type", "MEMBER")));
        assertNoServerError(demotions);
        long adminsLeft = 0;
        for (JsonNode m : ownerOnA.get("clouds/" + cloud + "/members?max=100").body().get("items")) {
            adminsLeft += "ADMIN".equals(m.path("type").asText()) ? 1 : 0;
        }
        assertEquals(1, adminsLeft, "exactly one Cloud-Admin left: " + statuses(demotions));

        // the last Owner (S-ROL-3): five Owners, fifty demotions by staff on both nodes
        Account second = newAccount(nodes.a);
        List<String> owners = new ArrayList<>(List.of(second.ownerContact));
        for (int i = 0; i < 4; i++) {
            String contact = newUser(nodes.a, second, "admin");
            assertEquals(200, staff(nodes.a).put("accounts/" + second.id + "/contacts/" + contact + "/login/role", Map.of("role", "owner")).status());
            owners.add(contact);
        }
        Api staffA = staff(nodes.a);
        Api staffB = staff(nodes.b);
        List<ApiResponse> ownerDemotions = spread(50, i -> (i % 2 == 0 ? staffA : staffB)
                .put("accounts/" + second.id + "/contacts/" + owners.get(i % owners.size()) + "/login/role", Map.of("role", "admin")));
        assertNoServerError(ownerDemotions);
        long ownersLeft = 0;
        for (JsonNode c : staffA.get("accounts/" + second.id + "/contacts?max=100").body().get("items")) {
            ownersLeft += "owner".equals(c.path("role").asText()) ? 1 : 0;
        }
        assertEquals(1, ownersLeft, "exactly one Owner left: " + statuses(ownerDemotions));

        // a share's acceptance against ceiling changes (S-CLD-9): the acceptance stays, the last ceiling wins
        Account partner = newAccount(nodes.a);
        Api partnerOnA = customer(nodes.a, partner.ownerEmail);
        Api partnerOnB = customer(nodes.b, partner.ownerEmail);
        String shared = ownerOnA.post("clouds", Map.of("name", "Shared " + uid())).text("id");
        String share = ownerOnA.post("clouds/" + shared + "/shares", Map.of("partnerDomain", partner.domain)).text("id");
        List<ApiResponse> shareRequests = spread(50, i -> i % 4 == 0 ? (i % 8 == 0 ? partnerOnA : partnerOnB).post("shares/" + share + "/accept", "")
                : (i % 2 == 0 ? ownerOnA : ownerOnB).patch("clouds/" + shared + "/shares/" + share, Map.of("write", i % 3 == 0)));
        assertNoServerError(shareRequests);
        long accepted = 0;
        for (int i = 0; i < shareRequests.size(); i += 4) {
            accepted += shareRequests.get(i).status() == 200 ? 1 : 0;
        }
        assertEquals(1, accepted, "one acceptance, the others find it decided: " + statuses(shareRequests));
        assertEquals("ACCEPTED", ownerOnA.get("clouds/" + shared + "/shares").text("items/0/status"), statuses(shareRequests));
    }

    @Test
    @Order(3)
    void aNodeKilledUnderLoadLosesNoAnsweredChange() throws Exception {
        Account acc = newAccount(nodes.a);
        String userContact = newUser(nodes.a, acc, "user");
        String userEmail = emailOf(acc, userContact);
        Map<ClusterNodes.Node, Api> owner = Map.of(nodes.a, customer(nodes.a, acc.ownerEmail), nodes.b, customer(nodes.b, acc.ownerEmail));
        String memberCloud = owner.get(nodes.a).post("clouds", Map.of("name", "Member cloud " + uid())).text("id");
        assertEquals(201, owner.get(nodes.a).post("clouds/" + memberCloud + "/members", Map.of("contactId", userContact)).status());

        // load: four threads, each change a new membership of the user (a new cloud), alternately on A and B
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<String> answered = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    int n = requests.incrementAndGet();
                    Api api = owner.get(n % 2 == 0 ? nodes.a : nodes.b);
                    try {
                        ApiResponse r = api.post("clouds", Map.of("name", "Load " + UUID.randomUUID()));
                        if (r.status() == 201) {
                            answered.add(r.text("id"));
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.incrementAndGet(); // connection refused or reset: the killed node
                    }
                }
            }));
        }
        Thread.sleep(4000);
        nodes.kill(nodes.b);
        long killedAt = requests.get();
        Thread.sleep(4000);
        stop.set(true);
        for (Future<?> w : workers) {
            w.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int verified = 0;
        List<String> lost = new ArrayList<>();
        for (String cloud : answered) {
            if (owner.get(nodes.a).get("clouds/" + cloud).status() == 200) {
                verified++;
            } else {
                lost.add(cloud);
            }
        }
        System.out.printf("[cluster] kill -9 under load: requests=%d (kill after %d), 2xx=%d, failures=%d, changes verified=%d, changes lost=%d%n",
                requests.get(), killedAt, answered.size(), failures.get(), verified, lost.size());
        assertEquals(List.of(), lost, "every change answered 2xx is there after the kill");
        assertTrue(answered.size() > 0, "the load did change something");

        // the survivor keeps serving correct claims: a change now shows in A's next token
        String afterKill = owner.get(nodes.a).post("clouds", Map.of("name", "After kill " + uid())).text("id");
        assertEquals(201, owner.get(nodes.a).post("clouds/" + afterKill + "/members", Map.of("contactId", userContact, "order", true)).status());
        JsonNode onA = claim(passwordGrant(nodes.a, userEmail));
        assertEquals("r", onA.path("clouds").path(memberCloud).asText(), onA.toString());
        assertEquals("ro", onA.path("clouds").path(afterKill).asText(), onA.toString());

        // the restarted node rejoins (cluster view of two in both logs) and serves the same claim
        nodes.restart(nodes.b);
        JsonNode onB = claim(passwordGrant(nodes.b, userEmail));
        assertEquals(onA.path("clouds"), onB.path("clouds"), "the restarted node serves the current claim");
        assertEquals(200, owner.get(nodes.a).patch("clouds/" + afterKill + "/members/" + userContact, Map.of("write", true)).status());
        assertEquals("rwo", claim(passwordGrant(nodes.b, userEmail)).path("clouds").path(afterKill).asText(),
                "a change on A shows in the rejoined node's next token");
    }

    // ---- helpers (plain HTTP against one node)

    private record Account(String id, String domain, String ownerContact, String ownerEmail) {
    }

    private String uid() {
        return seq.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Account newAccount(ClusterNodes.Node node) {
        String id = uid();
        String domain = "cluster-" + id + ".test";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Cluster " + id);
        body.put("type", "BUSINESS");
        body.put("domains", List.of(domain));
        body.put("owner", Map.of("firstName", "Olga", "lastName", "Owner", "email", "olga@" + domain));
        ApiResponse created = staff(node).post("accounts", body);
        assertEquals(201, created.status(), created.toString());
        JsonNode contact = staff(node).get("accounts/" + created.text("id") + "/contacts").body().get("items").get(0);
        setPassword(node, contact.get("userId").asText());
        return new Account(created.text("id"), domain, contact.get("id").asText(), "olga@" + domain);
    }

    /** A contact with an activated login ({@code admin} or {@code user}), made by the Owner; returns the contact id. */
    private String newUser(ClusterNodes.Node node, Account acc, String role) {
        Api owner = customer(node, acc.ownerEmail);
        String email = role + "-" + uid() + "@" + acc.domain;
        ApiResponse contact = owner.post("contacts", Map.of("firstName", "Test", "lastName", role, "email", email));
        assertEquals(201, contact.status(), contact.toString());
        ApiResponse login = owner.post("contacts/" + contact.text("id") + "/login", Map.of("role", role, "modules", List.of()));
        assertEquals(201, login.status(), login.toString());
        setPassword(node, login.text("userId"));
        return contact.text("id");
    }

    private String emailOf(Account acc, String contactId) {
        return staff(nodes.a).get("accounts/" + acc.id + "/contacts/" + contactId).text("email");
    }

    private String userIdOf(ClusterNodes.Node node, Account acc, String contactId) {
        return staff(node).get("accounts/" + acc.id + "/contacts/" + contactId).text("userId");
    }

    private void setPassword(ClusterNodes.Node node, String userId) {
        Api admin = keycloakAdmin(node);
        assertEquals(204, admin.put("users/" + userId + "/reset-password", Map.of("type", "password", "value", PASSWORD, "temporary", false)).status());
        com.fasterxml.jackson.databind.node.ObjectNode user = (com.fasterxml.jackson.databind.node.ObjectNode) admin.get("users/" + userId).body();
        user.putArray("requiredActions");
        assertEquals(204, admin.put("users/" + userId, user.toString()).status());
    }

    private static String adminToken(ClusterNodes.Node node) {
        ApiResponse r = Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "password", "client_id", "admin-cli",
                        "username", "admin", "password", "admin")))));
        assertEquals(200, r.status(), r.toString());
        return r.body().get("access_token").asText();
    }

    private static Api keycloakAdmin(ClusterNodes.Node node) {
        String token = adminToken(node);
        return new Api(node.url() + "/admin/realms/" + REALM, () -> token);
    }

    private static Api staff(ClusterNodes.Node node) {
        String token = adminToken(node);
        return new Api(node.url() + "/admin/realms/" + REALM + "/acc", () -> token);
    }

    /** The customer API on a node with a token that node issued (its issuer is the node's own URL). */
    private static Api customer(ClusterNodes.Node node, String email) {
        String token = passwordGrant(node, email).get("access_token").asText();
        return new Api(node.url() + "/realms/" + REALM + "/acc/api", () -> token);
    }

    private static Api app(ClusterNodes.Node node) {
        Api admin = keycloakAdmin(node);
        String id = admin.get("clients?clientId=terminal-backend").body().get(0).get("id").asText();
        String secret = admin.get("clients/" + id + "/client-secret").text("value");
        ApiResponse r = token(node, Map.of("grant_type", "client_credentials", "client_id", "terminal-backend", "client_secret", secret));
        String token = r.body().get("access_token").asText();
        return new Api(node.url() + "/realms/" + REALM + "/acc/app", () -> token);
    }

    private static boolean allowed(Api app, String userId, String cloud, String action) {
        ApiResponse r = app.get("check?userId=" + userId + "&cloudId=" + cloud + "&action=" + action);
        assertEquals(200, r.status(), r.toString());
        return r.body().get("allowed").asBoolean();
    }

    /** A password grant on one node (waits out Keycloak's "another sign-in in progress", see LoginsInProgress). */
    private static JsonNode passwordGrant(ClusterNodes.Node node, String email) {
        return LoginsInProgress.grant(new LoginsInProgress.Server(node.url(), () -> adminToken(node)), REALM, email,
                () -> token(node, Map.of("grant_type", "password", "client_id", CLIENT, "client_secret", SECRET,
                        "username", email, "password", PASSWORD, "scope", "openid")));
    }

    private static JsonNode refresh(ClusterNodes.Node node, JsonNode tokens) {
        ApiResponse r = token(node, Map.of("grant_type", "refresh_token", "client_id", CLIENT, "client_secret", SECRET,
                "refresh_token", tokens.get("refresh_token").asText()));
        assertEquals(200, r.status(), r.toString());
        return r.body();
    }

    private static ApiResponse token(ClusterNodes.Node node, Map<String, String> form) {
        return Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(form))));
    }

    private static JsonNode claim(JsonNode tokens) {
        return Tokens.payload(tokens.get("access_token").asText()).path("terminal");
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        java.util.Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000.0;
    }

    private static List<String> textValues(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** Runs n requests from 10 threads at once; request i decides its node itself. */
    private static List<ApiResponse> spread(int n, java.util.function.IntFunction<ApiResponse> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    go.await();
                    return request.apply(index);
                }));
            }
            go.countDown();
            List<ApiResponse> results = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                results.add(f.get(5, TimeUnit.MINUTES));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertNoServerError(List<ApiResponse> results) {
        for (ApiResponse r : results) {
            assertTrue(r.status() < 500, "no server error: " + r);
        }
    }

    private static String statuses(List<ApiResponse> results) {
        Map<String, Integer> counts = new HashMap<>();
        for (ApiResponse r : results) {
            counts.merge(r.status() + (r.code() == null ? "" : " " + r.code()), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(counts).toString();
    }
}
