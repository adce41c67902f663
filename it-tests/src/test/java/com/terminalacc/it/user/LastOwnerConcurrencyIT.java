package com.terminalacc.it.user;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-ROL-3 under concurrency: an account always keeps at least one Owner, also when two requests remove its two
 * Owners at the same moment. Only staff can remove Owners, so the racing requests are staff requests.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class LastOwnerConcurrencyIT extends AbstractTerminalIT {

    private static final int ROUNDS = 6;

    @Test
    void twoOwnersDemotedAtTheSameMomentLeaveOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = twoOwners();
            List<ApiResponse> results = Parallel.race(
                    () -> f.staff.put(f.path + f.first + "/login/role", Map.of("role", "admin")),
                    () -> f.staff.put(f.path + f.second + "/login/role", Map.of("role", "admin")));
            assertExactlyOneRefused(results, f);
        }
    }

    @Test
    void twoOwnersDeactivatedAtTheSameMomentLeaveOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = twoOwners();
            List<ApiResponse> results = Parallel.race(
                    () -> f.staff.delete(f.path + f.first + "/login"),
                    () -> f.staff.delete(f.path + f.second + "/login"));
            assertExactlyOneRefused(results, f);
        }
    }

    @Test
    void twoOwnerContactsDeletedAtTheSameMomentLeaveOne() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Fixture f = twoOwners();
            List<ApiResponse> results = Parallel.race(
                    () -> f.staff.delete(f.path + f.first),
                    () -> f.staff.delete(f.path + f.second));
            assertExactlyOneRefused(results, f);
        }
    }

    @Test
    void lastOwnerIsProtectedOnEveryPath() {
        TestAccount acc = newBusinessAccount();
        String path = "accounts/" + acc.id() + "/contacts/" + acc.ownerContactId();
        for (ApiResponse r : List.of(staff().put(path + "/login/role", Map.of("role", "admin")), staff().delete(path + "/login"), staff().delete(path))) {
            assertEquals(409, r.status(), r.toString());
            assertEquals("last_owner", r.code());
        }
        assertEquals("owner", staff().get(path).text("role"));
    }

    private record Fixture(Api staff, String path, String first, String second, String accountId) {
    }

    private Fixture twoOwners() {
        TestAccount acc = newBusinessAccount();
        TestUser second = newUser(acc, "admin");
        String path = "accounts/" + acc.id() + "/contacts/";
        assertEquals(200, staff().put(path + second.contactId() + "/login/role", Map.of("role", "owner")).status());
        return new Fixture(staff(), path, acc.ownerContactId(), second.contactId(), acc.id());
    }

    private void assertExactlyOneRefused(List<ApiResponse> results, Fixture f) {
        long ok = results.stream().filter(r -> r.status() / 100 == 2).count();
        long refused = results.stream().filter(r -> r.status() == 409 && "last_owner".equals(r.code())).count();
        assertEquals(1, ok, results.toString());
        assertEquals(1, refused, results.toString());
        ApiResponse contacts = staff().get("accounts/" + f.accountId() + "/contacts");
        long owners = 0;
        for (var c : contacts.body().get("items")) {
            if ("owner".equals(c.path("role").asText()) && "ACTIVE".equals(c.path("loginStatus").asText())) {
                owners++;
            }
        }
        assertEquals(1, owners, "exactly one Owner remains: " + contacts.raw());
        assertTrue(results.stream().noneMatch(r -> r.status() >= 500), results.toString());
    }
}
