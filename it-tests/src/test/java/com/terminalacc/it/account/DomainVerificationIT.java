package com.terminalacc.it.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.OrganizationDomainRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;
import com.terminalacc.it.support.TestDnsServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Verified organisation domains, S-DOM-1 and S-DOM-2, end to end: Keycloak asks a real DNS server on loopback (started
 * by the test) for the TXT record, through the realm attribute {@code terminal.dns.resolver}.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class DomainVerificationIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    private static TestDnsServer dns;

    @BeforeAll
    static void startDns() throws Exception {
        dns = new TestDnsServer();
    }

    @AfterAll
    static void stopDns() {
        dns.close();
    }

    @BeforeEach
    void useTestDns() {
        setRealmAttribute("terminal.dns.resolver", dns.address());
        setRealmAttribute("terminal.dns.timeoutMillis", "700");
    }

    @AfterEach
    void systemDns() {
        setRealmAttribute("terminal.dns.resolver", "");
        setRealmAttribute("terminal.dns.timeoutMillis", "");
    }

    /** The Owner adds a domain: pending, with the record to create; it proves it by DNS and then it counts. */
    @Test
    void ownerAddsADomainAndProvesItByDns() { // S-DOM-1, S-ACC-3
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String domain = "eigen-" + uid() + ".test";
        ApiResponse added = owner.patch("account", Map.of("domains", List.of(acc.domain(), domain)));
        assertEquals(200, added.status(), added.toString());
        assertEquals(List.of(acc.domain()), strings(added.body().get("verifiedDomains")));
        JsonNode pending = added.body().get("pendingDomains").get(0);
        assertEquals(domain, pending.get("domain").asText());
        assertEquals("_terminal-challenge." + domain, pending.get("recordName").asText());
        String value = pending.get("recordValue").asText();
        assertTrue(value.matches("terminal-domain-verification=[a-z0-9]{32}"), value);

        // pending: no contacts with that domain, and Keycloak's organization shows it unverified
        ApiResponse refused = owner.post("contacts", contact("Pen", "Ding", "pen@" + domain));
        assertEquals(409, refused.status(), refused.toString());
        assertEquals("email_outside_domain", refused.code());
        assertFalse(keycloakVerified(acc.id(), domain));

        dns.txt("_terminal-challenge." + domain, "v=other-record", value);
        ApiResponse verified = owner.post("account/domains/" + domain + "/verify", null);
        assertEquals(200, verified.status(), verified.toString());
        assertEquals(List.of(acc.domain(), domain).stream().sorted().toList(), strings(verified.body().get("verifiedDomains")));
        assertEquals(0, verified.body().get("pendingDomains").size());
        assertTrue(keycloakVerified(acc.id(), domain), "Keycloak's organization domain is marked verified");
        assertEquals(201, owner.post("contacts", contact("Ver", "Ified", "ver@" + domain)).status());

        ApiResponse again = owner.post("account/domains/" + domain + "/verify", null);
        assertEquals(409, again.status());
        assertEquals("domain_already_verified", again.code());
    }

    /** Each way the proof can fail has its own code and changes nothing. */
    @Test
    void failedProofsSayWhyAndChangeNothing() { // S-DOM-1
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail()).language("en");
        String missing = "fehlt-" + uid() + ".test";
        String wrong = "falsch-" + uid() + ".test";
        String nx = "nx-" + uid() + ".test";
        String slow = "langsam-" + uid() + ".test";
        assertEquals(200, owner.patch("account", Map.of("domains", List.of(acc.domain(), missing, wrong, nx, slow))).status());
        dns.existsWithoutTxt("_terminal-challenge." + missing);
        dns.txt("_terminal-challenge." + wrong, "terminal-domain-verification=somebodyelsestoken0000000000000");
        dns.silent("_terminal-challenge." + slow);

        assertRefused(owner.post("account/domains/" + missing + "/verify", null), 409, "domain_record_missing");
        assertRefused(owner.post("account/domains/" + wrong + "/verify", null), 409, "domain_record_mismatch");
        assertRefused(owner.post("account/domains/" + nx + "/verify", null), 409, "domain_nxdomain");
        ApiResponse timeout = owner.post("account/domains/" + slow + "/verify", null);
        assertRefused(timeout, 503, "dns_unavailable");
        assertTrue(timeout.message().contains("DNS"), timeout.message());
        assertRefused(owner.post("account/domains/not-mine-" + uid() + ".test/verify", null), 404, "domain_not_found");

        ApiResponse after = owner.get("account");
        assertEquals(List.of(acc.domain()), strings(after.body().get("verifiedDomains")));
        assertEquals(4, after.body().get("pendingDomains").size());
    }

    /** Who may prove: the Owner (right manage-account); an Admin, a User and another account may not. */
    @Test
    void onlyTheOwnerProvesDomainsOfItsOwnAccount() { // S-DOM-1, S-ROL-4, S-ISO-1
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        String domain = "recht-" + uid() + ".test";
        Api owner = as(acc.ownerEmail());
        assertEquals(200, owner.patch("account", Map.of("domains", List.of(acc.domain(), domain))).status());
        dns.txt("_terminal-challenge." + domain, owner.get("account").body().get("pendingDomains").get(0).get("recordValue").asText());

        TestUser admin = newUser(acc, "admin");
        assertRefused(as(admin.email()).post("account/domains/" + domain + "/verify", null), 403, "forbidden");
        // another account's Owner asks about its own account: the domain is not its own
        assertRefused(as(other.ownerEmail()).post("account/domains/" + domain + "/verify", null), 404, "domain_not_found");
        assertEquals(1, owner.get("account").body().get("pendingDomains").size());
        assertEquals(200, owner.post("account/domains/" + domain + "/verify", null).status());
    }

    /** Staff create verified domains, and confirm pending ones without DNS. */
    @Test
    void staffDomainsAreVerifiedAndStaffConfirmPendingOnes() { // S-DOM-1
        TestAccount acc = newBusinessAccount();
        assertEquals(List.of(acc.domain()), strings(staff().get("accounts/" + acc.id()).body().get("verifiedDomains")));
        String byStaff = "staff-" + uid() + ".test";
        String byOwner = "owner-" + uid() + ".test";
        ApiResponse r = staff().patch("accounts/" + acc.id(), Map.of("domains", List.of(acc.domain(), byStaff)));
        assertEquals(200, r.status(), r.toString());
        assertTrue(strings(r.body().get("verifiedDomains")).contains(byStaff));
        assertEquals(200, as(acc.ownerEmail()).patch("account", Map.of("domains", List.of(acc.domain(), byStaff, byOwner))).status());
        // the staff domain stays verified when the Owner saves the list again; the Owner's is pending
        JsonNode account = staff().get("accounts/" + acc.id()).body();
        assertTrue(strings(account.get("verifiedDomains")).contains(byStaff));
        assertFalse(strings(account.get("verifiedDomains")).contains(byOwner));

        ApiResponse confirmed = staff().post("accounts/" + acc.id() + "/domains/" + byOwner + "/verify", null);
        assertEquals(200, confirmed.status(), confirmed.toString());
        assertTrue(strings(confirmed.body().get("verifiedDomains")).contains(byOwner));
        assertTrue(keycloakVerified(acc.id(), byOwner));
    }

    /** A pending domain finds no share partner, exactly like an unknown one. */
    @Test
    void onlyVerifiedDomainsFindAPartner() { // S-DOM-1, S-CLD-9
        TestAccount sharer = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        String pendingDomain = "partner-" + uid() + ".test";
        assertEquals(200, as(partner.ownerEmail()).patch("account", Map.of("domains", List.of(partner.domain(), pendingDomain))).status());
        Api owner = as(sharer.ownerEmail());
        String cloud = newCloud(owner, "Geteilt " + uid());
        ApiResponse refused = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", pendingDomain));
        ApiResponse unknown = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", "unbekannt-" + uid() + ".test"));
        assertEquals(unknown.status(), refused.status(), refused.toString());
        assertEquals(unknown.code(), refused.code());
        assertEquals(201, owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).status());
    }

    /**
     * The ACC's account settings in Chromium (de, en): a pending domain with the TXT record to create and "check now",
     * the proof through the page, and the two-factor switch. Screenshots for the README.
     */
    @Test
    void accountPageShowsPendingDomainsAndTheTwoFactorSwitch() { // S-DOM-1, S-SEC-1
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail()); // before the policy: with it on, the password grant is refused (S-SEC-1)
        String domain = "eigen-" + uid() + ".test";
        String recordValue;
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-h1");
            b.go(ACC + "account");
            b.type("#domains", acc.domain() + "\n" + domain);
            b.click("#save-domains");
            b.waitFor("#pending-0");
            assertTrue(b.find("#pending-0").getText().contains(domain), b.text());
            assertEquals("_terminal-challenge." + domain, b.find("#pending-0 .acc-record-name").getText());
            recordValue = b.find("#pending-0 .acc-record-value").getText();
            assertTrue(recordValue.startsWith("terminal-domain-verification="), recordValue);
            assertTrue(b.has("#verify-0"), "a pending domain has its \"check now\" button");
            assertFalse(b.find("#requireTwoFactor").isSelected());
            b.assertAccessible("account settings, pending domain");
            b.screenshot("acc-account-domains-de");
        }
        List<String> pendingByApi = new ArrayList<>();
        owner.get("account").body().get("pendingDomains").forEach(p -> pendingByApi.add(p.get("domain").asText()));
        assertEquals(List.of(domain), pendingByApi, "the page and the API show the same pending domain");

        dns.txt("_terminal-challenge." + domain, recordValue);
        try (Browser b = Browser.open("en")) {
            b.go(ACC).login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-h1");
            b.go(ACC + "account");
            b.click("#verify-0");
            b.waitFor("#domain-list");
            assertFalse(b.has("#pending-0"), "proven by DNS: no longer pending\n" + b.text());
            assertTrue(b.find("#domain-list").getText().contains(domain), b.text());
            b.check("#requireTwoFactor");
            b.click("#save-two-factor");
            b.waitFor("#requireTwoFactor");
            assertTrue(b.find("#requireTwoFactor").isSelected(), "the switch is saved");
            b.screenshot("acc-account-two-factor-en");
        }
        JsonNode account = owner.get("account").body();
        assertTrue(account.get("requireTwoFactor").asBoolean());
        List<String> expected = new ArrayList<>(List.of(acc.domain(), domain));
        expected.sort(null);
        assertEquals(expected, strings(account.get("verifiedDomains")));
        assertTrue(keycloakVerified(acc.id(), domain));
    }

    /** Public suffixes are refused, from the Public Suffix List (ICANN and private entries). */
    @Test
    void publicSuffixesAreRefused() { // S-DOM-2
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String suffix : List.of("co.uk", "com.de", "github.io", "s3.amazonaws.com")) {
            ApiResponse r = owner.patch("account", Map.of("domains", List.of(acc.domain(), suffix)));
            assertEquals(400, r.status(), suffix + ": " + r);
            assertEquals("validation_failed", r.code());
            assertTrue(r.raw().contains("domain_public_suffix"), r.raw());
        }
        assertRefused(staff().patch("accounts/" + acc.id(), Map.of("domains", List.of("co.uk"))), 400, "validation_failed");
        assertEquals(200, owner.patch("account", Map.of("domains", List.of(acc.domain(), "example-" + uid() + ".co.uk"))).status());
        assertEquals(List.of(acc.domain()), strings(owner.get("account").body().get("verifiedDomains")));
    }

    /** Two accounts claim one new domain at the same moment: one gets it, the other 409, never both. */
    @Test
    void aDomainBelongsToOneAccountUnderConcurrency() throws Exception { // S-DOM-2
        for (int round = 0; round < 5; round++) {
            TestAccount a = newBusinessAccount();
            TestAccount b = newBusinessAccount();
            Api ownerA = as(a.ownerEmail());
            Api ownerB = as(b.ownerEmail());
            String contested = "umkaempft-" + uid() + ".test";
            List<ApiResponse> results = Parallel.race(
                    () -> ownerA.patch("account", Map.of("domains", List.of(a.domain(), contested))),
                    () -> ownerB.patch("account", Map.of("domains", List.of(b.domain(), contested))));
            List<Integer> statuses = new ArrayList<>(results.stream().map(ApiResponse::status).sorted().toList());
            assertEquals(List.of(200, 409), statuses, results.toString());
            ApiResponse loser = results.get(0).status() == 409 ? results.get(0) : results.get(1);
            assertEquals("domain_taken", loser.code(), loser.toString());
            int holders = 0;
            for (TestAccount acc : List.of(a, b)) {
                if (strings(staff().get("accounts/" + acc.id()).body().get("domains")).contains(contested)) {
                    holders++;
                }
            }
            assertEquals(1, holders, "exactly one account holds " + contested);
        }
    }

    private boolean keycloakVerified(String orgId, String domain) {
        return realm.admin().organizations().get(orgId).toRepresentation().getDomains().stream()
                .filter(d -> d.getName().equals(domain)).findFirst().map(OrganizationDomainRepresentation::isVerified).orElse(false);
    }

    private static void assertRefused(ApiResponse r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.code(), r.toString());
        assertFalse(r.message().isBlank());
    }

    private static List<String> strings(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }
}
