package com.terminalacc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16, the three measurements that need the provider-scale data set ({@link ScaleData}: 100,000 accounts,
 * 510,000 users, 1 M memberships) and not a small one:
 *
 * <ol>
 * <li><b>Token</b>: refresh grants per second with the Terminal mapper (client scope {@code terminal}) against the
 * same realm's client without it, for users with 10, 1,000 and 10,000 clouds — the method of {@link TokenBenchmark}
 * (paired alternating rounds, ratio = median of the per-round ratios), but with Keycloak's caches and PostgreSQL
 * holding the large data set.</li>
 * <li><b>Login</b>: a password login through the Terminal login (realm {@code terminal}: its theme, its browser flow
 * with the conditional second-factor steps and the account's two-factor condition, the {@code terminal} claim in the
 * tokens) against a stock Keycloak login (a second realm created here with Keycloak's default theme and flows and the
 * same password policy) — the whole browser flow as {@link BrowserFlow} does it: GET the authorization endpoint, POST
 * the form, follow the redirects to the code, exchange the code (PKCE). Paired alternating rounds, median ratio; once
 * with a cheap password hash (1 iteration: shows the extension's own share undiluted) and once with the realm's real
 * policy (Keycloak's default argon2, which dominates a real login).</li>
 * <li><b>Heap of the claim cache</b>: live heap of the Keycloak server after a full GC ({@code jcmd GC.class_histogram})
 * between phases of grants for the same N loaded users (each: password grant, two refreshes, logout): A on the client
 * without the mapper (brings the users into Keycloak's user cache, and the rest to its steady state), C the same
 * again (what a phase costs without the claim cache), B on the client with the mapper, measured at once (entries live
 * 300 s). (change B − change C) / N is what the claim cache holds per user: its entry (the
 * cloud map, 5 minutes), the user's account (24 hours) and a quarter of an account version (4 users per account).</li>
 * </ol>
 *
 * <p><b>Benchmark-only setting:</b> before the template users get their password, the realm's password policy gets
 * {@code hashAlgorithm(pbkdf2-sha256) and hashIterations(1)}, so the 510,000 copied CREDENTIAL rows hold a hash that
 * costs nothing to check and the heap phase can issue thousands of password grants per minute. The login comparison is made once with that
 * setting and once with the real policy restored (fresh users on both realms).
 *
 * <p>The server runs with themes and templates cached ({@link CachedThemesServerConfig}), as in production.
 */
@KeycloakIntegrationTest(config = CachedThemesServerConfig.class)
class ScaleTokenBenchmark extends BenchSupport {

    static final int[] CLOUDS = {10, 1_000, 10_000};
    static final int GLOBAL_WARMUP = Integer.getInteger("scale.tokenWarmup", 8000);
    static final int WARMUP = 300;
    static final int ROUNDS = 10;
    /** Grants per client and round; {@code -Dscale.tokenPerRound=50} for a quick trial run. */
    static final int PER_ROUND = Integer.getInteger("scale.tokenPerRound", 500);
    /** Distinct users per realm for the logins, used in turn: the same user signing in twice within a second counts as a quick login for brute-force detection. */
    static final int LOGIN_USERS = 100;
    static final String STOCK = "stock";
    /**
     * Users of the heap phases (fewer when the time limit comes first). The same users in all phases: whatever Keycloak's
     * user cache (10,000 entries, about 4 per signed-in user) evicts and reloads, it does alike in C and B.
     */
    static final int HEAP_USERS = Math.min(Integer.getInteger("scale.heapUsers", 8_000), ScaleData.ACCOUNTS * 4);
    /** Which parts run: {@code -Dscale.parts=heap} for one of them (token, heap, login). */
    static final String PARTS = System.getProperty("scale.parts", "token,heap,login");
    /** A phase stops earlier: claim-cache entries live 300 s, so all of a phase's entries must still be there when measured. */
    static final long HEAP_PHASE_SECONDS = Long.getLong("scale.heapSeconds", 200);
    static final int FILL_THREADS = 4;

    private final ScaleData data = new ScaleData();
    /** The large account: its loaded users {@code large<m>@domain} sign in for the login comparison. */
    private TestAccount large;

    @Test
    void tokenLoginAndHeapAtProviderScale() throws Exception {
        String plain = client("bench-plain", null);
        String terminal = client("bench-terminal", "terminal");
        RealmRepresentation rep = realm.admin().toRepresentation();
        String policy = rep.getPasswordPolicy();
        String cheapPolicy = policy + " and hashAlgorithm(pbkdf2-sha256) and hashIterations(1)";
        setPolicy(cheapPolicy);

        TestAccount template = newBusinessAccount();
        TestUser templateUser = newUser(template, "user");
        large = newBusinessAccount();
        TestUser largeUser = newUser(large, "user");
        double totalLoad = data.load(template.id(), templateUser.userId(), template.ownerUserId(), large.id(), largeUser.userId());

        StringBuilder md = new StringBuilder();
        md.append(String.format("""
                ### Token, login and claim-cache heap at provider scale (issue 16)

                Data set: %s; loaded by SQL in %.0f s (%s). Benchmark-only: the terminal realm's password policy
                had `hashAlgorithm(pbkdf2-sha256) and hashIterations(1)` added before the template users got their password, so the copied credentials
                are cheap to check (heap phase); the real policy is `%s`.

                """, ScaleData.counts(), totalLoad, data.loadSummary(), policy));

        if (PARTS.contains("token")) {
            tokens(md, plain, terminal);
            report("scale-token", md.toString());
        }
        if (PARTS.contains("heap")) {
            heap(md, plain, terminal);
            report("scale-token", md.toString());
        }
        if (PARTS.contains("login")) {
            logins(md, policy, cheapPolicy);
            report("scale-token", md.toString());
        }
    }

    // ---- 1. refresh grants with and without the mapper

    private void tokens(StringBuilder md, String plain, String terminal) throws Exception {
        warmUp(plain, terminal, GLOBAL_WARMUP);
        md.append("#### Refresh-token grants per second (").append(TokenBenchmark.THREADS).append(" client threads, ").append(ROUNDS)
                .append(" alternating rounds of ").append(PER_ROUND).append(" grants, after ").append(GLOBAL_WARMUP).append(" warm-up grants)\n\n")
                .append("| clouds | without mapper | with mapper | ratio (median of rounds) | ratio range | access token without | with |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<Integer, Double> ratios = new LinkedHashMap<>();
        for (int n : CLOUDS) {
            SignedIn user = userWithClouds(plain, terminal, n);
            TokenBenchmark.Rounds r = TokenBenchmark.pairedRounds(plain, user.plainRefresh(), terminal, user.terminalRefresh(), WARMUP, ROUNDS, PER_ROUND);
            ratios.put(n, r.ratio());
            md.append(String.format("| %,d | %.0f/s | %.0f/s | %.3f | %.3f–%.3f | %d B | %d B |%n", n, median(r.plainRates()),
                    median(r.terminalRates()), r.ratio(), r.min(), r.max(), user.plainSize(), user.terminalSize()));
            System.out.printf("token %d clouds: ratio %.3f%n", n, r.ratio());
        }
        md.append("\nTarget ≥ 0.97: ");
        ratios.forEach((n, r) -> md.append(String.format("%,d clouds %.3f (%s); ", n, r, r >= 0.97 ? "met" : "missed")));
        md.append("\n\n");
    }

    // ---- 2. heap of the claim cache

    private void heap(StringBuilder md, String plain, String terminal) throws Exception {
        long pid = keycloakPid();
        Path dir = Path.of(System.getProperty("bench.results", "target/benchmark-results"));
        Files.createDirectories(dir);
        int perPhase = HEAP_USERS / 4 * 4;
        int accountsPerPhase = perPhase / 4;
        long[] before = liveHeap(pid, dir.resolve("histogram-0-before.txt"));
        // The same users in all three phases, in the same order: C and B find the same state of Keycloak's user cache
        // and churn it alike, so the difference between C and B is the claim cache.
        // A: the client without the mapper brings the users into the user cache, and the rest to its steady state
        Fill a = fill(plain, 1, accountsPerPhase, HEAP_PHASE_SECONDS);
        long[] afterA = liveHeap(pid, dir.resolve("histogram-1-plain.txt"));
        // C: the client without the mapper again, the same users: what a phase costs without the claim cache
        Fill c = fill(plain, 1, a.users / 4, HEAP_PHASE_SECONDS + 60);
        long[] afterC = liveHeap(pid, dir.resolve("histogram-2-plain.txt"));
        // B: the client with the mapper, the same users, measured at once (before any entry expires)
        Fill b = fill(terminal, 1, c.users / 4, HEAP_PHASE_SECONDS);
        long[] afterB = liveHeap(pid, dir.resolve("histogram-3-terminal.txt"));

        long deltaC = afterC[0] - afterA[0];
        long deltaB = afterB[0] - afterC[0];
        // B may have stopped earlier than C (time limit): compare per grant
        double perUser = (deltaB - (double) deltaC * b.users / c.users) / b.users;
        md.append(String.format("""
                #### Heap of the claim cache

                Live heap of the Keycloak server after a full GC (`jcmd %d GC.class_histogram`, its total), between phases of
                grants for loaded users (%d client threads; per user a password grant and two refresh grants: the claim cache
                keeps the user's account after the first token, the account's version after the second, the entry after the
                third; then the session is logged out, so that sessions (about 20 KB each) do not drown the cache in noise; 4 Users
                per account, so %d users share an account version).
                Single-use-object entries: instances of Keycloak's `SingleUseObjectValueEntity` in the histogram.

                | after | grants (users) | time | grants/s | live heap | change | single-use-object entries |
                |---|---:|---:|---:|---:|---:|---:|
                | loading and the token benchmark | | | | %s | | %,d |
                | A: client without the mapper (users into the user cache) | %,d | %.0f s | %.0f | %s | %s | %,d |
                | C: client without the mapper, the same users again | %,d | %.0f s | %.0f | %s | %s | %,d |
                | B: client with the mapper, the same users (fills the claim cache) | %,d | %.0f s | %.0f | %s | %s | %,d |

                Claim cache: (change B − change C) / %,d users = **%,.0f bytes per user** (entry with the cloud map, the user's account, a
                quarter of an account version); for 100,000 users at once: %,.0f MB.

                """, pid, FILL_THREADS, 4, mb(before[0]), before[1],
                a.users, a.seconds, a.users / a.seconds, mb(afterA[0]), signedMb(afterA[0] - before[0]), afterA[1],
                c.users, c.seconds, c.users / c.seconds, mb(afterC[0]), signedMb(deltaC), afterC[1],
                b.users, b.seconds, b.users / b.seconds, mb(afterB[0]), signedMb(deltaB), afterB[1],
                b.users, perUser, perUser * 100_000 / 1e6));
        // which classes make up the difference: per class (B − C) − (C − A) scaled, the largest first
        Map<String, long[]> histA = histogram(dir.resolve("histogram-1-plain.txt"));
        Map<String, long[]> histC = histogram(dir.resolve("histogram-2-plain.txt"));
        Map<String, long[]> histB = histogram(dir.resolve("histogram-3-terminal.txt"));
        Map<String, double[]> extra = new LinkedHashMap<>();
        for (String cls : histB.keySet()) {
            long[] zero = {0, 0};
            long[] ha = histA.getOrDefault(cls, zero);
            long[] hc = histC.getOrDefault(cls, zero);
            long[] hb = histB.get(cls);
            double scale = (double) b.users / c.users;
            extra.put(cls, new double[] {(hb[0] - hc[0]) - (hc[0] - ha[0]) * scale, (hb[1] - hc[1]) - (hc[1] - ha[1]) * scale});
        }
        md.append("Where the difference lies (per class: change B − change C, from the histograms; the 10 largest):\n\n")
                .append("| class | instances per user | bytes per user |\n|---|---:|---:|\n");
        extra.entrySet().stream().sorted((x, y) -> Double.compare(y.getValue()[1], x.getValue()[1])).limit(10)
                .forEach(e -> md.append(String.format("| `%s` | %.2f | %.0f |%n", e.getKey(), e.getValue()[0] / b.users, e.getValue()[1] / b.users)));
        md.append("\n");
        System.out.printf("heap: %.0f bytes per user (%d users)%n", perUser, b.users);
    }

    private record Fill(int users, double seconds) {
    }

    /**
     * A password grant and two refresh grants for each of the Users 1..4 of loaded accounts {@code first ..}, at most
     * {@code accounts} accounts or {@code seconds}.
     */
    private static Fill fill(String clientId, int first, int accounts, long seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(FILL_THREADS);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < FILL_THREADS; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < accounts * 4) {
                    // the claim cache fills in three tokens: the account, then the account's version, then the entry
                    String refreshToken = passwordGrant(clientId, ScaleData.email(first + i / 4, 1 + i % 4)).path("refresh_token").asText();
                    for (int k = 0; k < 2; k++) {
                        ApiResponse r = refresh(clientId, refreshToken);
                        assertEquals(200, r.status(), r.raw());
                    }
                    // the session goes (about 20 KB each, which would drown the cache in noise); the claim cache stays
                    ApiResponse out = logout(clientId, refreshToken);
                    assertEquals(204, out.status(), out.raw());
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("filled %d users on %s in %.0f s%n", done.get(), clientId, took);
        return new Fill(done.get(), took);
    }

    private static ApiResponse logout(String clientId, String refreshToken) {
        return com.terminalacc.it.support.Api.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(com.terminalacc.it.support.Api.BASE + "/realms/" + REALM + "/protocol/openid-connect/logout"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(com.terminalacc.it.support.Api.form(Map.of("client_id", clientId,
                        "client_secret", SECRET, "refresh_token", refreshToken)))));
    }

    /** The Keycloak server the test framework started: the java process among this JVM's descendants. */
    private static long keycloakPid() {
        List<ProcessHandle> candidates = ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("kc.home.dir") && p.info().command().orElse("").endsWith("java"))
                .toList();
        assertEquals(1, candidates.size(), "one Keycloak java process below this JVM: " + candidates);
        return candidates.get(0).pid();
    }

    /** {live bytes, single-use-object entries} from a class histogram (which runs a full GC first); the histogram is kept in {@code file}. */
    private static long[] liveHeap(long pid, Path file) throws Exception {
        jcmd(pid, "GC.run");
        String histogram = jcmd(pid, "GC.class_histogram");
        Files.writeString(file, histogram);
        Matcher total = Pattern.compile("(?m)^Total\\s+(\\d+)\\s+(\\d+)\\s*$").matcher(histogram);
        assertTrue(total.find(), histogram.length() > 2000 ? histogram.substring(histogram.length() - 2000) : histogram);
        long entries = 0;
        Matcher entry = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+\\S*SingleUseObjectValueEntity\\b").matcher(histogram);
        while (entry.find()) {
            entries += Long.parseLong(entry.group(1));
        }
        System.out.printf("live heap %d bytes, %d single-use-object entries%n", Long.parseLong(total.group(2)), entries);
        return new long[] {Long.parseLong(total.group(2)), entries};
    }

    /** Class name (without module) → {instances, bytes} of a saved class histogram. */
    private static Map<String, long[]> histogram(Path file) throws Exception {
        Map<String, long[]> classes = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)").matcher(Files.readString(file));
        while (m.find()) {
            classes.merge(m.group(3), new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))},
                    (x, y) -> new long[] {x[0] + y[0], x[1] + y[1]});
        }
        return classes;
    }

    private static String jcmd(long pid, String command) throws Exception {
        String javaCommand = ProcessHandle.of(pid).flatMap(p -> p.info().command()).orElse("java");
        Path jcmd = Path.of(javaCommand).resolveSibling("jcmd");
        Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.MINUTES), "jcmd " + command);
        assertEquals(0, p.exitValue(), "jcmd " + command + ": " + out);
        return out;
    }

    // ---- 3. Terminal login against a stock login

    private void logins(StringBuilder md, String policy, String cheapPolicy) throws Exception {
        RealmRepresentation terminalRep = realm.admin().toRepresentation();
        RealmRepresentation stock = new RealmRepresentation();
        stock.setRealm(STOCK);
        stock.setEnabled(true);
        stock.setPasswordPolicy(cheapPolicy);
        // the same brute-force detection as the terminal realm: it is part of every login's cost
        stock.setBruteForceProtected(terminalRep.isBruteForceProtected());
        stock.setPermanentLockout(terminalRep.isPermanentLockout());
        stock.setFailureFactor(terminalRep.getFailureFactor());
        stock.setMaxFailureWaitSeconds(terminalRep.getMaxFailureWaitSeconds());
        stock.setMinimumQuickLoginWaitSeconds(terminalRep.getMinimumQuickLoginWaitSeconds());
        stock.setQuickLoginCheckMilliSeconds(terminalRep.getQuickLoginCheckMilliSeconds());
        admin.realms().create(stock);
        ClientRepresentation zone = new ClientRepresentation();
        zone.setClientId(BrowserFlow.CLIENT);
        zone.setPublicClient(true);
        zone.setStandardFlowEnabled(true);
        zone.setRedirectUris(List.of("http://localhost:3000/*"));
        zone.setAttributes(Map.of("pkce.code.challenge.method", "S256"));
        admin.realm(STOCK).clients().create(zone).close();

        md.append("""
                #### Password login through the browser flow: Terminal login against a stock Keycloak login

                Realm `terminal` (Terminal theme, browser flow "terminal browser" with the conditional second-factor steps and
                the account's two-factor condition, client `terminal-zone` with the `terminal` claim; users of the large
                account of the data set) against realm `stock` (created by the benchmark: Keycloak's default theme and flows, a
                client `terminal-zone` with the same redirect and PKCE, no Terminal part; the same password policy and
                brute-force settings). One login = GET the authorization endpoint, POST e-mail and password, follow the
                redirects to the code, exchange the code for tokens (PKCE). %d users per realm take turns (brute-force
                detection treats one user signing in twice within a second as suspicious). 2 client threads, %d alternating
                rounds; ratio = median of the per-round ratios (Terminal logins/s ÷ stock logins/s).

                | password hash | logins per round | stock logins/s | Terminal logins/s | ratio (median of rounds) | ratio range |
                |---|---:|---:|---:|---:|---:|
                """.formatted(LOGIN_USERS, ROUNDS));
        List<String> cheapTerminal = largeUsers(0);
        loginRounds(md, "PBKDF2-SHA256, 1 iteration (benchmark setting)", cheapTerminal, stockUsers(), 100, 100);
        report("scale-token", md.toString());

        setPolicy(policy);
        RealmRepresentation stockRep = admin.realm(STOCK).toRepresentation();
        stockRep.setPasswordPolicy(policy);
        admin.realm(STOCK).update(stockRep);
        // the large account's next users get the credential of a user created under the real policy (no rehash at login)
        String real = newUser(large, "user").userId();
        List<String> realTerminal = largeUsers(LOGIN_USERS);
        data.timed("login users", "update CREDENTIAL c set SECRET_DATA = t.SECRET_DATA, CREDENTIAL_DATA = t.CREDENTIAL_DATA, SALT = t.SALT"
                + " from CREDENTIAL t where t.USER_ID = '" + real + "' and t.TYPE = 'password' and c.TYPE = 'password'"
                + " and c.USER_ID in (select md5('lu'||m)::uuid::text from generate_series(" + LOGIN_USERS + ", " + (2 * LOGIN_USERS - 1) + ") m)");
        String realHash = scalar("select CREDENTIAL_DATA from CREDENTIAL where USER_ID = '" + real + "' and TYPE = 'password'");
        loginRounds(md, "the realm's policy (Keycloak's default: " + realHash.replaceAll(".*\"algorithm\":\"([^\"]+)\".*", "$1")
                + ", " + realHash.replaceAll(".*\"hashIterations\":(\\d+).*", "$1") + " iterations)", realTerminal, stockUsers(), 20, 20);
        md.append("\nTarget ≥ 0.95.\n");
    }

    /** {@link #LOGIN_USERS} loaded users of the large account from number {@code from} on. */
    private List<String> largeUsers(int from) {
        List<String> users = new ArrayList<>();
        for (int m = from; m < from + LOGIN_USERS; m++) {
            users.add("large" + m + "@" + large.domain());
        }
        return users;
    }

    /** {@link #LOGIN_USERS} new users of the stock realm, their passwords hashed under its current policy. */
    private List<String> stockUsers() {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < LOGIN_USERS; i++) {
            users.add(stockUser());
        }
        return users;
    }

    /** Warm-up, then ROUNDS paired rounds of {@code perRound} logins on each realm. */
    private void loginRounds(StringBuilder md, String what, List<String> terminalUsers, List<String> stockUsers, int warmup, int perRound) throws Exception {
        AtomicInteger terminalTurn = new AtomicInteger();
        AtomicInteger stockTurn = new AtomicInteger();
        login(REALM, terminalUsers, terminalTurn, warmup);
        login(STOCK, stockUsers, stockTurn, warmup);
        List<Double> stockRates = new ArrayList<>();
        List<Double> terminalRates = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            if (round % 2 == 0) {
                stockRates.add(login(STOCK, stockUsers, stockTurn, perRound));
                terminalRates.add(login(REALM, terminalUsers, terminalTurn, perRound));
            } else {
                terminalRates.add(login(REALM, terminalUsers, terminalTurn, perRound));
                stockRates.add(login(STOCK, stockUsers, stockTurn, perRound));
            }
        }
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            ratios.add(terminalRates.get(round) / stockRates.get(round));
        }
        md.append(String.format("| %s | %d | %.1f/s | %.1f/s | %.3f | %.3f–%.3f |%n", what, perRound, median(stockRates), median(terminalRates),
                median(ratios), min(ratios), max(ratios)));
        System.out.printf("login %s: ratio %.3f%n", what, median(ratios));
    }

    private String stockUser() {
        String email = "stock-" + uid() + "@stock.test";
        UserRepresentation u = new UserRepresentation();
        u.setUsername(email);
        u.setEmail(email);
        u.setFirstName("Stock");
        u.setLastName("User");
        u.setEnabled(true);
        u.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(PASSWORD);
        password.setTemporary(false);
        u.setCredentials(List.of(password));
        try (jakarta.ws.rs.core.Response r = admin.realm(STOCK).users().create(u)) {
            assertEquals(201, r.getStatus());
        }
        return email;
    }

    /** {@code count} complete browser logins on 2 threads, the users taking turns; logins per second. */
    private static double login(String realmName, List<String> users, AtomicInteger turn, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(TokenBenchmark.THREADS);
        AtomicInteger left = new AtomicInteger(count);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < TokenBenchmark.THREADS; t++) {
            futures.add(pool.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    String user = users.get(Math.floorMod(turn.getAndIncrement(), users.size()));
                    BrowserFlow flow = new BrowserFlow(realmName, "en").start().login(user, PASSWORD);
                    assertTrue(flow.reachedApplication(), realmName + " " + user + ": not back at the application: " + flow.text());
                    assertTrue(flow.tokens().hasNonNull("access_token"));
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private void setPolicy(String policy) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setPasswordPolicy(policy);
        realm.admin().update(rep);
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    private static double max(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static String mb(long bytes) {
        return String.format("%.1f MB", bytes / 1e6);
    }

    private static String signedMb(long bytes) {
        return String.format("%+.1f MB", bytes / 1e6);
    }
}
