package com.terminalacc.it.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.Mails;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The staff area in the browser (S-STF-1, S-ACC-4, S-ROL-2): a provider employee with the realm role
 * {@code terminal-staff} finds an account, switches its Access Control Center off and edits its domains, approves one
 * owner request and rejects another with a reason; a customer's Owner is refused the staff pages.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class StaffAreaIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    private static WebElement pendingRow(Browser b, String email) {
        return b.all("#pending-requests tbody tr").stream().filter(row -> row.getText().contains(email)).findFirst()
                .orElseThrow(() -> new AssertionError("no pending request of " + email + ": " + b.text()));
    }

    @Test
    void staffManagesAccountsAndDecidesOwnerRequests() {
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        Api owner = as(other.ownerEmail());
        String approveEmail = other.email("clara-" + uid());
        String rejectEmail = other.email("rolf-" + uid());
        String approveContact = owner.post("contacts", contact("Clara", "Chefin", approveEmail)).text("id");
        String rejectContact = owner.post("contacts", contact("Rolf", "Rat", rejectEmail)).text("id");
        assertEquals(201, owner.post("owner-requests", Map.of("contactId", approveContact, "reason", "Second managing director")).status());
        ApiResponse toReject = owner.post("owner-requests", Map.of("contactId", rejectContact, "reason", "Works a lot"));
        assertEquals(201, toReject.status(), toReject.toString());
        String staffEmail = newStaffUser();
        try (Browser b = Browser.open("en")) {
            // the accounts list, searched by name
            b.go(ACC + "staff/accounts").login(staffEmail, PASSWORD);
            b.waitFor("#accounts");
            b.type("#search", acc.name());
            b.submit("form.acc-search");
            assertTrue(b.find("#accounts").getText().contains(acc.name()), b.text());
            assertFalse(b.find("#accounts").getText().contains(other.name()), "the search narrows the list");
            b.screenshot("acc-staff-accounts-en");
            b.assertAccessible("acc-staff-accounts-en");
            // the account: ACC off, a second domain
            b.clickText(acc.name());
            b.waitFor("#staff-account-form");
            assertTrue(b.find("#staff-contacts").getText().contains(acc.ownerEmail()), b.text());
            b.click("#accEnabled");
            b.find("#domains").sendKeys("\nshop-" + acc.domain());
            b.submit("#staff-account-form");
            assertTrue(b.text().contains("The account was saved."), b.text());
            b.screenshot("acc-staff-account-en");
            b.assertAccessible("acc-staff-account-en");
            ApiResponse saved = staff().get("accounts/" + acc.id());
            assertEquals("false", saved.text("accEnabled"));
            assertTrue(saved.body().get("domains").toString().contains("shop-" + acc.domain()), saved.raw());
            assertEquals(403, as(acc.ownerEmail()).get("me").status(), "S-ACC-4: the customer sees the ACC switched off");
            // a contact of the account with its activity log (S-ACT-2: staff see every account's logs)
            b.clickText("Olga Owner");
            b.waitFor("#staff-contact");
            String log = b.find("#activity").getText();
            assertTrue(log.contains("Contact created") && log.contains("Login activated") && log.contains("Role: – → Owner"), log);
            // a contact id of another account under this account's address: not found, nothing shown
            b.go(ACC + "staff/accounts/" + acc.id() + "/contacts/" + approveContact);
            assertTrue(b.text().contains("The contact does not exist."), b.text());
            assertFalse(b.has("#staff-contact"));

            // owner requests: approve one, reject the other with a reason
            b.go(ACC + "staff/owner-requests");
            b.waitFor("#pending-requests");
            assertTrue(pendingRow(b, approveEmail).getText().contains("Second managing director"), b.text());
            b.screenshot("acc-staff-requests-en");
            b.assertAccessible("acc-staff-requests-en");
            pendingRow(b, approveEmail).findElement(By.cssSelector("form[action$='/approve'] button")).click();
            assertTrue(b.text().contains("The request was approved; the person is now an Owner."), b.text());
            WebElement reject = pendingRow(b, rejectEmail).findElement(By.cssSelector("form[action$='/reject']"));
            reject.findElement(By.name("reason")).sendKeys("Please send the commercial register extract");
            reject.findElement(By.cssSelector("button")).click();
            assertTrue(b.text().contains("The request was rejected."), b.text());
        }
        String path = "accounts/" + other.id() + "/contacts/";
        assertEquals("owner", staff().get(path + approveContact).text("role"));
        assertEquals("ACTIVE", staff().get(path + approveContact).text("loginStatus"));
        ApiResponse rejected = owner.get("owner-requests/" + toReject.text("id"));
        assertEquals("REJECTED", rejected.text("status"));
        assertEquals("Please send the commercial register extract", rejected.text("decisionReason"));
        assertEquals("NONE", staff().get(path + rejectContact).text("loginStatus"));
    }

    @Test
    void staffCreatesAnAccountWithItsOwner() { // S-STF-1, S-ACC-5
        String id = uid();
        String domain = "neu-" + id + ".test";
        String ownerEmail = "nora.neu@" + domain;
        String staffEmail = newStaffUser();
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "staff/accounts").login(staffEmail, PASSWORD);
            b.waitFor("#new-account");
            b.click("#new-account");
            b.waitFor("#new-account-form");
            // nothing filled in: field errors in place, nothing created
            b.submit("#new-account-form");
            b.waitFor("#name-error");
            assertTrue(b.has("#firstName-error") && b.has("#email-error"), b.text());
            b.screenshot("acc-staff-new-account-en");
            b.assertAccessible("acc-staff-new-account-en");
            b.type("#name", "Neukunde " + id);
            b.type("#domains", domain);
            b.type("#customerNumber", "K-" + id);
            b.type("#firstName", "Nora").type("#lastName", "Neu").type("#email", ownerEmail);
            b.select("#locale", "de");
            b.submit("#new-account-form");
            b.waitFor("#staff-account-form");
            assertTrue(b.text().contains("The account was created."), b.text());
            assertTrue(b.find("#staff-contacts").getText().contains(ownerEmail), b.text());
        }
        ApiResponse found = staff().get("accounts?search=" + domain);
        assertEquals(1, found.body().get("total").asInt(), found.raw());
        assertEquals("Neukunde " + id, found.text("items/0/name"));
        assertEquals("K-" + id, found.text("items/0/customerNumber"));
        ApiResponse contacts = staff().get("accounts/" + found.text("items/0/id") + "/contacts");
        assertEquals(1, contacts.body().get("total").asInt(), "exactly one account and one contact: the refused submit left nothing");
        assertEquals("owner", contacts.text("items/0/role"));
        assertEquals("ACTIVE", contacts.text("items/0/loginStatus"));
        assertTrue(Mails.waitFor(mail, ownerEmail).initialPassword() != null, "the Owner's onboarding e-mail arrived");
    }

    @Test
    void customerOwnerIsRefusedTheStaffArea() { // S-STF-1
        TestAccount acc = newBusinessAccount();
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "staff/accounts").login(acc.ownerEmail(), PASSWORD);
            b.waitFor("#forbidden");
            assertTrue(b.text().contains("You do not have the permission for this page."), b.text());
            assertFalse(b.has("#accounts"));
            b.go(ACC + "staff/owner-requests");
            b.waitFor("#forbidden");
            assertFalse(b.has("#pending-requests"));
        }
    }
}
