package com.terminalacc.it.token;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-TOK-2, S-TOK-3: the check API answers from the current state, for the user itself and for applications. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CheckApiIT extends AbstractTerminalIT {

    @Test
    void batchCheckForCloudsAndProducts() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Checked");
        owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "write", true));
        String product = "vm-" + uid();
        app().put("products/" + product, Map.of("name", "vm", "type", "server", "cloudId", cloud));

        ApiResponse r = app().post("check", Map.of("userId", user.userId(), "checks", List.of(
                Map.of("cloudId", cloud, "action", "read"),
                Map.of("cloudId", cloud, "action", "write"),
                Map.of("cloudId", cloud, "action", "order"),
                Map.of("productId", product, "action", "write"),
                Map.of("productId", product, "action", "move"),
                Map.of("productId", "unknown-" + uid(), "action", "read"))));
        assertEquals(200, r.status(), r.toString());
        // the server's share of the answer, for applications and the benchmark
        String timing = r.headers().firstValue("Server-Timing").orElse("");
        assertTrue(timing.matches("acc;dur=\\d+\\.\\d\\d"), timing);
        List<Boolean> expected = List.of(true, true, false, true, false, false);
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), r.body().get("results").get(i).get("allowed").asBoolean(), "check " + i + ": " + r.raw());
        }
    }

    @Test
    void answersChangeAtOnce() { // S-TOK-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Immediate");
        Api self = appAs(user.email());
        assertEquals("false", self.get("check?cloudId=" + cloud + "&action=read").text("allowed"));
        owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId()));
        assertEquals("true", self.get("check?cloudId=" + cloud + "&action=read").text("allowed"));
        assertEquals("false", self.get("check?cloudId=" + cloud + "&action=write").text("allowed"));
        owner.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("write", true));
        assertEquals("true", self.get("check?cloudId=" + cloud + "&action=write").text("allowed"), "with the same, older token");
        owner.delete("clouds/" + cloud + "/members/" + user.contactId());
        assertEquals("false", self.get("check?cloudId=" + cloud + "&action=read").text("allowed"));
    }

    @Test
    void moveNeedsCloudAdminAndTheModuleRight() {
        TestAccount acc = newBusinessAccount();
        TestUser withRight = newUser(acc, "admin", "clouds:move-products");
        TestUser without = newUser(acc, "admin");
        String c1 = newCloud(as(withRight.email()), "Move 1");
        String c2 = newCloud(as(without.email()), "Move 2");
        assertEquals("true", appAs(withRight.email()).get("check?cloudId=" + c1 + "&action=move").text("allowed"));
        assertEquals("false", appAs(without.email()).get("check?cloudId=" + c2 + "&action=move").text("allowed"));
    }

    @Test
    void usersAskOnlyAboutThemselves() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        ApiResponse r = appAs(user.email()).get("check?userId=" + acc.ownerUserId() + "&cloudId=x&action=read");
        assertEquals(403, r.status());
        assertEquals("app_role_required", r.code());
        ApiResponse bad = appAs(user.email()).get("check?cloudId=x&action=delete");
        assertEquals(400, bad.status());
        ApiResponse tooMany = app().post("check", Map.of("userId", user.userId(), "checks",
                java.util.Collections.nCopies(101, Map.of("cloudId", "x", "action", "read"))));
        assertEquals(400, tooMany.status());
        assertEquals("too_many_checks", tooMany.code());
    }
}
