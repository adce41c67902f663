package com.terminalacc.it.contact;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Contacts through the customer API: S-CON-1, S-CON-2, S-CON-4, S-CON-5, S-ACC-2, S-ACC-3, S-ACC-4. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ContactsIT extends AbstractTerminalIT {

    @Test
    void ownerCreatesContactWithSupportPermissionAndNoLogin() { // S-CON-1, S-CON-2
        TestAccount acc = newBusinessAccount();
        ApiResponse r = as(acc.ownerEmail()).post("contacts", contact("Max", "Müller", acc.email("max.mueller")));
        assertEquals(201, r.status(), r.toString());
        assertEquals("true", r.text("supportPermission"));
        assertEquals("NONE", r.text("loginStatus"));
        assertNull(r.text("userId"));
        assertNull(r.text("role"));
        assertTrue(r.headers().firstValue("Location").orElse("").endsWith("contacts/" + r.text("id")));
        assertTrue(realm.admin().users().search(acc.email("max.mueller"), true).isEmpty(), "a contact has no Keycloak user");
    }

    @Test
    void supportPermissionCanBeRemovedAfterCreation() { // S-CON-2
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String id = owner.post("contacts", contact("Sam", "Support", acc.email("sam"))).text("id");
        ApiResponse r = owner.patch("contacts/" + id, Map.of("supportPermission", false));
        assertEquals(200, r.status(), r.toString());
        assertEquals("false", r.text("supportPermission"));
        assertEquals("false", owner.get("contacts/" + id).text("supportPermission"));
    }

    @Test
    void contactCanBeCreatedWithoutSupportPermissionExplicitly() { // S-CON-2 default is only a default
        TestAccount acc = newBusinessAccount();
        Map<String, Object> body = new HashMap<>(contact("Nina", "Nosupport", acc.email("nina")));
        body.put("supportPermission", false);
        assertEquals("false", as(acc.ownerEmail()).post("contacts", body).text("supportPermission"));
    }

    @Test
    void adminManagesPlainContactsUserMayNot() { // S-ROL-4 (contacts), S-ROL-1
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        Api asAdmin = as(admin.email());
        ApiResponse created = asAdmin.post("contacts", contact("Anna", "Admin-made", acc.email("anna")));
        assertEquals(201, created.status(), created.toString());
        assertEquals(200, asAdmin.patch("contacts/" + created.text("id"), Map.of("phone", "+49 30 1234")).status());

        Api asUser = as(user.email());
        ApiResponse denied = asUser.post("contacts", contact("Nope", "User-made", acc.email("nope")));
        assertEquals(403, denied.status());
        assertEquals("forbidden", denied.code());
        assertEquals(403, asUser.get("contacts").status());
        assertEquals(403, asUser.get("contacts/" + created.text("id")).status());
        assertEquals(403, asUser.patch("contacts/" + created.text("id"), Map.of("phone", "1")).status());
        assertEquals(403, asUser.delete("contacts/" + created.text("id")).status());
        assertEquals("+49 30 1234", asAdmin.get("contacts/" + created.text("id")).text("phone"), "forbidden edit changed nothing");
        assertEquals(200, asUser.get("contacts/" + user.contactId()).status(), "a user sees its own contact");
    }

    @Test
    void personalAccountHasOnlyItsOwner() { // S-ACC-2
        TestAccount acc = newAccount("PERSONAL", true);
        Api owner = as(acc.ownerEmail());
        ApiResponse r = owner.post("contacts", contact("Second", "Person", acc.email("second")));
        assertEquals(409, r.status());
        assertEquals("personal_account_single_contact", r.code());
        assertEquals(1, owner.get("contacts").body().get("total").asInt());

        ApiResponse upgraded = owner.patch("account", Map.of("type", "BUSINESS"));
        assertEquals(200, upgraded.status(), upgraded.toString());
        assertEquals(201, owner.post("contacts", contact("Second", "Person", acc.email("second"))).status());
    }

    @Test
    void contactsNeedAnOrganisationDomain() { // S-ACC-3
        TestAccount acc = newAccount("BUSINESS", false);
        Api owner = as(acc.ownerEmail());
        ApiResponse r = owner.post("contacts", contact("No", "Domain", "no.domain@elsewhere-" + uid() + ".test"));
        assertEquals(409, r.status());
        assertEquals("domain_required", r.code());
        String domain = "gesetzt-" + uid() + ".test";
        assertEquals(200, owner.patch("account", Map.of("domains", List.of(domain))).status());
        // S-DOM-1: a domain the Owner adds counts once it is verified
        ApiResponse pending = owner.post("contacts", contact("With", "Domain", "with@" + domain));
        assertEquals(409, pending.status());
        assertEquals("domain_required", pending.code());
        assertEquals(200, staff().post("accounts/" + acc.id() + "/domains/" + domain + "/verify", null).status());
        assertEquals(201, owner.post("contacts", contact("With", "Domain", "with@" + domain)).status());
    }

    @Test
    void emailMustLieInADomainUnlessExternalAllowed() { // S-ACC-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String external = "ext-" + uid() + "@gmail-" + uid() + ".test";
        ApiResponse r = owner.post("contacts", contact("Ex", "Ternal", external));
        assertEquals(409, r.status());
        assertEquals("email_outside_domain", r.code());
        assertTrue(r.message().contains(acc.domain()), r.message());
        assertEquals(201, owner.post("contacts", contact("Sub", "Domain", "sub@it." + acc.domain())).status(), "sub-domains count as inside");

        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("allowExternalEmails", true)).status());
        assertEquals(201, owner.post("contacts", contact("Ex", "Ternal", external)).status());
    }

    @Test
    void domainUsedByContactsCannotBeRemoved() { // S-ACC-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        assertEquals(201, owner.post("contacts", contact("Uses", "Domain", acc.email("uses"))).status());
        String other = "zweite-" + uid() + ".test";
        ApiResponse r = owner.patch("account", Map.of("domains", List.of(other)));
        assertEquals(409, r.status());
        assertEquals("domain_in_use", r.code());
        assertEquals(acc.domain(), owner.get("account").text("domains/0"));
        ApiResponse both = owner.patch("account", Map.of("domains", List.of(acc.domain(), other)));
        assertEquals(200, both.status());
        assertEquals(2, both.body().get("domains").size());
    }

    @Test
    void emailIsUniqueInTheRealm() { // S-CON-5
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        staff().patch("accounts/" + b.id(), Map.of("allowExternalEmails", true));
        Api ownerA = as(a.ownerEmail());
        assertEquals(201, ownerA.post("contacts", contact("One", "Person", a.email("one"))).status());
        ApiResponse again = ownerA.post("contacts", contact("One", "Again", a.email("ONE")));
        assertEquals(409, again.status());
        assertEquals("email_taken", again.code());
        ApiResponse otherAccount = as(b.ownerEmail()).post("contacts", contact("One", "Elsewhere", a.email("one")));
        assertEquals(409, otherAccount.status(), "also across accounts");
        assertEquals("email_taken", otherAccount.code());
        ApiResponse ownerAddress = as(b.ownerEmail()).post("contacts", contact("Owner", "Copy", a.ownerEmail()));
        assertEquals(409, ownerAddress.status(), "nor a user's address");
    }

    @Test
    void userEmailCannotChangeButPlainContactEmailCan() { // S-CON-4
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String plain = owner.post("contacts", contact("Plain", "Contact", acc.email("plain"))).text("id");
        ApiResponse changed = owner.patch("contacts/" + plain, Map.of("email", acc.email("plain.new")));
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(acc.email("plain.new"), changed.text("email"));

        TestUser user = newUser(acc, "user");
        ApiResponse refused = owner.patch("contacts/" + user.contactId(), Map.of("email", acc.email("renamed")));
        assertEquals(409, refused.status());
        assertEquals("email_immutable_for_user", refused.code());
        assertTrue(refused.message().toLowerCase().contains("new user"), refused.message());
        assertEquals(user.email(), owner.get("contacts/" + user.contactId()).text("email"));
        assertEquals(user.email(), realm.admin().users().get(user.userId()).toRepresentation().getEmail());
    }

    @Test
    void otherAccountsContactsAnswer404() {
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        String bContact = as(b.ownerEmail()).post("contacts", contact("B", "Contact", b.email("b"))).text("id");
        Api ownerA = as(a.ownerEmail());
        for (ApiResponse r : List.of(ownerA.get("contacts/" + bContact), ownerA.patch("contacts/" + bContact, Map.of("phone", "1")),
                ownerA.delete("contacts/" + bContact), ownerA.get("contacts/" + b.ownerContactId()))) {
            assertEquals(404, r.status(), r.toString());
            assertEquals("contact_not_found", r.code());
        }
        assertEquals(200, as(b.ownerEmail()).get("contacts/" + bContact).status(), "still there");
        assertFalse(ownerA.get("contacts?search=" + b.domain()).raw().contains(bContact));
    }

    @Test
    void listIsPagedAndSearchableByNameAndEmail() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String n : List.of("Anton", "Berta", "Cäsar", "Dora", "Emil")) {
            assertEquals(201, owner.post("contacts", contact(n, "Liste", acc.email(n.toLowerCase().replace("ä", "ae")))).status());
        }
        ApiResponse page = owner.get("contacts?first=1&max=2");
        assertEquals(6, page.body().get("total").asInt());
        assertEquals(2, page.body().get("items").size());
        assertEquals(1, owner.get("contacts?search=c%C3%A4sar").body().get("total").asInt(), "case-insensitive, Unicode");
        assertEquals(1, owner.get("contacts?search=" + "dora@").body().get("total").asInt(), "by e-mail");
        assertEquals(5, owner.get("contacts?search=liste").body().get("total").asInt());
        assertEquals(0, owner.get("contacts?search=%25").body().get("total").asInt(), "LIKE wildcards are literal");
        ApiResponse bad = owner.get("contacts?max=1000");
        assertEquals(400, bad.status());
        assertEquals("invalid_paging", bad.code());
        assertEquals(400, owner.get("contacts?first=abc").status());
    }

    @Test
    void deleteContact() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String id = owner.post("contacts", contact("Gone", "Soon", acc.email("gone"))).text("id");
        assertEquals(204, owner.delete("contacts/" + id).status());
        assertEquals(404, owner.get("contacts/" + id).status());
        TestUser user = newUser(acc, "user");
        assertEquals(204, owner.delete("contacts/" + user.contactId()).status());
        assertTrue(realm.admin().users().search(user.email(), true).isEmpty(), "the contact's user is deleted with it");
        ApiResponse self = owner.delete("contacts/" + acc.ownerContactId());
        assertEquals(403, self.status());
        assertEquals("not_on_yourself", self.code());
    }

    @Test
    void accDisabledAnswers403WithSupportMessage() { // S-ACC-4
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        assertEquals(200, owner.get("contacts").status());
        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("accEnabled", false)).status());
        for (ApiResponse r : List.of(owner.get("contacts"), owner.get("me"), owner.post("contacts", contact("A", "B", acc.email("ab"))),
                owner.get("account"))) {
            assertEquals(403, r.status(), r.toString());
            assertEquals("acc_disabled", r.code());
            assertTrue(r.message().contains("support@example.com"), r.message());
        }
        ApiResponse german = owner.language("de").get("contacts");
        assertTrue(german.message().contains("Access Control Center ist für Ihren Kundenaccount nicht konfiguriert"), german.message());
        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("accEnabled", true)).status());
        assertEquals(200, owner.get("contacts").status());
    }

    @Test
    void unauthenticatedAndNonCustomerCallsAreRefused() {
        ApiResponse r = anonymous().get("contacts");
        assertEquals(401, r.status());
        assertEquals("not_authenticated", r.code());
        ApiResponse forged = Api.customer(REALM, () -> "not.a.token").get("contacts");
        assertEquals(401, forged.status());
    }

    @Test
    void tokenIssuedToAnotherClientIsRefused() { // security: only tokens issued for the Terminal API act on an account
        TestAccount acc = newBusinessAccount();
        String token = Api.passwordGrant(REALM, TerminalRealmConfig.OTHER_CLIENT, acc.ownerEmail(), PASSWORD).get("access_token").asText();
        int before = as(acc.ownerEmail()).get("contacts").body().get("total").asInt();
        Api other = Api.customer(REALM, () -> token);
        for (ApiResponse r : List.of(other.get("contacts"), other.get("me"), other.post("contacts", contact("Eve", "Other", acc.email("eve"))))) {
            assertEquals(401, r.status(), r.toString());
            assertEquals("token_audience", r.code());
            assertTrue(r.message().contains("terminal-api"), r.message());
        }
        assertEquals(before, as(acc.ownerEmail()).get("contacts").body().get("total").asInt(), "the refused request changed nothing");
        ApiResponse app = new Api(Api.BASE + "/realms/" + REALM + "/acc/app", () -> token).get("permissions");
        assertEquals(401, app.status(), app.toString());
        assertEquals("token_audience", app.code());
        assertTrue(other.language("de").get("me").message().contains("nicht für die Terminal-API ausgestellt"));
        // the same user through a client with the terminal scope is accepted
        assertEquals(200, as(acc.ownerEmail()).get("me").status());
        assertEquals(200, appAs(acc.ownerEmail()).get("permissions").status());
    }
}
