package com.terminalacc.it.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.Mails;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The seed article "how to create contacts and users", step by step, in a real browser (German, the default):
 * Owner signs in → Settings → Access Control Center → adds a contact → activates its login as Admin with a module
 * permission → confirms → the e-mail arrives → the new Admin signs in with the initial password, is forced to choose
 * a new one and then has Admin rights only. S-ACC-4, S-CON-1, S-CON-2, S-CON-3, S-LOG-1, S-LOG-2, S-LOG-3, S-ROL-1.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class SeedJourneyIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void ownerAddsAContactActivatesAnAdminWhoSignsIn() {
        TestAccount acc = newBusinessAccount();
        String email = acc.email("anna.admin");
        try (Browser b = Browser.open("de")) {
            // 1 - sign in (the Terminal login); 2 - Einstellungen → Access Control Center
            b.go(ACC);
            b.waitFor("#username");
            assertTrue(b.has("#kc-header-wrapper"), "the Terminal login page");
            b.screenshot("login-de");
            b.assertAccessible("login-de");
            b.login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-dropdown__toggle");
            b.screenshot("acc-home-de");
            b.assertAccessible("acc-home-de");
            b.click(".acc-menus .acc-dropdown__toggle");
            b.clickText("Access Control Center");
            // 3 - overview with the green "Kontakt hinzufügen"
            assertTrue(b.text().contains("Kontakte & Benutzer"), b.text());
            assertTrue(b.text().contains(acc.ownerEmail()));
            b.screenshot("acc-contacts-de");
            b.assertAccessible("acc-contacts-de");
            b.click("#add-contact");
            // 4 - add contact: support permission preset
            assertTrue(b.find("#supportPermission").isSelected(), "S-CON-2: support permission is preset");
            b.type("#firstName", "Anna").type("#lastName", "Admin").type("#email", email);
            b.screenshot("acc-contact-new-de");
            b.assertAccessible("acc-contact-new-de");
            b.click("#save-contact");
            assertTrue(b.text().contains("Der Kontakt wurde mit Support-Berechtigung angelegt."), b.url() + "\n" + b.html());
            // 5 - the row's actions: "Login aktivieren"
            b.click("tr[data-contact='" + email + "'] .acc-kebab");
            b.click("tr[data-contact='" + email + "'] .act-activate");
            // 6 - contact details
            assertTrue(b.text().contains("Kontaktdetails"));
            b.type("#phone", "+49 30 123456").type("#jobTitle", "IT-Leitung");
            b.click("#next");
            // 7 - role: only roles below the Owner's own
            assertTrue(b.has("#role-admin") && b.has("#role-user") && !b.has("#role-owner"), b.html());
            b.click("#role-admin");
            b.click("#next");
            // 8 - module permissions with the least-privilege hint
            assertTrue(b.has("#least-privilege"));
            b.check("#mod-support");
            b.screenshot("acc-wizard-modules-de");
            b.assertAccessible("acc-wizard-modules-de");
            b.click("#next");
            // 9 - summary, then confirm
            String summary = b.find("#summary").getText();
            assertTrue(summary.contains("Terminal-Admin") && summary.contains("Support") && summary.contains("+49 30 123456"), summary);
            b.screenshot("acc-wizard-summary-de");
            b.assertAccessible("acc-wizard-summary-de");
            b.click("#confirm");
            // 10 - the user overview: role, activity log, assigned clouds
            assertTrue(b.text().contains("Der Login wurde aktiviert."), b.text());
            assertTrue(b.find("#detail-role").getText().contains("Admin"));
            assertTrue(b.text().contains("Aktivitäten-Log") && b.text().contains("Login aktiviert"), b.text());
            // the log names fields and values as the pages do (S-ACT-2), not as stored
            String log = b.find("#activity").getText();
            assertTrue(log.contains("Rolle: – → Admin") && log.contains("Modulberechtigungen: – → Support")
                    && log.contains("Support-Berechtigung: – → Ja") && !log.contains("supportPermission"), log);
            assertTrue(b.text().contains("Zugeteilte Clouds"));
            b.screenshot("acc-user-detail-de");
            b.assertAccessible("acc-user-detail-de");
        }

        // the e-mail with the initial password
        Mails.Received received = Mails.waitFor(mail, email);
        String initial = received.initialPassword();
        try (Browser b = Browser.open("de")) {
            // the HTML part as a mail client shows it; the password is blanked for the screenshot
            b.showHtml(received.html().replace(initial, "••••••••••••"));
            assertTrue(b.text().contains("Terminal") && b.text().contains(acc.name()), b.text());
            b.screenshot("email-initial-password-de");
        }

        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(email, initial);
            // Keycloak forces a new password at the first login
            b.waitFor("#password-new");
            b.screenshot("login-update-password-de");
            b.assertAccessible("login-update-password-de");
            b.type("#password-new", "Anna-Neues-Passwort-7").type("#password-confirm", "Anna-Neues-Passwort-7");
            b.submit("#kc-passwd-update-form");
            b.waitFor(".acc-dropdown__toggle");
            b.go(ACC + "contacts");
            assertTrue(b.text().contains("Kontakte & Benutzer"));
            assertFalse(b.has(".acc-tabs a[href$='/account']"), "an Admin has no account settings");
            // as Admin: may activate logins, but only with role User (S-ROL-1)
            b.click("#add-contact");
            String colleague = acc.email("udo.user");
            b.type("#firstName", "Udo").type("#lastName", "User").type("#email", colleague).click("#save-contact");
            b.click("tr[data-contact='" + colleague + "'] .acc-kebab");
            b.click("tr[data-contact='" + colleague + "'] .act-activate");
            b.click("#next");
            assertTrue(b.has("#role-user"));
            assertFalse(b.has("#role-admin"), "an Admin cannot grant Admin");
            // the Owner's row offers no edit to an Admin
            b.go(ACC + "contacts");
            b.click("tr[data-contact='" + acc.ownerEmail() + "'] .acc-kebab");
            assertFalse(b.has("tr[data-contact='" + acc.ownerEmail() + "'] .act-activate"));
            assertFalse(b.find("tr[data-contact='" + acc.ownerEmail() + "']").getText().contains("Bearbeiten"));
        }
        assertEquals("admin", Api.customer(REALM, () -> Api.passwordToken(REALM, email, "Anna-Neues-Passwort-7")).get("me").text("role"));
    }

    @Test
    void accDisabledShowsHowToReachSupport() { // S-ACC-4
        TestAccount acc = newBusinessAccount();
        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("accEnabled", false)).status());
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-dropdown__toggle");
            assertTrue(b.has("#acc-not-configured"), b.text());
            b.click(".acc-menus .acc-dropdown__toggle");
            assertFalse(b.text().contains("Access Control Center\n"), "the menu item is not shown");
            assertTrue(b.all(".acc-dropdown__menu a").stream().noneMatch(a -> a.getText().equals("Access Control Center")));
            b.go(ACC + "contacts");
            assertTrue(b.has("#acc-disabled"));
            assertTrue(b.text().contains("nicht konfiguriert") && b.text().contains("support@example.com"), b.text());
            b.screenshot("acc-disabled-de");
            b.assertAccessible("acc-disabled-de");
        }
    }
}
