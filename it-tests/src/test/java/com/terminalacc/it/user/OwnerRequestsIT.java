package com.terminalacc.it.user;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Mails;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-ROL-2: a further Owner is requested by an Owner and decided by staff. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class OwnerRequestsIT extends AbstractTerminalIT {

    @Test
    void approvedRequestMakesAPlainContactAnOwnerWithLogin() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("chefin");
        String contactId = owner.post("contacts", contact("Clara", "Chefin", email)).text("id");
        ApiResponse filed = owner.post("owner-requests", Map.of("contactId", contactId, "reason", "Second managing director"));
        assertEquals(201, filed.status(), filed.toString());
        assertEquals("PENDING", filed.text("status"));
        String id = filed.text("id");

        ApiResponse pending = staff().get("owner-requests?status=PENDING&accountId=" + acc.id());
        assertEquals(1, pending.body().get("total").asInt());
        assertEquals("Clara Chefin", pending.text("items/0/contactName"));
        assertEquals(acc.name(), pending.text("items/0/accountName"));
        assertEquals("Second managing director", pending.text("items/0/reason"));

        ApiResponse approved = staff().post("owner-requests/" + id + "/approve", Map.of("reason", "Checked the register"));
        assertEquals(200, approved.status(), approved.toString());
        assertEquals("APPROVED", approved.text("status"));
        ApiResponse contact = owner.get("contacts/" + contactId);
        assertEquals("owner", contact.text("role"));
        assertEquals("ACTIVE", contact.text("loginStatus"));
        Mails.waitFor(mail, email).initialPassword();

        ApiResponse seen = owner.get("owner-requests/" + id);
        assertEquals("APPROVED", seen.text("status"));
        assertEquals("Checked the register", seen.text("decisionReason"));
        ApiResponse again = staff().post("owner-requests/" + id + "/reject", Map.of("reason", "too late"));
        assertEquals(409, again.status());
        assertEquals("owner_request_decided", again.code());
    }

    @Test
    void approvalPromotesAnExistingUser() {
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        String id = as(acc.ownerEmail()).post("owner-requests", Map.of("contactId", admin.contactId(), "reason", "Partner")).text("id");
        assertEquals(200, staff().post("owner-requests/" + id + "/approve", "").status());
        assertEquals("owner", as(acc.ownerEmail()).get("contacts/" + admin.contactId()).text("role"));
        assertEquals(admin.userId(), as(acc.ownerEmail()).get("contacts/" + admin.contactId()).text("userId"));
    }

    @Test
    void rejectedRequestNeedsAReasonAndTheRequesterSeesIt() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String contactId = owner.post("contacts", contact("Rita", "Rejected", acc.email("rita"))).text("id");
        String id = owner.post("owner-requests", Map.of("contactId", contactId, "reason", "Please")).text("id");
        ApiResponse noReason = staff().post("owner-requests/" + id + "/reject", Map.of());
        assertEquals(400, noReason.status());
        ApiResponse rejected = staff().post("owner-requests/" + id + "/reject", Map.of("reason", "Not authorised to sign"));
        assertEquals("REJECTED", rejected.text("status"));
        ApiResponse mine = owner.get("owner-requests");
        assertEquals("REJECTED", mine.text("items/0/status"));
        assertEquals("Not authorised to sign", mine.text("items/0/decisionReason"));
        assertEquals("NONE", owner.get("contacts/" + contactId).text("loginStatus"));
    }

    @Test
    void onlyOwnersFileAndOnlyOnePendingPerContact() {
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        Api owner = as(acc.ownerEmail());
        String contactId = owner.post("contacts", contact("Otto", "Once", acc.email("otto"))).text("id");
        assertEquals(403, as(admin.email()).post("owner-requests", Map.of("contactId", contactId, "reason", "x")).status());
        assertEquals(403, as(admin.email()).get("owner-requests").status());
        assertEquals(201, owner.post("owner-requests", Map.of("contactId", contactId, "reason", "x")).status());
        ApiResponse dup = owner.post("owner-requests", Map.of("contactId", contactId, "reason", "y"));
        assertEquals(409, dup.status());
        assertEquals("owner_request_pending", dup.code());
        ApiResponse already = owner.post("owner-requests", Map.of("contactId", acc.ownerContactId(), "reason", "x"));
        assertEquals(409, already.status());
        assertEquals("already_owner", already.code());
        ApiResponse blank = owner.post("owner-requests", Map.of("contactId", contactId, "reason", " "));
        assertEquals(400, blank.status());
    }

    @Test
    void otherAccountsContactsAndRequestsAreInvisible() {
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        String bContact = as(b.ownerEmail()).post("contacts", contact("B", "B", b.email("b"))).text("id");
        ApiResponse r = as(a.ownerEmail()).post("owner-requests", Map.of("contactId", bContact, "reason", "steal"));
        assertEquals(404, r.status());
        String bRequest = as(b.ownerEmail()).post("owner-requests", Map.of("contactId", bContact, "reason", "ok")).text("id");
        assertEquals(404, as(a.ownerEmail()).get("owner-requests/" + bRequest).status());
        assertTrue(!as(a.ownerEmail()).get("owner-requests").raw().contains(bRequest));
        assertEquals(401, Api.staff(REALM, () -> Api.passwordToken(REALM, a.ownerEmail(), PASSWORD)).post("owner-requests/" + bRequest + "/approve", "").status(),
                "a customer token is no staff token (S-ISO-2)");
        assertEquals(403, staffAs(a.ownerEmail()).post("owner-requests/" + bRequest + "/approve", "").status(),
                "nor is a customer with a token of the staff client (S-STF-1)");
        assertEquals("PENDING", staff().get("owner-requests/" + bRequest).text("status"));
    }

    @Test
    void anAdminCannotRedirectAPendingRequestToItself() { // S-ROL-5, S-ROL-2: the request names the person
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        TestUser admin = newUser(acc, "admin");
        String alice = acc.email("alice-" + uid());
        String contactId = owner.post("contacts", contact("Alice", "Anders", alice)).text("id");
        String id = owner.post("owner-requests", Map.of("contactId", contactId, "reason", "Managing director")).text("id");

        String evil = acc.email("evil-admin-" + uid());
        ApiResponse moved = as(admin.email()).patch("contacts/" + contactId, Map.of("email", evil));
        assertEquals(409, moved.status(), moved.toString());
        assertEquals("email_frozen_owner_request", moved.code());
        assertEquals(409, owner.patch("contacts/" + contactId, Map.of("email", evil)).status(), "frozen for the Owner as well");
        assertEquals(alice, owner.get("contacts/" + contactId).text("email"));

        ApiResponse request = staff().get("owner-requests/" + id);
        assertEquals("Alice Anders", request.text("requestedName"));
        assertEquals(alice, request.text("requestedEmail"));
        assertEquals("false", request.text("contactChanged"));
        assertEquals(200, staff().post("owner-requests/" + id + "/approve", "").status());
        ApiResponse approved = owner.get("contacts/" + contactId);
        assertEquals("owner", approved.text("role"));
        assertEquals(alice, approved.text("email"), "the Owner is the person that was requested");
        Mails.waitFor(mail, alice).initialPassword();
        assertTrue(Mails.all(mail, evil).isEmpty(), "no password went to the Admin's address");
        // after the decision the e-mail of the (now) user is fixed as for every user (S-CON-4); an Owner edits no Owner
        assertEquals("forbidden", owner.patch("contacts/" + contactId, Map.of("email", evil)).code());
        assertEquals("email_immutable_for_user", staff().patch("accounts/" + acc.id() + "/contacts/" + contactId, Map.of("email", evil)).code());
    }

    @Test
    void approvalIsRefusedWhenThePersonChangedAfterFiling() { // S-ROL-5
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        TestUser admin = newUser(acc, "admin");
        String email = acc.email("bert-" + uid());
        String contactId = owner.post("contacts", contact("Bert", "Berger", email)).text("id");
        String id = owner.post("owner-requests", Map.of("contactId", contactId, "reason", "Co-founder")).text("id");
        assertEquals(200, as(admin.email()).patch("contacts/" + contactId, Map.of("firstName", "Eve", "lastName", "Evil")).status());

        ApiResponse request = staff().get("owner-requests/" + id);
        assertEquals("Bert Berger", request.text("requestedName"), "staff see what was requested");
        assertEquals("Eve Evil", request.text("contactName"), "and who the contact is now");
        assertEquals("true", request.text("contactChanged"));
        ApiResponse approve = staff().post("owner-requests/" + id + "/approve", "");
        assertEquals(409, approve.status(), approve.toString());
        assertEquals("owner_request_outdated", approve.code());
        assertEquals("PENDING", staff().get("owner-requests/" + id).text("status"), "nothing changed");
        assertEquals("NONE", owner.get("contacts/" + contactId).text("loginStatus"));
        assertEquals(200, staff().post("owner-requests/" + id + "/reject", Map.of("reason", "Person changed, please file again")).status());
    }
}
