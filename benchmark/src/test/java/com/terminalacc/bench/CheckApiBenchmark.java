package com.terminalacc.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Check-API latency on a seeded data set: 10,000 users of one account, 2,000 clouds, 100,000 memberships (10 per
 * user). Users, contacts, role mappings, clouds and memberships are loaded by SQL into PostgreSQL.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CheckApiBenchmark extends BenchSupport {

    static final int USERS = 10_000;
    static final int CLOUDS = 2_000;
    static final int PER_USER = 10;
    static final int WARMUP = 5_000;
    static final int MEASURED = 5_000;

    @Test
    void checkLatency() throws Exception {
        TestAccount acc = newBusinessAccount();
        long seedStart = System.nanoTime();
        List<String> users = seedUsers(acc.id());
        List<String> clouds = cloudsBySql(acc.id(), CLOUDS, null);
        Random random = new Random(42);
        List<String[]> memberships = new ArrayList<>();
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement m = c.prepareStatement("insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                    + " values (?, ?, ?, ?, ?, ?, 0)")) {
                int batch = 0;
                for (String user : users) {
                    Set<String> mine = new HashSet<>();
                    while (mine.size() < PER_USER) {
                        mine.add(clouds.get(random.nextInt(CLOUDS)));
                    }
                    for (String cloud : mine) {
                        m.setString(1, cloud);
                        m.setString(2, user);
                        m.setString(3, acc.id());
                        m.setString(4, random.nextInt(20) == 0 ? "ADMIN" : "MEMBER");
                        m.setBoolean(5, random.nextBoolean());
                        m.setBoolean(6, random.nextInt(4) == 0);
                        m.addBatch();
                        memberships.add(new String[] {user, cloud});
                        if (++batch % 5_000 == 0) {
                            m.executeBatch();
                        }
                    }
                }
                m.executeBatch();
            }
            c.commit();
            c.createStatement().execute("analyze");
        }
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
        long rows = Long.parseLong(scalar("select count(*) from TACC_CLOUD_MEMBER"));

        Api app = app();
        String[] actions = {"read", "write", "order", "move"};
        List<Long> single = new ArrayList<>();
        List<Long> singleServer = new ArrayList<>();
        for (int i = 0; i < WARMUP + MEASURED; i++) {
            String user = users.get(random.nextInt(users.size()));
            // half the questions about a cloud of the user, half about any cloud
            String cloud = random.nextBoolean() ? memberships.get(random.nextInt(memberships.size()))[1] : clouds.get(random.nextInt(CLOUDS));
            long t0 = System.nanoTime();
            ApiResponse r = app.get("check?userId=" + user + "&cloudId=" + cloud + "&action=" + actions[random.nextInt(4)]);
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), r.raw());
            if (i >= WARMUP) {
                single.add(t);
                singleServer.add(serverNanos(r));
            }
        }
        List<Long> batch = new ArrayList<>();
        List<Long> batchServer = new ArrayList<>();
        for (int i = 0; i < 1_000 + 1_000; i++) {
            String user = users.get(random.nextInt(users.size()));
            List<Map<String, String>> checks = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                checks.add(Map.of("cloudId", clouds.get(random.nextInt(CLOUDS)), "action", actions[random.nextInt(4)]));
            }
            long t0 = System.nanoTime();
            ApiResponse r = app.post("check", Map.of("userId", user, "checks", checks));
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), r.raw());
            if (i >= 1_000) {
                batch.add(t);
                batchServer.add(serverNanos(r));
            }
        }
        // the same 20 questions through AuthZEN (S-APP-1): one subject as the default, one evaluation per question
        List<Long> authZen = new ArrayList<>();
        List<Long> authZenServer = new ArrayList<>();
        for (int i = 0; i < 1_000 + 1_000; i++) {
            String user = users.get(random.nextInt(users.size()));
            List<Map<String, Object>> evaluations = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                evaluations.add(Map.of("resource", Map.of("type", "cloud", "id", clouds.get(random.nextInt(CLOUDS))),
                        "action", Map.of("name", actions[random.nextInt(4)])));
            }
            long t0 = System.nanoTime();
            ApiResponse r = app.post("access/v1/evaluations", Map.of("subject", Map.of("type", "user", "id", user), "evaluations", evaluations));
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), r.raw());
            if (i >= 1_000) {
                authZen.add(t);
                authZenServer.add(serverNanos(r));
            }
        }
        Collections.sort(authZen);
        Collections.sort(authZenServer);
        Collections.sort(single);
        Collections.sort(batch);
        Collections.sort(singleServer);
        Collections.sort(batchServer);
        String md = String.format("""
                ### Check API latency (client-measured over HTTP on loopback, one client thread)

                Data set: %d users, %d clouds, %d memberships (seeded in %.1f s).

                | request | n | median | p95 | p99 |
                |---|---:|---:|---:|---:|
                | GET /acc/app/check (one question) | %d | %.2f ms | %.2f ms | %.2f ms |
                | POST /acc/app/check (20 questions) | %d | %.2f ms | %.2f ms | %.2f ms |
                | POST /acc/app/access/v1/evaluations (AuthZEN, 20 evaluations) | %d | %.2f ms | %.2f ms | %.2f ms |

                Inside Keycloak (the responses' `Server-Timing: acc;dur=…`: token verification, caller, subject, query):

                | request | n | median | p95 | p99 |
                |---|---:|---:|---:|---:|
                | GET /acc/app/check (one question) | %d | %.2f ms | %.2f ms | %.2f ms |
                | POST /acc/app/check (20 questions) | %d | %.2f ms | %.2f ms | %.2f ms |
                | POST /acc/app/access/v1/evaluations (AuthZEN, 20 evaluations) | %d | %.2f ms | %.2f ms | %.2f ms |
                """, USERS, CLOUDS, rows, seedSeconds,
                single.size(), percentile(single, 50) / 1e6, percentile(single, 95) / 1e6, percentile(single, 99) / 1e6,
                batch.size(), percentile(batch, 50) / 1e6, percentile(batch, 95) / 1e6, percentile(batch, 99) / 1e6,
                authZen.size(), percentile(authZen, 50) / 1e6, percentile(authZen, 95) / 1e6, percentile(authZen, 99) / 1e6,
                singleServer.size(), percentile(singleServer, 50) / 1e6, percentile(singleServer, 95) / 1e6, percentile(singleServer, 99) / 1e6,
                batchServer.size(), percentile(batchServer, 50) / 1e6, percentile(batchServer, 95) / 1e6, percentile(batchServer, 99) / 1e6,
                authZenServer.size(), percentile(authZenServer, 50) / 1e6, percentile(authZenServer, 95) / 1e6, percentile(authZenServer, 99) / 1e6);
        report("check-api", md);
    }

    /** The server's own time from {@code Server-Timing: acc;dur=1.23}, in nanoseconds. */
    private static long serverNanos(ApiResponse r) {
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        return Math.round(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1e6);
    }

    /** 10,000 users with role User and a contact each, by SQL. */
    private List<String> seedUsers(String accountId) throws Exception {
        String role = scalar("select ID from KEYCLOAK_ROLE where REALM_ID = 'terminal' and NAME = 'terminal-user' and CLIENT_ROLE = false");
        List<String> ids = new ArrayList<>();
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement u = c.prepareStatement("insert into USER_ENTITY (ID, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED, FIRST_NAME, LAST_NAME,"
                    + " REALM_ID, USERNAME, CREATED_TIMESTAMP, NOT_BEFORE) values (?, ?, ?, false, true, 'Bench', ?, 'terminal', ?, 0, 0)");
                 PreparedStatement r = c.prepareStatement("insert into USER_ROLE_MAPPING (ROLE_ID, USER_ID) values (?, ?)");
                 PreparedStatement ct = c.prepareStatement("insert into TACC_CONTACT (ID, REALM_ID, ACCOUNT_ID, FIRST_NAME, LAST_NAME, EMAIL,"
                         + " SUPPORT_PERMISSION, USER_ID, CREATED_AT, UPDATED_AT, VERSION) values (?, 'terminal', ?, 'Bench', ?, ?, true, ?, 0, 0, 0)")) {
                for (int i = 0; i < USERS; i++) {
                    String id = UUID.randomUUID().toString();
                    String email = "bench-" + i + "-" + id.substring(0, 6) + "@bench.test";
                    u.setString(1, id);
                    u.setString(2, email);
                    u.setString(3, email);
                    u.setString(4, "User " + i);
                    u.setString(5, email);
                    u.addBatch();
                    r.setString(1, role);
                    r.setString(2, id);
                    r.addBatch();
                    ct.setString(1, UUID.randomUUID().toString());
                    ct.setString(2, accountId);
                    ct.setString(3, "User " + i);
                    ct.setString(4, email);
                    ct.setString(5, id);
                    ct.addBatch();
                    ids.add(id);
                    if ((i + 1) % 2_000 == 0) {
                        u.executeBatch();
                        r.executeBatch();
                        ct.executeBatch();
                    }
                }
                u.executeBatch();
                r.executeBatch();
                ct.executeBatch();
            }
            c.commit();
        }
        return ids;
    }
}
