package com.terminalacc.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.ApiResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SQL statements per refresh-token grant for a user with 1, 100, 1,000 and 10,000 clouds, with and without the
 * mapper, counted in Hibernate's SQL log of the real server: the mapper's cost must not grow with the number of clouds
 * (10,000 is the largest user of issue 16's provider-scale targets).
 */
@KeycloakIntegrationTest(config = SqlLoggingServerConfig.class)
class SqlCountBenchmark extends BenchSupport {

    static final int[] CLOUDS = {1, 100, 1000, 10_000};

    @Test
    void statementsPerTokenDoNotGrowWithClouds() throws Exception {
        String plain = client("bench-plain", null);
        String terminal = client("bench-terminal", "terminal");
        StringBuilder md = new StringBuilder("""
                ### SQL statements per refresh-token grant

                "Built" is the first refresh after the sign-in: the claim comes from the database. "Cached" is the median of
                the next 5 refreshes: nothing changed, the claim's database part comes from the claim cache.

                | user | clouds | without mapper | with mapper, built | on Terminal tables, built | with mapper, cached | on Terminal tables, cached |
                |---|---:|---:|---:|---:|---:|---:|
                """);
        List<Long> built = new ArrayList<>();
        List<Long> cached = new ArrayList<>();
        for (String kind : new String[] {"member", "owner"}) {
            for (int n : CLOUDS) {
                TestAccount acc = newBusinessAccount();
                String email;
                if ("owner".equals(kind)) {
                    cloudsBySql(acc.id(), n, null);
                    email = acc.ownerEmail();
                } else {
                    TestUser user = newUser(acc, "user");
                    cloudsBySql(acc.id(), n, user.userId());
                    email = user.email();
                }
                long[] without = count(plain, email);
                long[] with = count(terminal, email);
                built.add(with[1]);
                cached.add(with[3]);
                md.append(String.format("| %s | %d | %d | %d | %d | %d | %d |%n", kind, n, without[2], with[0], with[1], with[2], with[3]));
            }
        }
        md.append("\nThe mapper's statements on Terminal tables do not grow with the number of clouds: one query for contact")
                .append(" and memberships, one more for an Owner's account clouds, one count when the token carries the reference")
                .append(" instead of the map (past 50 clouds); none while the cached part is current. Keycloak's own statements")
                .append(" vary between samples because it writes session changes in batches.\n");
        report("sql-count", md.toString());
        assertTrue(built.stream().allMatch(c -> c >= 1 && c <= 3), "1 to 3 statements on our tables when built: " + built);
        assertEquals(built.get(1), built.get(2), "member: same count at 100 and 1000 clouds");
        assertEquals(built.get(2), built.get(3), "member: same count at 1000 and 10,000 clouds");
        assertEquals(built.get(5), built.get(6), "owner: same count at 100 and 1000 clouds");
        assertEquals(built.get(6), built.get(7), "owner: same count at 1000 and 10,000 clouds");
        assertTrue(cached.stream().allMatch(c -> c == 0), "no statement on our tables from the cache: " + cached);
    }

    /**
     * {all, on TACC_ tables} statements of the first refresh after the password grant (for the mapper: built from the
     * database, the cache only knew the account), then {all, on TACC_ tables} as the median of 5 later refreshes.
     */
    private long[] count(String clientId, String email) throws Exception {
        String refresh = passwordGrant(clientId, email).path("refresh_token").asText();
        long[] first = statements(clientId, refresh);
        List<Long> all = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long[] one = statements(clientId, refresh);
            all.add(one[0]);
            ours.add(one[1]);
        }
        Collections.sort(all);
        Collections.sort(ours);
        return new long[] {first[0], first[1], all.get(2), ours.get(2)};
    }

    /** {all statements, statements touching TACC_ tables} logged during one refresh grant. */
    private static long[] statements(String clientId, String refresh) throws Exception {
        Path log = SqlLoggingServerConfig.logFile();
        Thread.sleep(300);
        long offset = Files.size(log);
        ApiResponse r = refresh(clientId, refresh);
        assertEquals(200, r.status(), r.raw());
        Thread.sleep(300);
        String added;
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(offset);
            added = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        long statements = 0;
        long terminal = 0;
        for (String line : added.split("\n")) {
            if (line.contains("org.hibernate.SQL")) {
                statements++;
                if (line.toLowerCase(Locale.ROOT).contains("tacc_")) {
                    terminal++;
                }
            }
        }
        return new long[] {statements, terminal};
    }
}
