package com.terminalacc.it.user;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rights table and hierarchy: S-ROL-1 (only roles below one's own), S-ROL-2 (Owner never through the customer
 * API), S-ROL-3 (nobody changes their own role), S-ROL-4 (the table, configurable).
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class RolesIT extends AbstractTerminalIT {

    @Test
    void ownerGrantsAdminAndUser() { // S-ROL-1, S-ROL-4 create contact/user with role Admin/User
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String role : List.of("admin", "user")) {
            String id = owner.post("contacts", contact("R", role, acc.email(role + uid()))).text("id");
            ApiResponse r = owner.post("contacts/" + id + "/login", Map.of("role", role));
            assertEquals(201, r.status(), r.toString());
            assertEquals(role, r.text("role"));
        }
    }

    @Test
    void adminGrantsUserButNotAdmin() { // S-ROL-1
        TestAccount acc = newBusinessAccount();
        Api admin = as(newUser(acc, "admin").email());
        String a = admin.post("contacts", contact("For", "User", acc.email("foruser"))).text("id");
        assertEquals(201, admin.post("contacts/" + a + "/login", Map.of("role", "user")).status());
        String b = admin.post("contacts", contact("For", "Admin", acc.email("foradmin"))).text("id");
        ApiResponse r = admin.post("contacts/" + b + "/login", Map.of("role", "admin"));
        assertEquals(403, r.status());
        assertEquals("role_not_grantable", r.code());
        assertEquals("NONE", admin.get("contacts/" + b).text("loginStatus"));
    }

    @Test
    void ownerIsNeverGrantableThroughTheCustomerApi() { // S-ROL-2
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String id = owner.post("contacts", contact("Would", "BeOwner", acc.email("wouldbe"))).text("id");
        ApiResponse r = owner.post("contacts/" + id + "/login", Map.of("role", "owner"));
        assertEquals(403, r.status());
        assertEquals("owner_only_by_staff", r.code());
        TestUser admin = newUser(acc, "admin");
        ApiResponse promote = owner.put("contacts/" + admin.contactId() + "/login/role", Map.of("role", "owner"));
        assertEquals(403, promote.status());
        assertEquals("owner_only_by_staff", promote.code());
        assertEquals("admin", owner.get("contacts/" + admin.contactId()).text("role"));
        ApiResponse dry = owner.post("contacts/" + id + "/login?validateOnly=true&step=role", Map.of("role", "owner"));
        assertEquals(403, dry.status(), "the wizard's role step says so too");
    }

    @Test
    void ownerPromotesAndDemotesBetweenAdminAndUser() { // S-ROL-1, S-ROL-4 edit
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        TestUser user = newUser(acc, "user");
        assertEquals("admin", owner.put("contacts/" + user.contactId() + "/login/role", Map.of("role", "admin")).text("role"));
        assertEquals("user", owner.put("contacts/" + user.contactId() + "/login/role", Map.of("role", "user")).text("role"));
        assertTrue(realm.admin().users().get(user.userId()).roles().realmLevel().listAll().stream()
                .noneMatch(r -> r.getName().equals("terminal-admin")), "the old role is removed in Keycloak too");
    }

    @Test
    void adminCannotTouchAdminsOrOwners() { // S-ROL-1, S-ROL-4 edit existing contacts with role Admin
        TestAccount acc = newBusinessAccount();
        TestUser adminA = newUser(acc, "admin");
        TestUser adminB = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        Api a = as(adminA.email());
        for (String target : List.of(adminB.contactId(), acc.ownerContactId())) {
            assertForbidden(a.patch("contacts/" + target, Map.of("phone", "123")));
            assertForbidden(a.put("contacts/" + target + "/login/role", Map.of("role", "user")));
            assertForbidden(a.put("contacts/" + target + "/login/modules", Map.of("modules", List.of())));
            assertForbidden(a.put("contacts/" + target + "/login/password", Map.of("password", "Ganz-Neues-Pass-99")));
            assertForbidden(a.delete("contacts/" + target + "/login"));
            assertForbidden(a.delete("contacts/" + target));
        }
        assertEquals("ACTIVE", a.get("contacts/" + adminB.contactId()).text("loginStatus"), "nothing happened to the other Admin");
        assertEquals("admin", a.get("contacts/" + adminB.contactId()).text("role"));
        // but users, yes
        assertEquals(200, a.patch("contacts/" + user.contactId(), Map.of("phone", "123")).status());
        assertEquals(204, a.put("contacts/" + user.contactId() + "/login/password", Map.of("password", "Ganz-Neues-Pass-99")).status());
        assertEquals(200, a.delete("contacts/" + user.contactId() + "/login").status());
    }

    @Test
    void ownerCannotEditAnotherOwner() { // S-ROL-1: only roles below one's own; Owners are staff's business
        TestAccount acc = newBusinessAccount();
        TestUser second = newUser(acc, "user");
        assertEquals(200, staff().put("accounts/" + acc.id() + "/contacts/" + second.contactId() + "/login/role", Map.of("role", "owner")).status());
        Api owner = as(acc.ownerEmail());
        assertForbidden(owner.put("contacts/" + second.contactId() + "/login/role", Map.of("role", "admin")));
        assertForbidden(owner.delete("contacts/" + second.contactId() + "/login"));
        assertEquals("owner", owner.get("contacts/" + second.contactId()).text("role"));
    }

    @Test
    void nobodyChangesTheirOwnRoleRightsOrLogin() { // S-ROL-3
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin", "support");
        Api a = as(admin.email());
        Api owner = as(acc.ownerEmail());
        for (ApiResponse r : List.of(
                a.put("contacts/" + admin.contactId() + "/login/role", Map.of("role", "user")),
                a.put("contacts/" + admin.contactId() + "/login/modules", Map.of("modules", List.of("support", "clouds"))),
                a.put("contacts/" + admin.contactId() + "/login/password", Map.of("password", "Ganz-Neues-Pass-99")),
                a.delete("contacts/" + admin.contactId() + "/login"),
                a.patch("contacts/" + admin.contactId(), Map.of("supportPermission", false)),
                owner.put("contacts/" + acc.ownerContactId() + "/login/role", Map.of("role", "admin")),
                owner.delete("contacts/" + acc.ownerContactId() + "/login"))) {
            assertEquals(403, r.status(), r.toString());
            assertEquals("not_on_yourself", r.code());
        }
        ApiResponse ownPhone = a.patch("contacts/" + admin.contactId(), Map.of("phone", "+49 1"));
        assertEquals(200, ownPhone.status(), "one's own contact details are fine");
        assertEquals("admin", ownPhone.text("role"));
        assertEquals(List.of("support"), List.of(ownPhone.text("modules/0")));
    }

    @Test
    void userHasNoUserManagement() { // S-ROL-1, S-ROL-4 activate login for contacts
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        TestUser other = newUser(acc, "user");
        Api u = as(user.email());
        assertForbidden(u.get("contacts"));
        assertForbidden(u.put("contacts/" + other.contactId() + "/login/role", Map.of("role", "user")));
        assertForbidden(u.delete("contacts/" + other.contactId() + "/login"));
        ApiResponse me = u.get("me");
        assertEquals(200, me.status());
        assertEquals("user", me.text("role"));
        assertTrue(me.raw().contains("see-assigned-clouds") && !me.raw().contains("activate-login"), me.raw());
    }

    @Test
    void rightsMatrixIsConfiguration() { // S-ROL-4: the matrix is configuration, not code
        TestAccount acc = newBusinessAccount();
        Api admin = as(newUser(acc, "admin").email());
        String id = admin.post("contacts", contact("Matrix", "Test", acc.email("matrix"))).text("id");
        String previous = setRealmAttribute("terminal.rights.create-user", "owner");
        try {
            ApiResponse r = admin.post("contacts/" + id + "/login", Map.of("role", "user"));
            assertEquals(403, r.status(), r.toString());
            assertEquals("role_not_grantable", r.code());
        } finally {
            setRealmAttribute("terminal.rights.create-user", previous == null ? "owner,admin" : previous);
        }
        assertEquals(201, admin.post("contacts/" + id + "/login", Map.of("role", "user")).status());

        // configuration cannot break the hierarchy: even if Admins are given create-admin, they still may not
        String previousAdmin = setRealmAttribute("terminal.rights.create-admin", "owner,admin");
        try {
            String other = admin.post("contacts", contact("Matrix", "Admin", acc.email("matrix2"))).text("id");
            assertEquals(403, admin.post("contacts/" + other + "/login", Map.of("role", "admin")).status());
        } finally {
            setRealmAttribute("terminal.rights.create-admin", previousAdmin == null ? "owner" : previousAdmin);
        }
    }

    @Test
    void staffAssignAndRemoveOwnerButNeverTheLast() { // S-ROL-2, S-ROL-3
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        Api staff = staff();
        String path = "accounts/" + acc.id() + "/contacts/";
        assertEquals("owner", staff.put(path + admin.contactId() + "/login/role", Map.of("role", "owner")).text("role"));
        assertEquals("admin", staff.put(path + acc.ownerContactId() + "/login/role", Map.of("role", "admin")).text("role"));
        ApiResponse last = staff.put(path + admin.contactId() + "/login/role", Map.of("role", "user"));
        assertEquals(409, last.status());
        assertEquals("last_owner", last.code());
        assertEquals(409, staff.delete(path + admin.contactId() + "/login").status());
        assertEquals(409, staff.delete(path + admin.contactId()).status());
        assertEquals("owner", staff.get(path + admin.contactId()).text("role"));
    }

    private static void assertForbidden(ApiResponse r) {
        assertEquals(403, r.status(), r.toString());
        assertTrue(List.of("forbidden", "role_not_grantable", "owner_only_by_staff").contains(r.code()), r.toString());
    }
}
