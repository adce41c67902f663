package com.terminalacc.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: the data set of a real hosting provider, loaded in bulk, and the paths that run on every request measured
 * there. Loaded by SQL into PostgreSQL the way a migration would: one template account (its organization, group,
 * domain, Owner and one User with contacts, role mappings, organization membership and password) is created through
 * the real staff and customer APIs, and its rows are copied with {@code generate_series} — so every copied row is a row
 * Keycloak and the extension wrote themselves, only the names and ids differ.
 *
 * <p>Data set (defaults; {@code -Dscale.accounts=…} for a smaller run): 100,000 accounts with 5 users and contacts
 * each (1 Owner, 4 Users) = 500,000; 2 clouds per account = 200,000; each User in both clouds of its account = 800,000
 * memberships; plus one large account with 10,000 contacts and users, 2,000 clouds and 200,000 memberships (one cloud
 * with 500 members). In all 1,000,000 memberships.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ScaleBenchmark extends BenchSupport {

    static final int ACCOUNTS = Integer.getInteger("scale.accounts", 100_000);
    static final int USERS_PER_ACCOUNT = 5;
    static final int CLOUDS_PER_ACCOUNT = 2;
    static final int LARGE_USERS = 10_000;
    static final int LARGE_CLOUDS = 2_000;
    static final int LARGE_PER_USER = 20;
    static final int ROUNDS = Integer.getInteger("scale.rounds", 2_000);
    static final int PAGE_ROUNDS = Integer.getInteger("scale.pageRounds", 200);

    private final Map<String, Double> loadSeconds = new LinkedHashMap<>();

    @Test
    void atProviderScale() throws Exception {
        TestAccount template = newBusinessAccount();
        TestUser templateUser = newUser(template, "user");
        TestAccount large = newBusinessAccount();
        TestUser largeUser = newUser(large, "user");
        String staff = newStaffUser();

        long start = System.nanoTime();
        loadAccounts(template.id(), templateUser.userId(), template.ownerUserId());
        loadLargeAccount(large.id(), largeUser.userId());
        // VACUUM, not only ANALYZE: after a bulk load no page is marked all-visible yet, so no index-only scan could
        // skip the table, and the first reader of each row would set its hint bits (dirtying pages). In production
        // autovacuum has done this long before; the measurement should see that state, not the minutes after a load.
        timed("vacuum", "vacuum (analyze)");
        double totalLoad = (System.nanoTime() - start) / 1e9;
        long memberships = Long.parseLong(scalar("select count(*) from TACC_CLOUD_MEMBER"));
        long users = Long.parseLong(scalar("select count(*) from USER_ENTITY"));
        long accounts = Long.parseLong(scalar("select count(*) from TACC_ACCOUNT"));
        long clouds = Long.parseLong(scalar("select count(*) from TACC_CLOUD"));
        long contacts = Long.parseLong(scalar("select count(*) from TACC_CONTACT"));

        StringBuilder md = new StringBuilder();
        md.append(String.format("""
                ### At provider scale (issue 16)

                Data set: %,d accounts, %,d users, %,d contacts, %,d clouds, %,d memberships; loaded by SQL in %.0f s
                (%s).

                """, accounts, users, contacts, clouds, memberships, totalLoad, loadSummary()));

        // ---- the check API and AuthZEN at 1 M memberships
        Random random = new Random(16);
        String[] actions = {"read", "write", "order", "move"};
        Api app = app();
        List<Long> single = new ArrayList<>();
        List<Long> singleServer = new ArrayList<>();
        for (int i = 0; i < 2 * ROUNDS; i++) {
            int account = 1 + random.nextInt(ACCOUNTS);
            String user = uuid("u" + account + "-" + (1 + random.nextInt(USERS_PER_ACCOUNT - 1)));
            // half about a cloud of the user's account (a member), half about a cloud of another account
            int cloudAccount = random.nextBoolean() ? account : 1 + random.nextInt(ACCOUNTS);
            String cloud = uuid("c" + cloudAccount + "-" + random.nextInt(CLOUDS_PER_ACCOUNT));
            String action = actions[random.nextInt(4)];
            long t0 = System.nanoTime();
            ApiResponse r = app.get("check?userId=" + user + "&cloudId=" + cloud + "&action=" + action);
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), r.raw());
            // the loaded data answers as loaded: a member reads its account's clouds, nobody another account's
            if (cloudAccount == account && action.equals("read")) {
                assertTrue(r.raw().contains("\"allowed\":true"), r.raw());
            } else if (cloudAccount != account) {
                assertTrue(r.raw().contains("\"allowed\":false"), r.raw());
            }
            if (i >= ROUNDS) {
                single.add(t);
                singleServer.add(serverNanos(r));
            }
        }
        List<Long> authZen = new ArrayList<>();
        List<Long> authZenServer = new ArrayList<>();
        for (int i = 0; i < 2 * ROUNDS; i++) {
            String user = uuid("u" + (1 + random.nextInt(ACCOUNTS)) + "-" + (1 + random.nextInt(USERS_PER_ACCOUNT - 1)));
            List<Map<String, Object>> evaluations = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                evaluations.add(Map.of("resource", Map.of("type", "cloud", "id", uuid("c" + (1 + random.nextInt(ACCOUNTS)) + "-" + random.nextInt(CLOUDS_PER_ACCOUNT))),
                        "action", Map.of("name", actions[random.nextInt(4)])));
            }
            long t0 = System.nanoTime();
            ApiResponse r = app.post("access/v1/evaluations", Map.of("subject", Map.of("type", "user", "id", user), "evaluations", evaluations));
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), r.raw());
            if (i >= ROUNDS) {
                authZen.add(t);
                authZenServer.add(serverNanos(r));
            }
        }
        md.append("""
                | request (1 client thread, after as many warm-up requests) | n | client median | p95 | p99 | inside Keycloak median | p95 | p99 |
                |---|---:|---:|---:|---:|---:|---:|---:|
                """);
        md.append(row("GET /acc/app/check (one question)", single, singleServer));
        md.append(row("POST /acc/app/access/v1/evaluations (AuthZEN, 20)", authZen, authZenServer));

        // ---- pages, as a browser loads them (the HTML of the page, signed in)
        BrowserFlow owner = new BrowserFlow(REALM, "en").go(ACC + "/").login(large.ownerEmail(), PASSWORD);
        assertEquals(200, owner.status(), owner.text());
        BrowserFlow staffPages = new BrowserFlow(REALM, "en").go(ACC + "/").login(staff, PASSWORD);
        assertEquals(200, staffPages.status(), staffPages.text());
        String bigCloud = uuid("lc0");
        md.append("""

                | page (HTML, signed in; %d requests after %d warm-up) | median | p95 | p99 |
                |---|---:|---:|---:|
                """.formatted(PAGE_ROUNDS, PAGE_ROUNDS / 2));
        md.append(pageRow("contacts overview, large account (10,000 contacts)", owner, i -> ACC + "/contacts", "Large "));
        md.append(pageRow("contacts, page 50", owner, i -> ACC + "/contacts?page=50", "Large"));
        md.append(pageRow("contacts, search by last name", owner, i -> ACC + "/contacts?search=Large+" + (1000 + i % 9000), "Scale Large 1"));
        md.append(pageRow("cloud list, large account (2,000 clouds)", owner, i -> ACC + "/clouds", "Large cloud"));
        md.append(pageRow("cloud detail, 500 members", owner, i -> ACC + "/clouds/" + bigCloud, "Large"));
        md.append(pageRow("cloud detail, searching a person to add", owner, i -> ACC + "/clouds/" + bigCloud + "?person=large+" + (600 + i % 9000), "Large"));
        md.append(pageRow("staff: account list, first page (no search)", staffPages, i -> ACC + "/staff/accounts", "Scale Account"));
        md.append(pageRow("staff: account search by name (100,000 accounts)", staffPages,
                i -> ACC + "/staff/accounts?search=Scale+Account+" + (1 + (i * 7919) % ACCOUNTS), "Scale Account"));
        md.append(pageRow("staff: account search by customer number", staffPages,
                i -> ACC + "/staff/accounts?search=S" + String.format("%07d", 1 + (i * 7919) % ACCOUNTS), "Scale Account"));
        md.append(pageRow("staff: account search by domain", staffPages,
                i -> ACC + "/staff/accounts?search=a" + (1 + (i * 7919) % ACCOUNTS) + ".scale.test", "Scale Account"));
        report("scale", md.toString());
    }

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";

    /** A UUID-shaped id derived from a name, the same as PostgreSQL's {@code md5(name)::uuid::text}. */
    static String uuid(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            String h = hex.toString();
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void loadAccounts(String tplOrg, String tplUser, String tplOwner) throws Exception {
        String n = Integer.toString(ACCOUNTS);
        String org = "md5('o'||i)::uuid::text";
        String grp = "md5('g'||i)::uuid::text";
        timed("accounts: groups", "insert into KEYCLOAK_GROUP (ID, NAME, PARENT_GROUP, REALM_ID, TYPE, DESCRIPTION, ORG_ID, CREATED_TIMESTAMP, LAST_MODIFIED_TIMESTAMP)"
                + " select " + grp + ", case when g.NAME = o.ID then " + org + " else g.NAME || '-' || i end, g.PARENT_GROUP, g.REALM_ID, g.TYPE, g.DESCRIPTION, null,"
                + " g.CREATED_TIMESTAMP, g.LAST_MODIFIED_TIMESTAMP from generate_series(1, " + n + ") i, ORG o join KEYCLOAK_GROUP g on g.ID = o.GROUP_ID where o.ID = '" + tplOrg + "'");
        timed("accounts: organizations", "insert into ORG (ID, ENABLED, REALM_ID, GROUP_ID, NAME, DESCRIPTION, ALIAS, REDIRECT_URL)"
                + " select " + org + ", o.ENABLED, o.REALM_ID, " + grp + ", 'Scale Account ' || i, o.DESCRIPTION, 'scale-' || i, o.REDIRECT_URL"
                + " from generate_series(1, " + n + ") i, ORG o where o.ID = '" + tplOrg + "'");
        // the group and the organization point at each other: the group's ORG_ID is set once both exist
        timed("accounts: groups", "update KEYCLOAK_GROUP g set ORG_ID = o.ID from ORG o where o.GROUP_ID = g.ID and g.ORG_ID is null and o.ALIAS like 'scale-%'");
        timed("accounts: domains", "insert into ORG_DOMAIN (ID, NAME, VERIFIED, ORG_ID)"
                + " select case when d.ID = o.ID then " + org + " else md5('d'||i)::uuid::text end, 'a' || i || '.scale.test', true, " + org
                + " from generate_series(1, " + n + ") i, ORG o join ORG_DOMAIN d on d.ORG_ID = o.ID where o.ID = '" + tplOrg + "'");
        timed("accounts: Terminal accounts", "insert into TACC_ACCOUNT (ORG_ID, REALM_ID, ACCOUNT_TYPE, ACC_ENABLED, ALLOW_EXTERNAL_EMAILS, CUSTOMER_NUMBER, CREATED_AT, VERSION, REQUIRE_TWO_FACTOR)"
                + " select " + org + ", a.REALM_ID, a.ACCOUNT_TYPE, a.ACC_ENABLED, a.ALLOW_EXTERNAL_EMAILS, 'S' || lpad(i::text, 7, '0'), a.CREATED_AT, 0, false"
                + " from generate_series(1, " + n + ") i, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        timed("accounts: domain claims", "insert into TACC_DOMAIN (REALM_ID, NAME, ORG_ID)"
                + " select a.REALM_ID, 'a' || i || '.scale.test', " + org + " from generate_series(1, " + n + ") i, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        // users k = 0 (Owner, from the template's Owner) and 1..4 (Users, from the template's User)
        copyUsers("accounts", tplOwner, tplOrg, "generate_series(1, " + n + ") i, generate_series(0, 0) k",
                "'u' || k || '@a' || i || '.scale.test'", "md5('u'||i||'-'||k)::uuid::text", org, "'Owner ' || i");
        copyUsers("accounts", tplUser, tplOrg, "generate_series(1, " + n + ") i, generate_series(1, " + (USERS_PER_ACCOUNT - 1) + ") k",
                "'u' || k || '@a' || i || '.scale.test'", "md5('u'||i||'-'||k)::uuid::text", org, "'User ' || i || '-' || k");
        timed("accounts: clouds", "insert into TACC_CLOUD (ID, REALM_ID, ACCOUNT_ID, NAME, NAME_KEY, ICON, CREATED_AT, VERSION)"
                + " select md5('c'||i||'-'||j)::uuid::text, a.REALM_ID, " + org + ", 'Cloud ' || j, 'cloud ' || j, 'cloud', 0, 0"
                + " from generate_series(1, " + n + ") i, generate_series(0, " + (CLOUDS_PER_ACCOUNT - 1) + ") j, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        timed("accounts: memberships", "insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                + " select md5('c'||i||'-'||j)::uuid::text, md5('u'||i||'-'||k)::uuid::text, " + org + ", case when k = 1 then 'ADMIN' else 'MEMBER' end,"
                + " (i + k + j) % 2 = 0, (i + k + j) % 5 = 0, 0"
                + " from generate_series(1, " + n + ") i, generate_series(1, " + (USERS_PER_ACCOUNT - 1) + ") k, generate_series(0, " + (CLOUDS_PER_ACCOUNT - 1) + ") j");
    }

    private void loadLargeAccount(String largeOrg, String tplUser) throws Exception {
        String org = "'" + largeOrg + "'";
        String domain = scalar("select NAME from ORG_DOMAIN where ORG_ID = '" + largeOrg + "' limit 1");
        copyUsers("large account", tplUser, largeOrg, "generate_series(0, " + (LARGE_USERS - 1) + ") i, generate_series(0, 0) k",
                "'large' || i || '@" + domain + "'", "md5('lu'||i)::uuid::text", org, "'Large ' || i");
        timed("large account: clouds", "insert into TACC_CLOUD (ID, REALM_ID, ACCOUNT_ID, NAME, NAME_KEY, ICON, CREATED_AT, VERSION)"
                + " select md5('lc'||j)::uuid::text, 'terminal', " + org + ", 'Large cloud ' || j, 'large cloud ' || j, 'cloud', 0, 0"
                + " from generate_series(0, " + (LARGE_CLOUDS - 1) + ") j");
        // user m is in 20 clouds spread over the 2,000; users 0..499 are also in cloud 0 (500 members)
        timed("large account: memberships", "insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                + " select distinct on (c, u) c, u, " + org + ", 'MEMBER', true, false, 0 from ("
                + " select md5('lc' || ((m * 7 + t * 97) % " + LARGE_CLOUDS + "))::uuid::text c, md5('lu'||m)::uuid::text u"
                + " from generate_series(0, " + (LARGE_USERS - 1) + ") m, generate_series(0, " + (LARGE_PER_USER - 1) + ") t"
                + " union select md5('lc0')::uuid::text, md5('lu'||m)::uuid::text from generate_series(0, 499) m) x");
    }

    /** Copies the template user's rows (user, password, roles, organization membership, contact) for each row of {@code from}. */
    private void copyUsers(String what, String tplUser, String tplOrg, String from, String email, String id, String org, String lastName) throws Exception {
        String tplGroup = scalar("select GROUP_ID from ORG where ID = '" + tplOrg + "'");
        String newGroup = org.startsWith("md5") ? "md5('g'||i)::uuid::text" : "(select GROUP_ID from ORG where ID = " + org + ")";
        timed(what + ": users", "insert into USER_ENTITY (ID, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED, FIRST_NAME, LAST_NAME, REALM_ID, USERNAME,"
                + " CREATED_TIMESTAMP, NOT_BEFORE, LAST_MODIFIED_TIMESTAMP)"
                + " select " + id + ", " + email + ", " + email + ", u.EMAIL_VERIFIED, u.ENABLED, 'Scale', " + lastName + ", u.REALM_ID, " + email + ","
                + " u.CREATED_TIMESTAMP, 0, u.LAST_MODIFIED_TIMESTAMP from " + from + ", USER_ENTITY u where u.ID = '" + tplUser + "'");
        timed(what + ": passwords", "insert into CREDENTIAL (ID, SALT, TYPE, USER_ID, CREATED_DATE, USER_LABEL, SECRET_DATA, CREDENTIAL_DATA, PRIORITY, VERSION)"
                + " select md5('cr' || " + id + ")::uuid::text, c.SALT, c.TYPE, " + id + ", c.CREATED_DATE, c.USER_LABEL, c.SECRET_DATA, c.CREDENTIAL_DATA, c.PRIORITY, c.VERSION"
                + " from " + from + ", CREDENTIAL c where c.USER_ID = '" + tplUser + "' and c.TYPE = 'password'");
        timed(what + ": role mappings", "insert into USER_ROLE_MAPPING (ROLE_ID, USER_ID) select r.ROLE_ID, " + id + " from " + from + ", USER_ROLE_MAPPING r where r.USER_ID = '" + tplUser + "'");
        timed(what + ": organization memberships", "insert into USER_GROUP_MEMBERSHIP (GROUP_ID, USER_ID, MEMBERSHIP_TYPE)"
                + " select case when m.GROUP_ID = '" + tplGroup + "' then " + newGroup + " else m.GROUP_ID end, " + id + ", m.MEMBERSHIP_TYPE"
                + " from " + from + ", USER_GROUP_MEMBERSHIP m where m.USER_ID = '" + tplUser + "'");
        timed(what + ": contacts", "insert into TACC_CONTACT (ID, REALM_ID, ACCOUNT_ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE, JOB_TITLE, LOCALE, SUPPORT_PERMISSION, USER_ID,"
                + " CREATED_AT, UPDATED_AT, VERSION)"
                + " select md5('ct' || " + id + ")::uuid::text, c.REALM_ID, " + org + ", 'Scale', " + lastName + ", " + email + ", c.PHONE, c.JOB_TITLE, c.LOCALE,"
                + " c.SUPPORT_PERMISSION, " + id + ", c.CREATED_AT, c.UPDATED_AT, 0 from " + from + ", TACC_CONTACT c where c.USER_ID = '" + tplUser + "'");
    }

    private void timed(String what, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage() + "\n" + sql, e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        loadSeconds.merge(what.replaceAll(":.*", ""), seconds, Double::sum);
        System.out.printf("loaded %s in %.1f s%n", what, seconds);
    }

    private String loadSummary() {
        List<String> parts = new ArrayList<>();
        loadSeconds.forEach((k, v) -> parts.add(String.format("%s %.0f s", k, v)));
        return String.join(", ", parts);
    }

    private static String row(String name, List<Long> client, List<Long> server) {
        Collections.sort(client);
        Collections.sort(server);
        return String.format("| %s | %d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n", name, client.size(),
                percentile(client, 50) / 1e6, percentile(client, 95) / 1e6, percentile(client, 99) / 1e6,
                percentile(server, 50) / 1e6, percentile(server, 95) / 1e6, percentile(server, 99) / 1e6);
    }

    /** GETs the page {@code PAGE_ROUNDS} times after half as many warm-up loads; each answer must be 200 and contain {@code expect}. */
    private static String pageRow(String name, BrowserFlow session, IntFunction<String> url, String expect) {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < PAGE_ROUNDS + PAGE_ROUNDS / 2; i++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.apply(i))).timeout(Duration.ofSeconds(60))
                    .header("Cookie", session.cookieHeader()).header("Accept-Language", "en").GET();
            long t0 = System.nanoTime();
            ApiResponse r = Api.send(request);
            long t = System.nanoTime() - t0;
            assertEquals(200, r.status(), name + ": " + r.raw());
            assertTrue(r.raw().contains(expect), name + " shows '" + expect + "':\n" + r.raw());
            if (i >= PAGE_ROUNDS / 2) {
                times.add(t);
            }
        }
        Collections.sort(times);
        return String.format("| %s | %.1f ms | %.1f ms | %.1f ms |%n", name, percentile(times, 50) / 1e6, percentile(times, 95) / 1e6, percentile(times, 99) / 1e6);
    }

    /** The server's own time from {@code Server-Timing: acc;dur=1.23}, in nanoseconds. */
    private static long serverNanos(ApiResponse r) {
        String timing = r.headers().firstValue("Server-Timing").orElseThrow();
        return Math.round(Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4)) * 1e6);
    }
}
