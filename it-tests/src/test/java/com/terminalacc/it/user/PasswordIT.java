package com.terminalacc.it.user;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-LOG-4: Owners and Admins set passwords of users they may edit; temporary by default; the policy applies. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class PasswordIT extends AbstractTerminalIT {

    @Test
    void passwordSetByOwnerIsTemporaryByDefault() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        assertEquals(204, owner.put("contacts/" + user.contactId() + "/login/password", Map.of("password", "Vom-Owner-Gesetzt-1")).status());
        assertEquals("true", owner.get("contacts/" + user.contactId()).text("passwordChangeRequired"));
        BrowserFlow browser = new BrowserFlow(REALM, "en").start().login(user.email(), "Vom-Owner-Gesetzt-1");
        assertTrue(browser.hasForm("#kc-passwd-update-form"), browser.text());
    }

    @Test
    void permanentPasswordWhenStated() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        assertEquals(204, owner.put("contacts/" + user.contactId() + "/login/password",
                Map.of("password", "Dauerhaft-Gesetzt-22", "temporary", false)).status());
        assertEquals("false", owner.get("contacts/" + user.contactId()).text("passwordChangeRequired"));
        BrowserFlow browser = new BrowserFlow(REALM, "en").start().login(user.email(), "Dauerhaft-Gesetzt-22");
        assertTrue(browser.reachedApplication(), browser.text());
    }

    @Test
    void policyViolationsAreClearInTheCallersLanguage() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        ApiResponse en = owner.language("en").put("contacts/" + user.contactId() + "/login/password", Map.of("password", "Short1a"));
        assertEquals(400, en.status());
        assertEquals("password_policy", en.code());
        assertTrue(en.message().contains("12"), en.message());
        ApiResponse de = owner.language("de").put("contacts/" + user.contactId() + "/login/password", Map.of("password", "Short1a"));
        assertTrue(de.message().startsWith("Das Passwort erfüllt die Passwort-Richtlinie nicht") && de.message().contains("12"), de.message());
        ApiResponse missing = owner.put("contacts/" + user.contactId() + "/login/password", Map.of());
        assertEquals(400, missing.status());
        assertTrue(missing.fieldErrors().contains("password:field_required"));
        // the old password still works
        assertEquals(200, Api.customer(REALM, () -> Api.passwordToken(REALM, user.email(), PASSWORD)).get("me").status());
    }

    @Test
    void onlyForUsersOneMayEdit() { // S-LOG-4 with S-ROL-1
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        ApiResponse byUser = as(user.email()).put("contacts/" + admin.contactId() + "/login/password", Map.of("password", "Unerlaubt-Gesetzt-3"));
        assertEquals(403, byUser.status());
        ApiResponse noLogin = as(acc.ownerEmail()).put("contacts/" + as(acc.ownerEmail()).post("contacts",
                contact("No", "Login", acc.email("nologin"))).text("id") + "/login/password", Map.of("password", "Unerlaubt-Gesetzt-3"));
        assertEquals(409, noLogin.status());
        assertEquals("login_not_active", noLogin.code());
    }
}
