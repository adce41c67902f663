package com.terminalacc.it.ui;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clouds in the browser (English): create a cloud, add a member with write, share it with a partner company, the
 * partner accepts and adds its own user, and the last Cloud-Admin protection shows as a message.
 * S-CLD-1, S-CLD-3, S-CLD-5, S-CLD-9.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CloudJourneyIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void createShareAcceptAndLastCloudAdminProtection() {
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestUser member = newUser(provider, "user");
        TestUser partnerUser = newUser(partner, "user");
        String cloudId;
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "clouds").login(provider.ownerEmail(), PASSWORD);
            b.waitFor("#create-cloud");
            b.type("#name", "Webshop").type("#description", "Shop servers and domains").select("#icon", "shop");
            b.click("#create-cloud");
            assertTrue(b.text().contains("The cloud was created. You are its Cloud-Admin."), b.text());
            cloudId = b.url().replaceAll(".*/clouds/([^/?#]+).*", "$1");
            // add a member with write
            b.select("#add-member select[name=contactId]", member.contactId());
            b.check("#newWrite");
            b.submit("#add-member");
            assertTrue(b.text().contains("The member was added."), b.text());
            assertTrue(b.find("tr[data-member='" + member.email() + "']").getText().contains("Test"));
            // change the member's permissions in its row (type, permissions and Save sit in three cells of one form)
            String row = "tr[data-member='" + member.email() + "'] ";
            b.check(row + "input[name=order]");
            b.click(row + "button[form]");
            assertTrue(b.text().contains("The member was saved."), b.text());
            assertEquals("rwo", as(member.email()).get("clouds/" + cloudId).text("permissions"));
            b.click(row + "input[name=order]");
            b.click(row + "button[form]");
            assertTrue(b.text().contains("The member was saved."), b.text());
            // the last Cloud-Admin cannot be removed: the message says so
            b.submit("tr[data-member='" + provider.ownerEmail() + "'] form.acc-inline-form");
            assertTrue(b.text().contains("A cloud always needs at least one Cloud-Admin"), b.text());
            b.screenshot("acc-cloud-last-admin-en");
            b.assertAccessible("acc-cloud-last-admin-en");
            // share with the partner company
            b.type("#partnerDomain", partner.domain());
            b.check("#shareWrite");
            b.submit("#share-form");
            assertTrue(b.text().contains("The cloud was offered to the partner company."), b.text());
            b.screenshot("acc-cloud-detail-en");
            b.assertAccessible("acc-cloud-detail-en");
        }
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "shares").login(partner.ownerEmail(), PASSWORD);
            b.waitFor("#incoming-shares");
            assertTrue(b.text().contains("Webshop") && b.text().contains(provider.name()), b.text());
            b.screenshot("acc-shares-partner-en");
            b.assertAccessible("acc-shares-partner-en");
            b.click("#incoming-shares button.acc-green");
            assertTrue(b.text().contains("The share was accepted."), b.text());
            b.clickText("Manage our members");
            assertTrue(b.has("#partner-note"), b.text());
            b.select("#add-member select[name=contactId]", partnerUser.contactId());
            b.check("#newWrite");
            b.submit("#add-member");
            assertTrue(b.text().contains("The member was added."), b.text());
        }
        // the partner's user has the cloud with read and write
        Api asPartnerUser = as(partnerUser.email());
        assertEquals("rw", asPartnerUser.get("clouds/" + cloudId).text("permissions"));
        assertEquals("rw", as(member.email()).get("clouds/" + cloudId).text("permissions"));
    }
}
