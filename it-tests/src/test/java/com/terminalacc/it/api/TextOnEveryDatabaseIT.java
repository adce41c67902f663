package com.terminalacc.it.api;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Text compares the same on H2, PostgreSQL and MariaDB/MySQL (whose default collations ignore case and accents, and
 * whose {@code utf8mb3} cannot store 4-byte characters): keys that identify something compare exactly, the cloud
 * name is unique per account ignoring case only, and names take any Unicode character, emoji included.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class TextOnEveryDatabaseIT extends AbstractTerminalIT {

    @Test
    void productIdsCompareExactly() { // S-CLD-8: the application's own id, as it sends it
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "Products");
        Api app = app();
        String id = uid();
        assertEquals(201, app.put("products/VM-" + id, Map.of("name", "upper", "type", "server", "cloudId", cloud)).status());
        ApiResponse lower = app.put("products/vm-" + id, Map.of("name", "lower", "type", "server", "cloudId", cloud));
        assertEquals(201, lower.status(), "another product, not an update of VM-: " + lower);
        assertEquals("upper", app.get("products/VM-" + id).text("name"));
        assertEquals("lower", app.get("products/vm-" + id).text("name"));
        assertEquals(404, app.get("products/Vm-" + id).status());
    }

    @Test
    void customerNumbersCompareExactly() {
        String number = "K-" + uid();
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        assertEquals(200, staff().patch("accounts/" + a.id(), Map.of("customerNumber", number)).status());
        ApiResponse lower = staff().patch("accounts/" + b.id(), Map.of("customerNumber", number.toLowerCase()));
        assertEquals(200, lower.status(), lower.toString());
        ApiResponse same = staff().patch("accounts/" + b.id(), Map.of("customerNumber", number));
        assertEquals(409, same.status());
        assertEquals("customer_number_taken", same.code());
        assertEquals(number.toLowerCase(), staff().get("accounts/" + b.id()).text("customerNumber"));
    }

    @Test
    void cloudNamesAreUniqueIgnoringCaseButNotAccents() { // S-CLD-1 [decision]: unique per account, case-insensitive
        Api owner = as(newBusinessAccount().ownerEmail());
        String suffix = " " + uid();
        newCloud(owner, "Bär" + suffix);
        ApiResponse upper = owner.post("clouds", Map.of("name", "BÄR" + suffix));
        assertEquals(409, upper.status());
        assertEquals("cloud_name_taken", upper.code());
        ApiResponse withoutAccent = owner.post("clouds", Map.of("name", "Bar" + suffix));
        assertEquals(201, withoutAccent.status(), "Bar is another name than Bär: " + withoutAccent);
    }

    @Test
    void namesTakeFourByteCharacters() { // emoji and supplementary-plane letters (utf8mb4 on MariaDB/MySQL)
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse contact = owner.post("contacts", contact("Zoë 🚀", "𝔐𝔲𝔰𝔱𝔢𝔯", acc.email("emoji-" + uid())));
        assertEquals(201, contact.status(), contact.toString());
        ApiResponse read = owner.get("contacts/" + contact.text("id"));
        assertEquals("Zoë 🚀", read.text("firstName"));
        assertEquals("𝔐𝔲𝔰𝔱𝔢𝔯", read.text("lastName"));
        String cloud = newCloud(owner, "Rakete 🚀 " + uid());
        assertEquals(cloud, owner.get("clouds/" + cloud).text("id"));
        ApiResponse taken = owner.post("clouds", Map.of("name", owner.get("clouds/" + cloud).text("name")));
        assertEquals(409, taken.status());
        assertEquals("cloud_name_taken", taken.code());
    }
}
