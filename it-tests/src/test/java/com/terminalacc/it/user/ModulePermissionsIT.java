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

/** S-MOD-1: module permissions and their extra rights, granted and revoked per user, least privilege. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ModulePermissionsIT extends AbstractTerminalIT {

    @Test
    void catalogueListsModulesWithTheirExtraRights() {
        TestAccount acc = newBusinessAccount();
        ApiResponse r = as(acc.ownerEmail()).get("modules");
        assertEquals(200, r.status());
        String raw = r.raw();
        assertTrue(raw.contains("\"support\"") && raw.contains("support:colleague-tickets"), raw);
        assertTrue(raw.contains("\"clouds\"") && raw.contains("clouds:move-products"), raw);
    }

    @Test
    void ownerGrantsAndRevokesAnyPermission() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        ApiResponse r = owner.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("clouds:move-products", "support:colleague-tickets")));
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of("clouds", "clouds:move-products", "support", "support:colleague-tickets"), list(r), "an extra right brings its module");
        ApiResponse revoked = owner.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support")));
        assertEquals(List.of("support"), list(revoked));
        assertEquals(List.of("support"), realm.admin().users().get(user.userId()).roles().clientLevel(
                realm.admin().clients().findByClientId("terminal-modules").get(0).getId()).listAll().stream().map(x -> x.getName()).toList());
    }

    @Test
    void unknownModulesAreA400ListingTheValidOnes() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        ApiResponse r = as(acc.ownerEmail()).put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support", "billing")));
        assertEquals(400, r.status());
        assertEquals("unknown_module", r.code());
        assertTrue(r.message().contains("billing") && r.message().contains("clouds:move-products"), r.message());
        assertEquals(0, as(acc.ownerEmail()).get("contacts/" + user.contactId()).body().get("modules").size(), "nothing granted");
        String plain = as(acc.ownerEmail()).post("contacts", contact("Un", "Known", acc.email("unknown"))).text("id");
        assertEquals(400, as(acc.ownerEmail()).post("contacts/" + plain + "/login", Map.of("role", "user", "modules", List.of("nope"))).status());
        assertEquals("NONE", as(acc.ownerEmail()).get("contacts/" + plain).text("loginStatus"));
    }

    @Test
    void adminGrantsOnlyWhatItHolds() { // S-MOD-1 [decision]
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin", "support");
        TestUser user = newUser(acc, "user", "clouds");
        Api a = as(admin.email());
        assertEquals(List.of("clouds", "support"), list(a.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support", "clouds")))));
        ApiResponse more = a.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support", "support:colleague-tickets", "clouds")));
        assertEquals(403, more.status());
        assertEquals("module_not_held", more.code());
        assertTrue(more.message().contains("support:colleague-tickets"), more.message());
        ApiResponse revokeOther = a.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support")));
        assertEquals(403, revokeOther.status(), "nor revoke what it does not hold");
        String plain = a.post("contacts", contact("Mod", "Wizard", acc.email("modwiz"))).text("id");
        ApiResponse wizard = a.post("contacts/" + plain + "/login", Map.of("role", "user", "modules", List.of("clouds")));
        assertEquals(403, wizard.status());
        assertEquals("module_not_held", wizard.code());
        assertEquals(201, a.post("contacts/" + plain + "/login", Map.of("role", "user", "modules", List.of("support"))).status());
    }

    private static List<String> list(ApiResponse r) {
        List<String> modules = new java.util.ArrayList<>();
        r.body().get("modules").forEach(m -> modules.add(m.asText()));
        return modules;
    }
}
