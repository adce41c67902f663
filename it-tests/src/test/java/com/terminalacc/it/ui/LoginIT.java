package com.terminalacc.it.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Terminal login itself (issue 10): one page with e-mail and password although organizations are enabled; German
 * unless the browser or the user asks for English; the ACC's client requires PKCE and the address is clean after
 * sign-in; no serious or critical accessibility violation (axe-core, WCAG 2.1 A/AA) on any login page.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class LoginIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void emailAndPasswordOnOnePageAlthoughOrganizationsExist() {
        TestAccount acc = newBusinessAccount(); // an organization with a domain: Keycloak's own flow would ask for the e-mail alone
        assertTrue(realm.admin().toRepresentation().isOrganizationsEnabled());
        assertEquals("terminal browser", realm.admin().toRepresentation().getBrowserFlow());

        BrowserFlow flow = new BrowserFlow(REALM, "de").start();
        Element form = flow.page().selectFirst("#kc-form-login");
        assertNotNull(form, flow.text());
        assertNotNull(form.selectFirst("input[name=username]"), "e-mail field on the first page");
        assertNotNull(form.selectFirst("input[name=password]"), "password field on the same page");
        flow.login(acc.ownerEmail(), PASSWORD);
        assertTrue(flow.reachedApplication(), "one post signs in: " + flow.text());
    }

    @Test
    void keycloaksOwnBrowserFlowWouldAskForTheEmailAlone() {
        // why the realm has its own flow: bound to Keycloak's built-in flow, the first page has no password field
        newBusinessAccount();
        org.keycloak.representations.idm.RealmRepresentation rep = realm.admin().toRepresentation();
        rep.setBrowserFlow("browser");
        realm.admin().update(rep);
        try {
            BrowserFlow flow = new BrowserFlow(REALM, "de").start();
            assertNotNull(flow.page().selectFirst("#kc-form-login input[name=username]"), flow.text());
            assertNull(flow.page().selectFirst("#kc-form-login input[name=password]"), "identity-first: e-mail alone");
        } finally {
            rep.setBrowserFlow("terminal browser");
            realm.admin().update(rep);
        }
        assertNotNull(new BrowserFlow(REALM, "de").start().page().selectFirst("#kc-form-login input[name=password]"));
    }

    @Test
    void aWrongPasswordIsRefusedOnTheSameOnePage() {
        TestAccount acc = newBusinessAccount();
        BrowserFlow flow = new BrowserFlow(REALM, "de").start().login(acc.ownerEmail(), "falsch-" + PASSWORD);
        assertFalse(flow.reachedApplication());
        assertTrue(flow.text().contains("Ungültiger Benutzername oder Passwort"), flow.text());
        assertNotNull(flow.page().selectFirst("#kc-form-login input[name=username]"));
        assertNotNull(flow.page().selectFirst("#kc-form-login input[name=password]"));
        flow.login(acc.ownerEmail(), PASSWORD);
        assertTrue(flow.reachedApplication(), flow.text());
    }

    @Test
    void germanUnlessTheBrowserOrTheUserAsksForEnglish() {
        // the realm default: German for a browser that asks for a language the realm does not offer, and for German
        assertEquals("de", language(new BrowserFlow(REALM, "fr-FR,fr;q=0.9").start()));
        assertEquals("de", language(new BrowserFlow(REALM, "de-DE,de;q=0.9,en;q=0.5").start()));
        // a browser set to English gets English: Keycloak asks Accept-Language before falling back to the realm default
        assertEquals("en", language(new BrowserFlow(REALM, "en-US,en;q=0.9").start()));
        // the person's own choice (the language switch on the page, kept in a cookie) wins over the browser
        BrowserFlow flow = new BrowserFlow(REALM, "en-US,en;q=0.9").start();
        Element german = flow.page().selectFirst("#login-select-toggle option[value*=kc_locale=de]");
        assertNotNull(german, "language switch on the login page: " + flow.page().html());
        flow.go(german.absUrl("value"));
        assertEquals("de", language(flow));
        assertEquals("de", language(flow.start()), "the choice is remembered for the next login");
    }

    @Test
    void theLanguageStoredForTheUserWinsOnceTheUserIsKnown() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        UserRepresentation rep = realm.admin().users().get(user.userId()).toRepresentation();
        rep.singleAttribute("locale", "en");
        realm.admin().users().get(user.userId()).update(rep);
        temporaryPassword(user.userId(), "Temp-Passwort-2026");
        BrowserFlow flow = new BrowserFlow(REALM, "de-DE,de;q=0.9").start();
        assertEquals("de", language(flow));
        flow.login(user.email(), "Temp-Passwort-2026");
        assertNotNull(flow.page().selectFirst("#kc-passwd-update-form"), flow.text());
        assertEquals("en", language(flow), "the update-password page follows the user's language");
    }

    @Test
    void theAccAsksForPkceAndItsClientRequiresIt() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(ACC + "contacts")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("client_id=terminal-acc") && location.contains("code_challenge_method=S256")
                && location.matches(".*[?&]code_challenge=[A-Za-z0-9_-]{43}(&.*)?"), location);

        ClientRepresentation client = realm.admin().clients().findByClientId("terminal-acc").get(0);
        assertEquals("S256", client.getAttributes().get("pkce.code.challenge.method"));
        // without a challenge Keycloak refuses the ACC's client at once
        String noChallenge = Api.BASE + "/realms/" + REALM + "/protocol/openid-connect/auth?client_id=terminal-acc&response_type=code&scope=openid"
                + "&redirect_uri=" + URLEncoder.encode(ACC, StandardCharsets.UTF_8) + "&state=s";
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(noChallenge)).GET().build(), HttpResponse.BodyHandlers.ofString());
        String back = refused.headers().firstValue("Location").orElse("");
        assertTrue(refused.statusCode() == 302 && back.startsWith(ACC) && back.contains("error=invalid_request")
                && back.contains("code_challenge"), refused.statusCode() + " " + back);
    }

    @Test
    void afterSignInTheAddressHasNoLoginParameters() {
        TestAccount acc = newBusinessAccount();
        try (Browser b = Browser.open("de")) {
            b.go(ACC + "contacts?kc_locale=de").login(acc.ownerEmail(), PASSWORD);
            b.waitFor("#contacts-table");
            // state, session_state, iss and code are dropped; the page's own parameters stay
            assertEquals(ACC + "contacts", b.url().replace("?kc_locale=de", ""), b.url());
            for (String parameter : List.of("code=", "state=", "session_state=", "iss=")) {
                assertFalse(b.url().contains(parameter), b.url());
            }
            b.go(ACC);
            b.waitFor(".acc-dropdown__toggle");
            assertEquals(ACC, b.url());
        }
    }

    @Test
    void everyLoginPageHasNoSeriousOrCriticalAccessibilityViolation() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        temporaryPassword(user.userId(), "Temp-Passwort-2026");
        for (String language : List.of("de", "en")) {
            try (Browser b = Browser.open(language)) {
                b.go(ACC);
                b.waitFor("#username");
                b.assertAccessible("login (" + language + ")");
                b.login(acc.ownerEmail(), "falsch-" + PASSWORD);
                b.waitFor("#username");
                b.assertAccessible("login with an error (" + language + ")");
            }
        }
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(user.email(), "Temp-Passwort-2026");
            b.waitFor("#password-new");
            b.assertAccessible("update password");
            b.type("#password-new", "Neues-Passwort-2026").type("#password-confirm", "Anderes-Passwort-2026");
            b.submit("#kc-passwd-update-form");
            b.waitFor("#password-new");
            b.assertAccessible("update password with an error");
            b.type("#password-new", "Neues-Passwort-2026").type("#password-confirm", "Neues-Passwort-2026");
            b.submit("#kc-passwd-update-form");
            b.waitFor(".acc-dropdown__toggle");
            b.assertAccessible("ACC home after the first sign-in");
        }
    }

    @Test
    void theAccessibilityCheckFindsAFieldWithoutLabel() {
        // the check itself: a password field without a label (the violation the old password page had) fails it
        try (Browser b = Browser.open("de")) {
            b.showHtml("<!DOCTYPE html><html lang=\"de\"><head><title>Test</title></head><body><main><h1>Test</h1>"
                    + "<form><input type=\"password\" name=\"password\"><button>Anmelden</button></form></main></body></html>");
            AssertionError failure = assertThrows(AssertionError.class, () -> b.assertAccessible("a page with an unlabelled field"));
            assertTrue(failure.getMessage().contains("critical label"), failure.getMessage());
        }
    }

    private void temporaryPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(true);
        realm.admin().users().get(userId).resetPassword(credential);
    }

    private static String language(BrowserFlow flow) {
        return flow.page().selectFirst("html").attr("lang");
    }
}
