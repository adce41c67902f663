package com.terminalacc.it.user;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-ROL-3 and S-CLD-3 also hold against Keycloak's own admin REST API (what the admin console calls): the last
 * Owner keeps its role and its user, the last Cloud-Admin its user; everything else stays possible there.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class AdminConsoleGuardIT extends AbstractTerminalIT {

    private Api console() {
        return Api.keycloakAdmin(REALM, () -> admin.tokenManager().getAccessTokenString());
    }

    private List<JsonNode> ownerRole() {
        ApiResponse role = console().get("roles/terminal-owner");
        assertEquals(200, role.status(), role.toString());
        return List.of(role.body());
    }

    private boolean holdsOwnerRole(String userId) {
        for (JsonNode r : console().get("users/" + userId + "/role-mappings/realm").body()) {
            if ("terminal-owner".equals(r.path("name").asText())) {
                return true;
            }
        }
        return false;
    }

    private String contactPath(TestAccount acc, String contactId) {
        return "accounts/" + acc.id() + "/contacts/" + contactId;
    }

    @Test
    void lastOwnerKeepsTheOwnerRole() { // S-ROL-3
        TestAccount acc = newBusinessAccount();
        ApiResponse r = console().delete("users/" + acc.ownerUserId() + "/role-mappings/realm", ownerRole());
        assertEquals(409, r.status(), r.toString());
        assertEquals("last_owner", r.code());
        assertTrue(holdsOwnerRole(acc.ownerUserId()), "the refused change was rolled back");
        assertEquals("owner", staff().get(contactPath(acc, acc.ownerContactId())).text("role"));
        assertEquals(200, as(acc.ownerEmail()).get("me").status());
    }

    @Test
    void ownerRoleOfOneOfTwoOwnersCanBeTaken() { // S-ROL-3 allowed path
        TestAccount acc = newBusinessAccount();
        TestUser second = newUser(acc, "admin");
        assertEquals(200, staff().put(contactPath(acc, second.contactId()) + "/login/role", Map.of("role", "owner")).status());
        ApiResponse r = console().delete("users/" + second.userId() + "/role-mappings/realm", ownerRole());
        assertEquals(204, r.status(), r.toString());
        assertFalse(holdsOwnerRole(second.userId()));
        // now the first Owner is the last one again
        ApiResponse last = console().delete("users/" + acc.ownerUserId() + "/role-mappings/realm", ownerRole());
        assertEquals(409, last.status(), last.toString());
        assertEquals("last_owner", last.code());
    }

    @Test
    void lastOwnerUserCannotBeDeleted() { // S-ROL-3
        TestAccount acc = newBusinessAccount();
        ApiResponse r = console().delete("users/" + acc.ownerUserId());
        assertEquals(409, r.status(), r.toString());
        assertEquals("last_owner", r.code());
        assertEquals(200, console().get("users/" + acc.ownerUserId()).status());
        ApiResponse contact = staff().get(contactPath(acc, acc.ownerContactId()));
        assertEquals("ACTIVE", contact.text("loginStatus"));
        assertEquals("owner", contact.text("role"));
    }

    @Test
    void organizationOfAnAccountIsNotDeletedPastItsOwner() { // S-ROL-3: accounts are deleted in the staff area
        TestAccount acc = newBusinessAccount();
        newUser(acc, "user");
        ApiResponse r = console().delete("organizations/" + acc.id());
        assertEquals(409, r.status(), r.toString());
        assertEquals("last_owner", r.code());
        assertEquals(200, staff().get("accounts/" + acc.id()).status());
        assertEquals(2, staff().get("accounts/" + acc.id() + "/contacts").body().get("total").asInt());
    }

    @Test
    void lastCloudAdminUserCannotBeDeletedAnotherUserCan() { // S-CLD-3
        TestAccount acc = newBusinessAccount();
        TestUser a = newUser(acc, "admin");
        TestUser b = newUser(acc, "user");
        Api asA = as(a.email());
        String name = "Console guard " + uid();
        String cloud = newCloud(asA, name);
        ApiResponse refused = console().delete("users/" + a.userId());
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("last_cloud_admin_of", refused.code());
        assertTrue(refused.message().contains(name), refused.message());
        assertEquals(200, console().get("users/" + a.userId()).status());

        assertEquals(201, asA.post("clouds/" + cloud + "/members", Map.of("contactId", b.contactId(), "type", "ADMIN")).status());
        assertEquals(204, console().delete("users/" + a.userId()).status());
        assertEquals(404, console().get("users/" + a.userId()).status());
        // the contact stays, without a login and without its cloud membership
        ApiResponse contact = staff().get(contactPath(acc, a.contactId()));
        assertEquals(200, contact.status(), contact.toString());
        assertEquals("NONE", contact.text("loginStatus"));
        ApiResponse members = as(acc.ownerEmail()).get("clouds/" + cloud + "/members");
        assertEquals(1, members.body().get("total").asInt(), members.raw());
        assertEquals(b.contactId(), members.text("items/0/contactId"));
    }

    @Test
    void twoOwnerRolesTakenAtTheSameMomentLeaveOne() throws Exception { // S-ROL-3 under concurrency
        for (int round = 0; round < 4; round++) {
            TestAccount acc = newBusinessAccount();
            TestUser second = newUser(acc, "admin");
            assertEquals(200, staff().put(contactPath(acc, second.contactId()) + "/login/role", Map.of("role", "owner")).status());
            List<JsonNode> role = ownerRole();
            List<ApiResponse> results = Parallel.race(
                    () -> console().delete("users/" + acc.ownerUserId() + "/role-mappings/realm", role),
                    () -> console().delete("users/" + second.userId() + "/role-mappings/realm", role));
            assertEquals(1, results.stream().filter(r -> r.status() == 204).count(), results.toString());
            assertEquals(1, results.stream().filter(r -> r.status() == 409 && "last_owner".equals(r.code())).count(), results.toString());
            assertTrue(holdsOwnerRole(acc.ownerUserId()) ^ holdsOwnerRole(second.userId()), "exactly one Owner remains");
        }
    }
}
