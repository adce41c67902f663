package com.terminalacc.it.security;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Base64;
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
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, sessions and pages: a GET never changes the user (the language is chosen with a CSRF-checked post), the
 * CSRF secret is the ACC's own and can be rotated, deactivation ends offline sessions for good (S-CON-3), and a new
 * initial password is sent only while the user has no password of its own (S-LOG-3).
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class SessionsAndLanguageIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void aGetWithKcLocaleDoesNotChangeTheUser() {
        TestAccount acc = newBusinessAccount();
        BrowserFlow flow = new BrowserFlow(REALM, "de").start().login(acc.ownerEmail(), PASSWORD);
        assertTrue(flow.reachedApplication(), flow.text());
        flow.go(ACC + "contacts?kc_locale=en");
        assertEquals(200, flow.status(), flow.text());
        assertNotEquals("en", locale(acc.ownerUserId()), "a GET (a link, an image, another site) never stores the language");

        flow.go(ACC + "contacts");
        String csrf = flow.csrf();
        flow.post(ACC + "language", Map.of("csrf", "forged", "locale", "en", "back", "contacts"));
        assertEquals(403, flow.status(), flow.text());
        assertNotEquals("en", locale(acc.ownerUserId()), "no token, no change");
        flow.post(ACC + "language", Map.of("locale", "en", "back", "contacts"));
        assertEquals(403, flow.status(), "missing token");

        flow.post(ACC + "language", Map.of("csrf", csrf, "locale", "en", "back", "contacts"));
        assertEquals(200, flow.status(), "back to the contacts (Post/Redirect/Get): " + flow.text());
        assertTrue(flow.text().contains("Contacts & users"), flow.text());
        assertEquals("en", locale(acc.ownerUserId()), "the language switch (a post with the token) stores it");
        flow.post(ACC + "language", Map.of("csrf", csrf, "locale", "de", "back", "https://evil.example/x"));
        assertEquals(200, flow.status(), "never to another site, to the ACC's start: " + flow.text());
        assertEquals("de", locale(acc.ownerUserId()));
        flow.go(ACC + "contacts");
        assertTrue(flow.page().selectFirst("form[action$=/language] button[value=en]") != null, "the switch is a form: " + flow.page().select("footer"));
    }

    @Test
    void theCsrfSecretIsTheAccsOwnAndRotatable() {
        TestAccount acc = newBusinessAccount();
        BrowserFlow flow = new BrowserFlow(REALM, "en").start().login(acc.ownerEmail(), PASSWORD);
        flow.go(ACC + "contacts/new");
        assertEquals(200, flow.status(), flow.text());
        String before = flow.csrf();
        String secret = realm.admin().toRepresentation().getAttributes().get("terminal.csrfSecret");
        assertNotNull(secret, "a secret of its own purpose, stored with the realm (not its token-signing key)");
        assertEquals(32, Base64.getDecoder().decode(secret).length);

        byte[] rotated = new byte[32];
        new java.security.SecureRandom().nextBytes(rotated);
        setRealmAttribute("terminal.csrfSecret", Base64.getEncoder().encodeToString(rotated));
        flow.post(ACC + "contacts/new", Map.of("csrf", before, "firstName", "Old", "lastName", "Token", "email", acc.email("old")));
        assertEquals(403, flow.status(), "a token of the previous secret is refused once rotated");
        flow.go(ACC + "contacts/new");
        assertNotEquals(before, flow.csrf());
        flow.post(ACC + "contacts/new", Map.of("csrf", flow.csrf(), "firstName", "New", "lastName", "Token", "email", acc.email("new")));
        assertEquals(200, flow.status(), flow.text());
        assertTrue(flow.text().contains("The contact was added"), flow.text());
        String contacts = as(acc.ownerEmail()).get("contacts").raw();
        assertTrue(contacts.contains(acc.email("new")) && !contacts.contains(acc.email("old")), contacts);
    }

    @Test
    void deactivationEndsOfflineSessionsForGood() { // S-CON-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        JsonNode offline = offlineGrant(user.email());
        String refresh = offline.get("refresh_token").asText();
        assertEquals(200, Api.refreshGrant(REALM, refresh).status(), "the offline token works while the login is active");
        Api owner = as(acc.ownerEmail());
        assertEquals(200, owner.delete("contacts/" + user.contactId() + "/login").status());
        assertEquals(400, Api.refreshGrant(REALM, refresh).status(), "refused while deactivated");
        String clientId = realm.admin().clients().findByClientId(TerminalRealmConfig.TEST_CLIENT).get(0).getId();
        assertTrue(realm.admin().users().get(user.userId()).getOfflineSessions(clientId).isEmpty(), "offline sessions ended");
        assertTrue(realm.admin().users().get(user.userId()).getConsents().isEmpty(), "consents ended");

        ApiResponse again = owner.post("contacts/" + user.contactId() + "/login", Map.of("role", "user"));
        assertEquals(201, again.status(), again.toString());
        setPassword(user.userId(), PASSWORD);
        ApiResponse afterReactivation = Api.refreshGrant(REALM, refresh);
        assertEquals(400, afterReactivation.status(), "a token from before the deactivation stays dead: " + afterReactivation);
        assertEquals(200, Api.refreshGrant(REALM, offlineGrant(user.email()).get("refresh_token").asText()).status(),
                "a new sign-in works");
    }

    @Test
    void noNewInitialPasswordOnceTheUserChoseItsOwn() { // S-LOG-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("own-" + uid());
        String contactId = owner.post("contacts", Map.of("firstName", "Otto", "lastName", "Own", "email", email)).text("id");
        assertEquals(201, owner.post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        String initial = Mails.waitFor(mail, email).initialPassword();
        assertEquals(204, owner.post("contacts/" + contactId + "/login/onboarding", "").status(), "while the initial one is unused");
        List<Mails.Received> mails = Mails.all(mail, email);
        String second = mails.get(mails.size() - 1).initialPassword();
        assertNotEquals(initial, second);

        BrowserFlow flow = new BrowserFlow(REALM, "en").start().login(email, second).updatePassword("Mein-Eigenes-2026!");
        assertTrue(flow.reachedApplication(), flow.text());
        ApiResponse refused = owner.post("contacts/" + contactId + "/login/onboarding", "");
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("no_onboarding_pending", refused.code());
        assertNotNull(Api.passwordToken(REALM, email, "Mein-Eigenes-2026!"), "the user's own password still works");
    }

    private String locale(String userId) {
        UserRepresentation u = realm.admin().users().get(userId).toRepresentation();
        List<String> values = u.getAttributes() == null ? null : u.getAttributes().get("locale");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static JsonNode offlineGrant(String email) {
        ApiResponse r = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(Map.of("grant_type", "password",
                        "client_id", TerminalRealmConfig.TEST_CLIENT, "client_secret", TerminalRealmConfig.TEST_CLIENT_SECRET,
                        "username", email, "password", PASSWORD, "scope", "openid offline_access")))));
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().get("scope").asText().contains("offline_access"), r.toString());
        return r.body();
    }
}
