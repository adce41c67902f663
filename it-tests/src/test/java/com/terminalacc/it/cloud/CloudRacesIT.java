package com.terminalacc.it.cloud;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that touch the same cloud, share or product at the same moment: each ends in a state one of them alone
 * would have produced, the loser gets a clear 4xx, never a 500.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CloudRacesIT extends AbstractTerminalIT {

    private static final int ROUNDS = 6;

    @Test
    void ceilingChangeRacingThePartnersAcceptanceKeepsBoth() throws Exception { // S-CLD-9
        TestAccount acc = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        Api partnerOwner = as(partner.ownerEmail());
        for (int round = 0; round < ROUNDS; round++) {
            String cloud = newCloud(owner, "Ceiling race " + round);
            String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).text("id");
            List<ApiResponse> results = Parallel.race(
                    () -> owner.patch("clouds/" + cloud + "/shares/" + share, Map.of("write", true, "order", true)),
                    () -> partnerOwner.post("shares/" + share + "/accept", ""));
            assertEquals(200, results.get(0).status(), results.toString());
            assertEquals(200, results.get(1).status(), results.toString());
            ApiResponse after = owner.get("clouds/" + cloud + "/shares");
            assertEquals("ACCEPTED", after.text("items/0/status"), "the acceptance stays: " + after.raw());
            assertEquals("true", after.text("items/0/maxWrite"), "the new ceiling stays: " + after.raw());
            assertEquals("true", after.text("items/0/maxOrder"), after.raw());
        }
    }

    @Test
    void cloudDeletionRacingAProductRegistrationNeverLosesTheProduct() throws Exception { // S-CLD-8
        Api owner = as(newBusinessAccount().ownerEmail());
        Api app = app();
        for (int round = 0; round < ROUNDS; round++) {
            String cloud = newCloud(owner, "Deletion race " + round);
            String product = "race-" + uid();
            List<ApiResponse> results = Parallel.race(
                    () -> owner.delete("clouds/" + cloud),
                    () -> app.put("products/" + product, Map.of("name", "web", "type", "server", "cloudId", cloud)));
            ApiResponse deleted = results.get(0);
            ApiResponse registered = results.get(1);
            if (deleted.status() == 204) {
                assertEquals(404, registered.status(), "the cloud went first: " + results);
                assertEquals("cloud_not_found", registered.code());
                assertEquals(404, app.get("products/" + product).status());
            } else {
                assertEquals(409, deleted.status(), results.toString());
                assertEquals("cloud_has_products", deleted.code());
                assertEquals(201, registered.status(), results.toString());
                assertEquals(cloud, app.get("products/" + product).text("cloudId"), "the product is where it was registered");
                assertEquals(200, owner.get("clouds/" + cloud).status());
            }
        }
    }

    @Test
    void theSameProductIdRegisteredTwiceAtOnceGivesOneProduct() throws Exception { // S-CLD-8
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "Products");
        String sibling = newCloud(as(acc.ownerEmail()), "Products too");
        String foreign = newCloud(as(other.ownerEmail()), "Their products");
        Api app = app();
        for (int round = 0; round < ROUNDS; round++) {
            String target = round % 2 == 0 ? sibling : foreign;
            String product = "twice-" + uid();
            List<ApiResponse> results = Parallel.race(
                    () -> app.put("products/" + product, Map.of("name", "first", "type", "server", "cloudId", cloud)),
                    () -> app.put("products/" + product, Map.of("name", "second", "type", "server", "cloudId", target)));
            Set<Integer> statuses = Set.of(results.get(0).status(), results.get(1).status());
            assertTrue(statuses.equals(Set.of(201, 200)) || statuses.equals(Set.of(201, 409)), results.toString());
            results.stream().filter(r -> r.status() == 409)
                    .forEach(r -> assertEquals("concurrent_modification", r.code(), r.toString()));
            ApiResponse stored = app.get("products/" + product);
            assertEquals(200, stored.status());
            assertEquals(1, app.get("products?cloudId=" + stored.text("cloudId")).body().get("items").findValuesAsText("id")
                    .stream().filter(product::equals).count());
        }
    }

    @Test
    void twoCompaniesSharingWithEachOtherAtOnceNeverFail() throws Exception { // S-CLD-9
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        Api asA = as(a.ownerEmail());
        Api asB = as(b.ownerEmail());
        for (int round = 0; round < ROUNDS; round++) {
            String cloudOfA = newCloud(asA, "Both ways A " + round);
            String cloudOfB = newCloud(asB, "Both ways B " + round);
            List<ApiResponse> results = Parallel.race(
                    () -> asA.post("clouds/" + cloudOfA + "/shares", Map.of("partnerDomain", b.domain())),
                    () -> asB.post("clouds/" + cloudOfB + "/shares", Map.of("partnerDomain", a.domain())));
            for (ApiResponse r : results) {
                assertTrue(r.status() == 201 || r.status() == 409 && "concurrent_modification".equals(r.code()), results.toString());
            }
            // both sides add a person to the other's (accepted) cloud at once: partner members refer to both accounts
            for (ApiResponse r : List.of(results.get(0), results.get(1))) {
                if (r.status() == 201) {
                    (r == results.get(0) ? asB : asA).post("shares/" + r.text("id") + "/accept", "");
                }
            }
            if (results.stream().allMatch(r -> r.status() == 201)) {
                List<ApiResponse> members = Parallel.race(
                        () -> asB.post("clouds/" + cloudOfA + "/members", Map.of("contactId", b.ownerContactId())),
                        () -> asA.post("clouds/" + cloudOfB + "/members", Map.of("contactId", a.ownerContactId())));
                for (ApiResponse r : members) {
                    assertTrue(r.status() == 201 || r.status() == 409 && "concurrent_modification".equals(r.code()), members.toString());
                }
            }
        }
    }
}
