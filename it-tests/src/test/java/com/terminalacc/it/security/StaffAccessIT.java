package com.terminalacc.it.security;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-STF-1, S-ISO-2: who is staff is one definition for the staff API and the staff area, and the staff API takes only
 * tokens meant for staff work.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class StaffAccessIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void theStaffApiRefusesAStaffUsersTokenIssuedForAnotherApplication() { // S-ISO-2
        String staffEmail = newStaffUser();
        TestAccount acc = newBusinessAccount();
        for (String client : new String[] {TerminalRealmConfig.TEST_CLIENT, TerminalRealmConfig.OTHER_CLIENT}) {
            String token = Api.passwordGrant(REALM, client, staffEmail, PASSWORD).get("access_token").asText();
            Api foreign = Api.staff(REALM, () -> token);
            ApiResponse delete = foreign.delete("accounts/" + acc.id());
            assertEquals(401, delete.status(), client + ": " + delete);
            assertEquals("token_audience", delete.code());
            assertEquals(401, foreign.get("accounts/" + acc.id()).status(), client + " may not read either");
        }
        assertEquals(200, staff().get("accounts/" + acc.id()).status(), "nothing was deleted");

        Api staff = staffAs(staffEmail);
        assertEquals(200, staff.get("accounts/" + acc.id()).status());
        assertEquals(204, staff.delete("accounts/" + acc.id()).status(), "a token of the staff client works");
        assertEquals(404, staff().get("accounts/" + acc.id()).status());
    }

    @Test
    void aCustomerTokenForTheStaffApiIsStillNoStaffToken() { // S-STF-1
        TestAccount acc = newBusinessAccount();
        ApiResponse r = staffAs(acc.ownerEmail()).get("accounts");
        assertEquals(403, r.status(), r.toString());
        assertEquals("staff_only", r.code());
    }

    @Test
    void staffIsOneDefinitionForTheApiAndThePages() { // S-STF-1: realm administrators (view-realm reads) and the staff role
        TestAccount acc = newBusinessAccount();
        String realmManagement = realm.admin().clients().findByClientId("realm-management").get(0).getId();
        RoleRepresentation viewRealm = realm.admin().clients().get(realmManagement).roles().get("view-realm").toRepresentation();
        String viewer = newRealmUser("viewer", viewRealm);

        // the API: reads, may not change
        Api api = staffAs(viewer);
        assertEquals(200, api.get("accounts/" + acc.id()).status());
        ApiResponse patch = api.patch("accounts/" + acc.id(), Map.of("accEnabled", false));
        assertEquals(403, patch.status(), patch.toString());
        assertEquals("staff_only", patch.code());

        // the pages: the same person reads the staff area, its forms are not offered and a forged post is refused
        BrowserFlow b = new BrowserFlow(REALM, "en").go(ACC + "staff/accounts/" + acc.id()).login(viewer, PASSWORD);
        assertEquals(200, b.status(), b.text());
        assertTrue(b.text().contains(acc.ownerEmail()), b.text());
        assertFalse(b.hasForm("#staff-account-form"), "a reading staff member gets no form");
        String csrf = b.csrf();
        b.post(ACC + "staff/accounts/" + acc.id(), Map.of("csrf", csrf, "type", "BUSINESS", "accEnabled", "", "domains", acc.domain()));
        assertEquals(403, b.status(), b.text());
        assertEquals("true", staff().get("accounts/" + acc.id()).text("accEnabled"), "nothing changed");

        // a staff member with the role changes through the pages
        BrowserFlow s = new BrowserFlow(REALM, "en").go(ACC + "staff/accounts/" + acc.id()).login(newStaffUser(), PASSWORD);
        assertTrue(s.hasForm("#staff-account-form"), s.text());
    }
}
