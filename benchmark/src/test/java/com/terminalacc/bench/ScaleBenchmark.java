package com.terminalacc.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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

import static com.terminalacc.bench.ScaleData.uuid;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: the data set of a real hosting provider, loaded in bulk, and the paths that run on every request measured
 * there. Loaded by SQL into PostgreSQL the way a migration would ({@link ScaleData}): one template account (its organization, group,
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

    static final int ACCOUNTS = ScaleData.ACCOUNTS;
    static final int USERS_PER_ACCOUNT = ScaleData.USERS_PER_ACCOUNT;
    static final int CLOUDS_PER_ACCOUNT = ScaleData.CLOUDS_PER_ACCOUNT;
    static final int ROUNDS = Integer.getInteger("scale.rounds", 2_000);
    static final int PAGE_ROUNDS = Integer.getInteger("scale.pageRounds", 200);

    private final ScaleData data = new ScaleData();

    @Test
    void atProviderScale() throws Exception {
        TestAccount template = newBusinessAccount();
        TestUser templateUser = newUser(template, "user");
        TestAccount large = newBusinessAccount();
        TestUser largeUser = newUser(large, "user");
        String staff = newStaffUser();

        double totalLoad = data.load(template.id(), templateUser.userId(), template.ownerUserId(), large.id(), largeUser.userId());
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

                """, accounts, users, contacts, clouds, memberships, totalLoad, data.loadSummary()));

        // ---- the check API and AuthZEN at 1 M memberships
        Random random = new Random(16);
        String[] actions = {"read", "write", "order", "move"};
        Api app = app();
        List<Long> single = new ArrayList<>();
        List<Long> singleServer = new ArrayList<>();
        // Keycloak's own floor, interleaved with the checks: userinfo with a user's token of a client without the
        // Terminal mapper (bearer authentication, session and user lookup, standard mappers; nothing of ours)
        String plain = client("bench-plain", null);
        List<Long> stock = new ArrayList<>();
        String stockToken = null;
        for (int i = 0; i < 2 * ROUNDS; i++) {
            if (i % 500 == 0) {
                stockToken = passwordGrant(plain, templateUser.email()).get("access_token").asText();
            }
            long u0 = System.nanoTime();
            ApiResponse userinfo = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/realms/" + REALM + "/protocol/openid-connect/userinfo"))
                    .header("Authorization", "Bearer " + stockToken).GET());
            long tu = System.nanoTime() - u0;
            assertEquals(200, userinfo.status(), userinfo.raw());
            assertTrue(userinfo.body().path("terminal").isMissingNode(), "the floor runs nothing of ours: " + userinfo.raw());
            if (i >= ROUNDS) {
                stock.add(tu);
            }
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
        Collections.sort(stock);
        md.append(String.format("| Keycloak's own GET userinfo (client without the mapper), interleaved with the checks | %d | %.2f ms | %.2f ms | %.2f ms | – | – | – |%n",
                stock.size(), percentile(stock, 50) / 1e6, percentile(stock, 95) / 1e6, percentile(stock, 99) / 1e6));
        md.append(String.format("%nCheck ÷ Keycloak's userinfo at the client: median %.2f, p95 %.2f.%n",
                (double) percentile(single, 50) / percentile(stock, 50), (double) percentile(single, 95) / percentile(stock, 95)));

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
