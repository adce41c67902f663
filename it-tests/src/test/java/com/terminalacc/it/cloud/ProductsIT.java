package com.terminalacc.it.cloud;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** S-CLD-8: the product registry and moving products between clouds. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ProductsIT extends AbstractTerminalIT {

    @Test
    void applicationsMaintainTheRegistry() {
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "Servers");
        Api app = app();
        String id = "srv-" + uid();
        ApiResponse created = app.put("products/" + id, Map.of("name", "web01", "type", "server", "cloudId", cloud));
        assertEquals(201, created.status(), created.toString());
        assertEquals(id, created.text("id"));
        ApiResponse renamed = app.put("products/" + id, Map.of("name", "web01.example", "type", "server", "cloudId", cloud));
        assertEquals(200, renamed.status());
        assertEquals("web01.example", app.get("products/" + id).text("name"));
        assertEquals(1, app.get("products?cloudId=" + cloud).body().get("total").asInt());
        assertEquals("web01.example", as(acc.ownerEmail()).get("clouds/" + cloud + "/products").text("items/0/name"));
        ApiResponse unknownCloud = app.put("products/" + id, Map.of("name", "x", "type", "server", "cloudId", "nope"));
        assertEquals(404, unknownCloud.status());
        ApiResponse invalid = app.put("products/" + id, Map.of("type", "server", "cloudId", cloud));
        assertEquals(400, invalid.status());
        ApiResponse hasProducts = as(acc.ownerEmail()).delete("clouds/" + cloud);
        assertEquals(409, hasProducts.status());
        assertEquals("cloud_has_products", hasProducts.code());
        assertEquals(204, app.delete("products/" + id).status());
        assertEquals(404, app.get("products/" + id).status());
        assertEquals(204, as(acc.ownerEmail()).delete("clouds/" + cloud).status());
    }

    @Test
    void registryNeedsTheApplicationRole() {
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "No app");
        ApiResponse r = appAs(acc.ownerEmail()).put("products/p-" + uid(), Map.of("name", "x", "type", "server", "cloudId", cloud));
        assertEquals(403, r.status());
        assertEquals("app_role_required", r.code());
        assertEquals(401, new Api(com.terminalacc.it.support.Api.BASE + "/realms/" + REALM + "/acc/app", () -> null).get("products").status());
    }

    @Test
    void movingNeedsCloudAdminOnBothCloudsAndTheModuleRight() { // S-CLD-8
        TestAccount acc = newBusinessAccount();
        TestUser mover = newUser(acc, "admin", "clouds:move-products");
        TestUser noRight = newUser(acc, "admin");
        Api m = as(mover.email());
        String from = newCloud(m, "From");
        String to = newCloud(m, "To");
        String elsewhere = newCloud(as(acc.ownerEmail()), "Elsewhere");
        String product = "dom-" + uid();
        app().put("products/" + product, Map.of("name", "example.org", "type", "domain", "cloudId", from));

        ApiResponse notTargetAdmin = m.post("products/" + product + "/move", Map.of("cloudId", elsewhere));
        assertEquals(404, notTargetAdmin.status(), "a target cloud the mover is not in does not exist for it");
        assertEquals("cloud_not_found", notTargetAdmin.code());
        m.post("clouds/" + elsewhere + "/members", Map.of("contactId", mover.contactId()));
        as(acc.ownerEmail()).post("clouds/" + elsewhere + "/members", Map.of("contactId", mover.contactId()));
        ApiResponse onlyMember = m.post("products/" + product + "/move", Map.of("cloudId", elsewhere));
        assertEquals(403, onlyMember.status(), "Cloud-Member of the target is not enough");
        assertEquals("move_right_required", onlyMember.code());
        m.post("clouds/" + from + "/members", Map.of("contactId", noRight.contactId(), "type", "ADMIN"));
        m.post("clouds/" + to + "/members", Map.of("contactId", noRight.contactId(), "type", "ADMIN"));
        ApiResponse withoutRight = as(noRight.email()).post("products/" + product + "/move", Map.of("cloudId", to));
        assertEquals(403, withoutRight.status());
        assertEquals("move_right_required", withoutRight.code());
        assertEquals(from, app().get("products/" + product).text("cloudId"));

        ApiResponse moved = m.post("products/" + product + "/move", Map.of("cloudId", to));
        assertEquals(200, moved.status(), moved.toString());
        assertEquals(to, moved.text("cloudId"));
        assertEquals(to, app().get("products/" + product).text("cloudId"));

        TestAccount other = newBusinessAccount();
        ApiResponse foreign = as(other.ownerEmail()).post("products/" + product + "/move", Map.of("cloudId", newCloud(as(other.ownerEmail()), "Theirs")));
        assertEquals(404, foreign.status(), "another account's product does not exist for it");
    }
}
