package com.terminalacc.it.user;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.Mails;
import com.terminalacc.it.support.TerminalServerConfig;
import com.terminalacc.it.support.Tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Login activation and onboarding: S-CON-3, S-LOG-1, S-LOG-2, S-LOG-3, S-LOG-5, S-MOD-1. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class LoginActivationIT extends AbstractTerminalIT {

    private static final String NEW_PASSWORD = "Mein-Neues-Passwort-42";

    @Test
    void ownerActivatesAdminWhoSignsInWithTheInitialPasswordAndMustChangeIt() { // S-CON-3, S-LOG-1..3, S-LOG-5
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("alex.admin");
        String contactId = owner.post("contacts", contact("Alex", "Admin", email)).text("id");

        // the wizard, step by step, validated without saving
        assertEquals(200, owner.post("contacts/" + contactId + "/login?validateOnly=true&step=details",
                Map.of("contact", Map.of("phone", "+49 89 555", "jobTitle", "IT-Leitung", "locale", "en"))).status());
        assertEquals(200, owner.post("contacts/" + contactId + "/login?validateOnly=true&step=role", Map.of("role", "admin")).status());
        ApiResponse summary = owner.post("contacts/" + contactId + "/login?validateOnly=true",
                Map.of("contact", Map.of("phone", "+49 89 555", "locale", "en"), "role", "admin", "modules", List.of("support")));
        assertEquals(200, summary.status(), summary.toString());
        assertEquals("true", summary.text("valid"));
        assertEquals("admin", summary.text("role"));
        assertEquals("support", summary.text("modules/0"));
        assertEquals("NONE", owner.get("contacts/" + contactId).text("loginStatus"), "validation saved nothing");
        assertNull(owner.get("contacts/" + contactId).text("phone"));
        assertTrue(realm.admin().users().search(email, true).isEmpty());
        assertTrue(Mails.all(mail, email).isEmpty(), "no e-mail for a validation");

        // confirm
        ApiResponse activated = owner.post("contacts/" + contactId + "/login",
                Map.of("contact", Map.of("phone", "+49 89 555", "locale", "en"), "role", "admin", "modules", List.of("support")));
        assertEquals(201, activated.status(), activated.toString());
        assertEquals("ACTIVE", activated.text("loginStatus"));
        assertEquals("admin", activated.text("role"));
        assertEquals("support", activated.text("modules/0"));
        assertEquals("true", activated.text("passwordChangeRequired"));
        assertNotNull(activated.text("initialPasswordExpiresAt"));
        assertEquals("+49 89 555", activated.text("phone"));
        assertFalse(activated.raw().toLowerCase().contains("password\":\""), "no password in the response");

        // the user is a Keycloak user, member of the account's organization (S-CON-3)
        UserRepresentation user = realm.admin().users().search(email, true).get(0);
        assertEquals(email, user.getUsername());
        assertTrue(realm.admin().organizations().get(acc.id()).members().list(0, 10).stream().anyMatch(m -> m.getId().equals(user.getId())));

        // the e-mail, in the user's language (en)
        Mails.Received received = Mails.waitFor(mail, email);
        assertTrue(received.subject().contains(acc.name()), received.subject());
        assertTrue(received.text().contains("Olga Owner"), received.text());
        String initial = received.initialPassword();
        assertTrue(initial.length() >= 20);

        // first login through the real login form: the password change is forced
        BrowserFlow browser = new BrowserFlow(REALM, "en").start().login(email, initial);
        assertTrue(browser.hasForm("#kc-passwd-update-form"), "forced to choose a new password: " + browser.text());
        browser.updatePassword(NEW_PASSWORD);
        assertTrue(browser.reachedApplication(), browser.text());
        JsonNode token = Tokens.payload(browser.tokens().get("access_token").asText());
        assertTrue(Tokens.realmRoles(token).contains("terminal-admin"), token.toString());
        assertFalse(Tokens.realmRoles(token).contains("terminal-owner"));
        assertEquals(List.of("support"), Tokens.clientRoles(token, "terminal-modules"));

        // afterwards: exactly the role granted, no forced change any more, the initial password no longer works
        ApiResponse me = Api.customer(REALM, () -> Api.passwordToken(REALM, email, NEW_PASSWORD)).get("me");
        assertEquals("admin", me.text("role"));
        assertEquals("false", owner.get("contacts/" + contactId).text("passwordChangeRequired"));
        assertFalse(new BrowserFlow(REALM, "en").start().login(email, initial).reachedApplication());
    }

    @Test
    void initialPasswordIsNeverLogged() throws Exception { // S-LOG-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("logcheck");
        String contactId = owner.post("contacts", contact("Log", "Check", email)).text("id");
        assertEquals(201, owner.post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        String initial = Mails.waitFor(mail, email).initialPassword();
        Path log = Path.of("target/surefire-reports/" + getClass().getName() + "-output.txt");
        assertTrue(Files.exists(log), "the server log of this test class is captured");
        assertFalse(Files.readString(log).contains(initial), "initial password must not appear in the server log");
        assertFalse(owner.get("contacts/" + contactId + "/activity").raw().contains(initial), "nor in the activity log");
    }

    @Test
    void unusedInitialPasswordExpires() throws Exception { // S-LOG-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("late");
        String contactId = owner.post("contacts", contact("Lena", "Late", email)).text("id");
        String previous = setRealmAttribute("terminal.initialPasswordLifetime", "2s");
        try {
            assertEquals(201, owner.post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        } finally {
            setRealmAttribute("terminal.initialPasswordLifetime", previous == null ? "72h" : previous);
        }
        String initial = Mails.waitFor(mail, email).initialPassword();
        Thread.sleep(3000);
        BrowserFlow browser = new BrowserFlow(REALM, "de").start().login(email, initial);
        assertFalse(browser.hasForm("#kc-passwd-update-form"), "no way to set a password with an expired one");
        assertFalse(browser.reachedApplication());
        assertTrue(browser.text().contains("initiales Passwort ist abgelaufen"), browser.text());

        // a new one can be sent and works
        assertEquals(204, owner.post("contacts/" + contactId + "/login/onboarding", "").status());
        List<Mails.Received> mails = Mails.all(mail, email);
        String second = mails.get(mails.size() - 1).initialPassword();
        assertFalse(second.equals(initial));
        BrowserFlow again = new BrowserFlow(REALM, "de").start().login(email, second);
        assertTrue(again.hasForm("#kc-passwd-update-form"), again.text());
    }

    @Test
    void setPasswordLinkModeSendsKeycloaksExpiringLink() { // S-LOG-3 realm setting
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("link");
        String contactId = owner.post("contacts", Map.of("firstName", "Lia", "lastName", "Link", "email", email, "locale", "en")).text("id");
        String previous = setRealmAttribute("terminal.onboarding", "set-password-link");
        try {
            assertEquals(201, owner.post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        } finally {
            setRealmAttribute("terminal.onboarding", previous == null ? "initial-password" : previous);
        }
        Mails.Received received = Mails.waitFor(mail, email);
        String link = received.actionLink();
        BrowserFlow browser = new BrowserFlow(REALM, "en").go(link);
        if (!browser.hasForm("#kc-passwd-update-form")) {
            // Keycloak first shows an info page with a link "Click here to proceed"
            browser.go(browser.page().selectFirst("a[href*=login-actions]").absUrl("href"));
        }
        assertTrue(browser.hasForm("#kc-passwd-update-form"), browser.text());
        browser.updatePassword(NEW_PASSWORD);
        assertEquals("user", Api.customer(REALM, () -> Api.passwordToken(REALM, email, NEW_PASSWORD)).get("me").text("role"));
    }

    @Test
    void deactivatedLoginIsAContactAgainAndCanBeReactivated() { // S-CON-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user", "support");
        Api owner = as(acc.ownerEmail());
        String userToken = Api.passwordToken(REALM, user.email(), PASSWORD);

        ApiResponse deactivated = owner.delete("contacts/" + user.contactId() + "/login");
        assertEquals(200, deactivated.status(), deactivated.toString());
        assertEquals("DEACTIVATED", deactivated.text("loginStatus"));
        assertNull(deactivated.text("role"));
        assertEquals(0, deactivated.body().get("modules").size());
        assertFalse(realm.admin().users().get(user.userId()).toRepresentation().isEnabled());
        assertEquals(401, Api.customer(REALM, () -> userToken).get("me").status(), "existing tokens stop working");
        assertTrue(owner.get("contacts/" + user.contactId()).text("email").equals(user.email()), "the contact stays");
        assertTrue(owner.get("contacts/" + user.contactId() + "/activity").body().get("items").size() > 0, "its history stays");
        ApiResponse twice = owner.delete("contacts/" + user.contactId() + "/login");
        assertEquals(409, twice.status());
        assertEquals("login_not_active", twice.code());

        ApiResponse reactivated = owner.post("contacts/" + user.contactId() + "/login", Map.of("role", "admin"));
        assertEquals(201, reactivated.status(), reactivated.toString());
        assertEquals("ACTIVE", reactivated.text("loginStatus"));
        assertEquals("admin", reactivated.text("role"));
        assertEquals(user.userId(), reactivated.text("userId"), "the same user record, so its history continues");
        assertEquals(0, reactivated.body().get("modules").size(), "permissions are granted anew");
    }

    @Test
    void activationIsRefusedForActiveLoginsOneselfAndUsers() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        ApiResponse twice = owner.post("contacts/" + user.contactId() + "/login", Map.of("role", "user"));
        assertEquals(409, twice.status());
        assertEquals("login_already_active", twice.code());
        String plain = owner.post("contacts", contact("Pia", "Plain", acc.email("pia"))).text("id");
        ApiResponse byUser = as(user.email()).post("contacts/" + plain + "/login", Map.of("role", "user"));
        assertEquals(403, byUser.status(), "S-LOG-1: only Owners and Admins activate logins");
        ApiResponse missingRole = owner.post("contacts/" + plain + "/login", Map.of());
        assertEquals(400, missingRole.status());
        assertTrue(missingRole.fieldErrors().contains("role:field_required"), missingRole.toString());
        ApiResponse badRole = owner.post("contacts/" + plain + "/login", Map.of("role", "superuser"));
        assertEquals(400, badRole.status());
        assertEquals("NONE", owner.get("contacts/" + plain).text("loginStatus"));
    }

    @Test
    void nobodyReactivatesTheDormantLoginOfARoleAtOrAboveTheirOwn() { // S-ROL-1, S-ROL-3: exactly one Terminal role
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        TestUser admin = newUser(acc, "admin");
        // a second Owner (through staff), whose user a realm administrator then disables in Keycloak's admin console
        String second = owner.post("contacts", contact("Otto", "Zweit", acc.email("otto-" + uid()))).text("id");
        assertEquals(201, staff().post("accounts/" + acc.id() + "/contacts/" + second + "/login", Map.of("role", "owner")).status());
        String secondUser = staff().get("accounts/" + acc.id() + "/contacts/" + second).text("userId");
        UserRepresentation rep = realm.admin().users().get(secondUser).toRepresentation();
        rep.setEnabled(false);
        realm.admin().users().get(secondUser).update(rep);

        for (String who : new String[] {admin.email(), acc.ownerEmail()}) {
            ApiResponse again = as(who).post("contacts/" + second + "/login", Map.of("role", "user"));
            assertEquals(403, again.status(), who + ": " + again);
            assertEquals("forbidden", again.code());
        }
        UserRepresentation after = realm.admin().users().get(secondUser).toRepresentation();
        assertFalse(after.isEnabled(), "still disabled");
        assertEquals(List.of("terminal-owner"), terminalRoles(secondUser));

        ApiResponse byStaff = staff().post("accounts/" + acc.id() + "/contacts/" + second + "/login", Map.of("role", "admin"));
        assertEquals(201, byStaff.status(), byStaff.toString());
        assertEquals(List.of("terminal-admin"), terminalRoles(secondUser), "exactly one Terminal role after re-activation");
    }

    private List<String> terminalRoles(String userId) {
        List<String> roles = new ArrayList<>();
        realm.admin().users().get(userId).roles().realmLevel().listAll().forEach(r -> {
            if (r.getName().startsWith("terminal-")) {
                roles.add(r.getName());
            }
        });
        roles.sort(null);
        return roles;
    }

    @Test
    void germanIsTheDefaultLanguageOfTheEmail() { // S-LOG-3, German default
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("deutsch");
        String contactId = owner.post("contacts", contact("Dieter", "Deutsch", email)).text("id");
        assertEquals(201, owner.language("en").post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        Mails.Received received = Mails.waitFor(mail, email);
        assertTrue(received.subject().startsWith("Ihr Login"), received.subject());
        List<String> problems = new ArrayList<>();
        if (received.html() == null) {
            problems.add("no HTML part");
        }
        assertTrue(problems.isEmpty(), problems.toString());
    }
}
