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
 * SQL statements per refresh-token grant for a user with 1, 100 and 1000 clouds, with and without the mapper,
 * counted in Hibernate's SQL log of the real server: the mapper's cost must not grow with the number of clouds.
 */
@KeycloakIntegrationTest(config = SqlLoggingServerConfig.class)
class SqlCountBenchmark extends BenchSupport {

    static final int[] CLOUDS = {1, 100, 1000};

    @Test
    void statementsPerTokenDoNotGrowWithClouds() throws Exception {
        String plain = client("bench-plain", null);
        String terminal = client("bench-terminal", "terminal");
        StringBuilder md = new StringBuilder("""
                ### SQL statements per refresh-token grant (median of 5, after 3 warm-up grants)

                | user | clouds | without mapper | with mapper | of which on Terminal tables |
                |---|---:|---:|---:|---:|
                """);
        List<Long> terminalOnly = new ArrayList<>();
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
                terminalOnly.add(with[1]);
                md.append(String.format("| %s | %d | %d | %d | %d |%n", kind, n, without[0], with[0], with[1]));
            }
        }
        md.append("\nThe mapper's statements on Terminal tables (last column) do not grow with the number of clouds: one query for")
                .append(" contact and memberships, one more for an Owner's account clouds, one count when the token carries the")
                .append(" reference instead of the map (past 50 clouds).\n");
        report("sql-count", md.toString());
        assertTrue(terminalOnly.stream().allMatch(c -> c <= 3), "at most 3 statements on our tables: " + terminalOnly);
        assertEquals(terminalOnly.get(1), terminalOnly.get(2), "member: same count at 100 and 1000 clouds");
        assertEquals(terminalOnly.get(4), terminalOnly.get(5), "owner: same count at 100 and 1000 clouds");
    }

    /** {all statements, statements touching TACC_ tables} of one refresh grant, median of 5. */
    private long[] count(String clientId, String email) throws Exception {
        String refresh = passwordGrant(clientId, email).path("refresh_token").asText();
        for (int i = 0; i < 3; i++) {
            refresh(clientId, refresh);
        }
        List<Long> all = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        Path log = SqlLoggingServerConfig.logFile();
        for (int i = 0; i < 5; i++) {
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
            all.add(statements);
            ours.add(terminal);
        }
        Collections.sort(all);
        Collections.sort(ours);
        return new long[] {all.get(2), ours.get(2)};
    }
}
