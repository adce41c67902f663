package com.terminalacc.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.ClientScopeRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.LoginsInProgress;

/**
 * Shared by the benchmarks: bulk data straight into PostgreSQL (accounts, users and their contacts come from the
 * real APIs; clouds and memberships in bulk by SQL, as a migration would load them), token clients with and without
 * the Terminal mapper, and writing results.
 */
abstract class BenchSupport extends AbstractTerminalIT {

    static final String SECRET = "bench-secret";

    static Connection db() throws SQLException {
        return DriverManager.getConnection(System.getProperty("kc.test.database.url"), System.getProperty("kc.test.database.user"),
                System.getProperty("kc.test.database.password"));
    }

    /** {@code n} clouds of the account and, if {@code memberUserId} is given, a membership (rw) in each; by SQL. */
    static List<String> cloudsBySql(String accountId, int n, String memberUserId) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = db()) {
            c.setAutoCommit(false);
            try (PreparedStatement cloud = c.prepareStatement("insert into TACC_CLOUD (ID, REALM_ID, ACCOUNT_ID, NAME, NAME_KEY, ICON, CREATED_AT, VERSION)"
                    + " values (?, 'terminal', ?, ?, ?, 'cloud', 0, 0)");
                 PreparedStatement member = c.prepareStatement("insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                         + " values (?, ?, ?, 'MEMBER', true, false, 0)")) {
                for (int i = 0; i < n; i++) {
                    String id = UUID.randomUUID().toString();
                    ids.add(id);
                    cloud.setString(1, id);
                    cloud.setString(2, accountId);
                    cloud.setString(3, "Bench cloud " + i + " " + id.substring(0, 8));
                    cloud.setString(4, ("bench cloud " + i + " " + id.substring(0, 8)));
                    cloud.addBatch();
                    if (memberUserId != null) {
                        member.setString(1, id);
                        member.setString(2, memberUserId);
                        member.setString(3, accountId);
                        member.addBatch();
                    }
                }
                cloud.executeBatch();
                member.executeBatch();
            }
            c.commit();
        }
        return ids;
    }

    /** A fresh User signed in on the client without and the client with the mapper: refresh tokens and access-token sizes. */
    record SignedIn(String email, String plainRefresh, String terminalRefresh, int plainSize, int terminalSize) {
    }

    /** A new account's User with {@code clouds} memberships (by SQL), signed in on both clients; its token stays below 8 KB. */
    SignedIn userWithClouds(String plain, String terminal, int clouds) throws SQLException {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        cloudsBySql(acc.id(), clouds, user.userId());
        String plainRefresh = passwordGrant(plain, user.email()).path("refresh_token").asText();
        String terminalRefresh = passwordGrant(terminal, user.email()).path("refresh_token").asText();
        int plainSize = refresh(plain, plainRefresh).body().path("access_token").asText().length();
        int terminalSize = refresh(terminal, terminalRefresh).body().path("access_token").asText().length();
        org.junit.jupiter.api.Assertions.assertTrue(terminalSize < 8 * 1024, "token below 8 KB at " + clouds + " clouds: " + terminalSize);
        return new SignedIn(user.email(), plainRefresh, terminalRefresh, plainSize, terminalSize);
    }

    /** Warms the JIT and Keycloak's caches on both paths: {@code grants} refresh grants of a 10-cloud User, half on each client. */
    void warmUp(String plain, String terminal, int grants) throws Exception {
        SignedIn warm = userWithClouds(plain, terminal, 10);
        for (int i = 0; i < grants / 500; i++) {
            TokenBenchmark.run(plain, warm.plainRefresh(), 250);
            TokenBenchmark.run(terminal, warm.terminalRefresh(), 250);
        }
    }

    /** A confidential client with the password grant; {@code scope} is "terminal", "terminal-unlimited" or null. */
    String client(String clientId, String scope) {
        if (!realm.admin().clients().findByClientId(clientId).isEmpty()) {
            return clientId;
        }
        ClientRepresentation c = new ClientRepresentation();
        c.setClientId(clientId);
        c.setSecret(SECRET);
        c.setPublicClient(false);
        c.setDirectAccessGrantsEnabled(true);
        c.setStandardFlowEnabled(false);
        c.setEnabled(true);
        List<String> scopes = new ArrayList<>(List.of("basic", "web-origins", "acr", "profile", "roles", "email"));
        if (scope != null) {
            scopes.add(scope);
        }
        c.setDefaultClientScopes(scopes);
        realm.admin().clients().create(c).close();
        return clientId;
    }

    /** A second client scope with the Terminal mapper and no limits, to show what a token with the whole map costs. */
    void unlimitedScope() {
        if (realm.admin().clientScopes().findAll().stream().anyMatch(s -> "terminal-unlimited".equals(s.getName()))) {
            return;
        }
        ClientScopeRepresentation scope = new ClientScopeRepresentation();
        scope.setName("terminal-unlimited");
        scope.setProtocol("openid-connect");
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("terminal permissions, no limit");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("terminal-claim-mapper");
        mapper.setConfig(Map.of("access.token.claim", "true", "max.clouds", "100000", "max.cloud.bytes", "100000000"));
        scope.setProtocolMappers(List.of(mapper));
        realm.admin().clientScopes().create(scope).close();
    }

    /** A password grant of a benchmark client (waits out Keycloak's "another sign-in in progress", see LoginsInProgress). */
    static JsonNode passwordGrant(String clientId, String username) {
        return LoginsInProgress.grant(LoginsInProgress.SUITE, REALM, username,
                () -> Api.rawPasswordGrant(REALM, clientId, SECRET, username, PASSWORD));
    }

    static ApiResponse refresh(String clientId, String refreshToken) {
        return Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "refresh_token", "client_id", clientId,
                        "client_secret", SECRET, "refresh_token", refreshToken)))));
    }

    static long percentile(List<Long> sortedNanos, double p) {
        int index = (int) Math.ceil(p / 100.0 * sortedNanos.size()) - 1;
        return sortedNanos.get(Math.max(0, Math.min(sortedNanos.size() - 1, index)));
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static void report(String name, String markdown) throws IOException {
        Path dir = Path.of(System.getProperty("bench.results", "target/benchmark-results"));
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".md"), markdown, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
        System.out.println(markdown);
    }

    static String scalar(String sql) throws SQLException {
        try (Connection c = db(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
