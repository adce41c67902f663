package com.terminalacc.it.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff API for accounts: S-ACC-1, S-ACC-2, S-ACC-5, S-STF-1. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class StaffAccountsIT extends AbstractTerminalIT {

    @Test
    void createdAccountIsAnOrganizationWithItsOwnerAsMember() { // S-ACC-1, S-ACC-5
        TestAccount acc = newBusinessAccount();

        OrganizationRepresentation org = realm.admin().organizations().get(acc.id()).toRepresentation();
        assertEquals(acc.name(), org.getName());
        assertEquals(acc.domain(), org.getDomains().iterator().next().getName());
        List<org.keycloak.representations.idm.MemberRepresentation> members = realm.admin().organizations().get(acc.id()).members().list(0, 10);
        assertEquals(1, members.size());
        assertEquals(acc.ownerEmail(), members.get(0).getUsername());

        List<RoleRepresentation> roles = realm.admin().users().get(acc.ownerUserId()).roles().realmLevel().listAll();
        assertTrue(roles.stream().anyMatch(r -> r.getName().equals("terminal-owner")), "first contact is Owner: " + roles);

        ApiResponse read = staff().get("accounts/" + acc.id());
        assertEquals(200, read.status());
        assertEquals("BUSINESS", read.text("type"));
        assertEquals("true", read.text("accEnabled"));
        assertEquals("false", read.text("allowExternalEmails"));
        assertEquals(acc.domain(), read.text("domains/0"));
    }

    @Test
    void ownerContactIsListedAsActiveOwnerWithSupportPermission() { // S-ACC-5, S-CON-2
        TestAccount acc = newBusinessAccount();
        ApiResponse contacts = staff().get("accounts/" + acc.id() + "/contacts");
        assertEquals(1, contacts.body().get("total").asInt());
        assertEquals("owner", contacts.text("items/0/role"));
        assertEquals("ACTIVE", contacts.text("items/0/loginStatus"));
        assertEquals("true", contacts.text("items/0/supportPermission"));
    }

    @Test
    void searchFindsByNameDomainAndCustomerNumberAndPages() { // S-STF-1
        String tag = "suche" + uid().replace("-", "");
        for (int i = 0; i < 3; i++) {
            ApiResponse r = staff().post("accounts", Map.of("name", "Paging " + tag + " " + i, "type", "BUSINESS",
                    "domains", List.of(tag + i + ".test"), "customerNumber", "K-" + tag + "-" + i,
                    "owner", contact("Paula", "Pager", "paula@" + tag + i + ".test")));
            assertEquals(201, r.status(), r.toString());
        }
        ApiResponse page1 = staff().get("accounts?search=" + tag + "&first=0&max=2");
        assertEquals(200, page1.status());
        assertEquals(3, page1.body().get("total").asInt());
        assertEquals(2, page1.body().get("items").size());
        ApiResponse page2 = staff().get("accounts?search=" + tag + "&first=2&max=2");
        assertEquals(1, page2.body().get("items").size());
        assertEquals("Paging " + tag + " 2", page2.text("items/0/name"));

        ApiResponse byDomain = staff().get("accounts?search=" + tag + "1.test");
        assertEquals(1, byDomain.body().get("total").asInt());
        ApiResponse byNumber = staff().get("accounts?search=K-" + tag + "-2");
        assertEquals(1, byNumber.body().get("total").asInt());

        // issue 16: the search is indexed by the shape of each part — a customer number and a domain from their
        // beginning (in any case; an e-mail address searches by its domain), a name anywhere in it
        assertEquals(3, total("k-" + tag.toUpperCase(java.util.Locale.ROOT) + "-"), "customer number prefix, any case");
        ApiResponse byDomainPrefix = staff().get("accounts?search=" + tag + "2.te");
        assertEquals(1, byDomainPrefix.body().get("total").asInt(), byDomainPrefix.toString());
        assertEquals("Paging " + tag + " 2", byDomainPrefix.text("items/0/name"));
        ApiResponse byEmail = staff().get("accounts?search=somebody@" + tag + "0.test");
        assertEquals(1, byEmail.body().get("total").asInt(), byEmail.toString());
        assertEquals("Paging " + tag + " 0", byEmail.text("items/0/name"));
        assertEquals(3, total(("PAGING " + tag).toUpperCase(java.util.Locale.ROOT)), "name anywhere, any case");
        assertEquals(0, total(tag + "2.test.example"), "a longer domain is not this domain");
        assertEquals(0, total("-" + tag + "-2"), "a customer number matches from its beginning only");
        // like-wildcards in the term are text: "_" and "%" match only themselves
        assertEquals(0, total("Paging_" + tag));
        assertEquals(0, total("%25" + tag));
    }

    private int total(String search) {
        ApiResponse r = staff().get("accounts?search=" + search.replace(" ", "%20"));
        assertEquals(200, r.status(), r.toString());
        return r.body().get("total").asInt();
    }

    @Test
    void staffChangeTypeDomainsAccSwitchAndCustomerNumber() { // S-ACC-2, S-ACC-4, S-STF-1
        TestAccount acc = newAccount("PERSONAL", false);
        String domain = "neu-" + uid() + ".test";
        ApiResponse r = staff().patch("accounts/" + acc.id(), Map.of("type", "BUSINESS", "domains", List.of(domain),
                "accEnabled", false, "customerNumber", "C-" + uid(), "allowExternalEmails", true));
        assertEquals(200, r.status(), r.toString());
        assertEquals("BUSINESS", r.text("type"));
        assertEquals(domain, r.text("domains/0"));
        assertEquals("false", r.text("accEnabled"));
        assertEquals("true", r.text("allowExternalEmails"));
        assertEquals(domain, realm.admin().organizations().get(acc.id()).toRepresentation().getDomains().iterator().next().getName());
    }

    @Test
    void businessWithSeveralContactsCannotBecomePersonal() { // S-ACC-2
        TestAccount acc = newBusinessAccount();
        assertEquals(201, as(acc.ownerEmail()).post("contacts", contact("Zweite", "Person", acc.email("zweite"))).status());
        ApiResponse r = staff().patch("accounts/" + acc.id(), Map.of("type", "PERSONAL"));
        assertEquals(409, r.status());
        assertEquals("account_type_downgrade", r.code());
        assertEquals("BUSINESS", staff().get("accounts/" + acc.id()).text("type"));
    }

    @Test
    void uniqueNameDomainAndCustomerNumber() { // S-ACC-3: a domain belongs to one account only
        TestAccount acc = newBusinessAccount();
        ApiResponse sameName = staff().post("accounts", Map.of("name", acc.name(), "type", "BUSINESS",
                "owner", contact("A", "B", "a@other-" + uid() + ".test")));
        assertEquals(409, sameName.status());
        assertEquals("account_name_taken", sameName.code());

        ApiResponse sameDomain = staff().post("accounts", Map.of("name", "Other " + uid(), "type", "BUSINESS",
                "domains", List.of(acc.domain().toUpperCase()), "owner", contact("A", "B", "a@" + acc.domain())));
        assertEquals(409, sameDomain.status());
        assertEquals("domain_taken", sameDomain.code());

        String number = "NR-" + uid();
        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("customerNumber", number)).status());
        ApiResponse sameNumber = staff().post("accounts", Map.of("name", "Other " + uid(), "type", "PERSONAL",
                "customerNumber", number, "owner", contact("A", "B", "a@x-" + uid() + ".test")));
        assertEquals(409, sameNumber.status());
        assertEquals("customer_number_taken", sameNumber.code());
        // only the original account carries the number; the rejected one does not exist
        assertEquals(1, staff().get("accounts?search=" + number).body().get("total").asInt());
    }

    @Test
    void ownerEmailMustBeFree() { // S-CON-5
        TestAccount acc = newBusinessAccount();
        String name = "Dup " + uid();
        ApiResponse r = staff().post("accounts", Map.of("name", name, "type", "PERSONAL", "owner", contact("X", "Y", acc.ownerEmail())));
        assertEquals(409, r.status());
        assertEquals("email_taken", r.code());
        assertEquals(0, staff().get("accounts?search=" + name.replace(" ", "%20")).body().get("total").asInt(), "rejected request changed nothing");
    }

    @Test
    void deleteRemovesContactsUsersAndOrganization() { // S-STF-1, nothing orphaned
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        ApiResponse r = staff().delete("accounts/" + acc.id());
        assertEquals(204, r.status(), r.toString());
        assertEquals(404, staff().get("accounts/" + acc.id()).status());
        assertEquals("account_not_found", staff().get("accounts/" + acc.id()).code());
        assertTrue(realm.admin().users().search(acc.ownerEmail(), true).isEmpty(), "owner user removed");
        assertTrue(realm.admin().users().search(user.email(), true).isEmpty(), "user removed");
        assertTrue(realm.admin().organizations().search(acc.name(), true, 0, 1).isEmpty(), "organization removed");
        assertEquals(404, staff().get("accounts/" + acc.id() + "/contacts").status());
    }

    @Test
    void unknownAccountIs404() {
        ApiResponse r = staff().get("accounts/does-not-exist");
        assertEquals(404, r.status());
        assertEquals("account_not_found", r.code());
        assertEquals(404, staff().patch("accounts/nope", Map.of("type", "BUSINESS")).status());
        assertEquals(404, staff().delete("accounts/nope").status());
    }

    @Test
    void staffRoleUserMayUseTheStaffApiCustomersMayNot() { // S-STF-1
        UserRepresentation staffUser = new UserRepresentation();
        staffUser.setUsername("staff-" + uid() + "@provider.test");
        staffUser.setEmail(staffUser.getUsername());
        staffUser.setFirstName("Stefan");
        staffUser.setLastName("Staff");
        staffUser.setEnabled(true);
        String id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(realm.admin().users().create(staffUser));
        realm.admin().users().get(id).roles().realmLevel().add(List.of(realm.admin().roles().get("terminal-staff").toRepresentation()));
        setPassword(id, PASSWORD);
        Api staffApi = staffAs(staffUser.getUsername()); // a token of the staff client (S-ISO-2)

        TestAccount acc = newBusinessAccount();
        assertEquals(200, staffApi.get("accounts/" + acc.id()).status());
        assertEquals(200, staffApi.patch("accounts/" + acc.id(), Map.of("accEnabled", false)).status());

        Api asCustomer = staffAs(acc.ownerEmail());
        ApiResponse denied = asCustomer.get("accounts/" + acc.id());
        assertEquals(403, denied.status());
        assertEquals("staff_only", denied.code());
        ApiResponse deniedWrite = asCustomer.patch("accounts/" + acc.id(), Map.of("accEnabled", true));
        assertEquals(403, deniedWrite.status());
        assertEquals("false", staff().get("accounts/" + acc.id()).text("accEnabled"), "forbidden change did not happen");
        assertEquals(401, Api.staff(REALM, () -> null).get("accounts").status());
    }

    @Test
    void accountCreationValidatesEverythingAtOnce() {
        ApiResponse r = staff().post("accounts", Map.of("name", "  ", "type", "ENTERPRISE", "domains", List.of("not a domain"),
                "owner", contact("", "Ok", "no-at-sign")));
        assertEquals(400, r.status(), r.toString());
        assertEquals("validation_failed", r.code());
        List<String> errors = r.fieldErrors();
        assertTrue(errors.contains("name:field_blank"), errors.toString());
        assertTrue(errors.contains("type:value_not_allowed"), errors.toString());
        assertTrue(errors.contains("domains[0]:domain_invalid"), errors.toString());
        ApiResponse missingOwner = staff().post("accounts", Map.of("name", "No owner " + uid(), "type", "PERSONAL"));
        assertEquals(400, missingOwner.status());
        assertTrue(missingOwner.fieldErrors().contains("owner:field_required"));
        ApiResponse badOwner = staff().post("accounts", Map.of("name", "Bad owner " + uid(), "type", "PERSONAL",
                "owner", contact("", "Ok", "no-at-sign")));
        assertEquals(400, badOwner.status());
        assertTrue(badOwner.fieldErrors().contains("firstName:field_blank"), badOwner.fieldErrors().toString());
        assertTrue(badOwner.fieldErrors().contains("email:email_invalid"), badOwner.fieldErrors().toString());
        assertTrue(realm.admin().organizations().search("Bad owner", false, 0, 5).isEmpty(), "no organization left behind");
        assertFalse(r.message().isBlank());
        assertNull(r.text("stack"));
    }
}
