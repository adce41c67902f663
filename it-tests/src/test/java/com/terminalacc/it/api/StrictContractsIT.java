package com.terminalacc.it.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The input contract of the APIs against hostile input (issue 12): JSON types are not coerced, every refusal of our
 * resources is {@code {code, message, errors}}, lists are paged, and inputs that used to answer 500 get a clear 4xx.
 * Every refused request changes nothing.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class StrictContractsIT extends AbstractTerminalIT {

    // ---- JSON types: strings are strings, booleans booleans

    @Test
    void numbersAreNotTakenForStrings() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse name = owner.postRaw("contacts", "application/json",
                "{\"firstName\":123,\"lastName\":\"B\",\"email\":\"" + acc.email("num") + "\"}");
        assertFieldType(name, "firstName");
        ApiResponse phone = owner.postRaw("contacts", "application/json",
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"" + acc.email("phone") + "\",\"phone\":491234}");
        assertFieldType(phone, "phone");
        ApiResponse bool = owner.postRaw("contacts", "application/json",
                "{\"firstName\":true,\"lastName\":\"B\",\"email\":\"" + acc.email("bool") + "\"}");
        assertFieldType(bool, "firstName");
        ApiResponse object = owner.postRaw("contacts", "application/json",
                "{\"firstName\":{\"a\":1},\"lastName\":\"B\",\"email\":\"" + acc.email("obj") + "\"}");
        assertFieldType(object, "firstName");
        ApiResponse module = owner.postRaw("clouds", "application/json", "{\"name\":7}");
        assertFieldType(module, "name");
        assertEquals(1, owner.get("contacts").body().get("total").asInt(), "nothing was created");
        assertEquals(0, owner.get("clouds").body().get("total").asInt(), "nothing was created");
    }

    @Test
    void stringsAndNumbersAreNotTakenForBooleans() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String contactId = owner.post("contacts", contact("Sam", "Support", acc.email("sam"))).text("id");
        assertFieldType(owner.patchRaw("contacts/" + contactId, "{\"supportPermission\":\"false\"}"), "supportPermission");
        assertFieldType(owner.patchRaw("contacts/" + contactId, "{\"supportPermission\":0}"), "supportPermission");
        assertFieldType(owner.patchRaw("contacts/" + contactId, "{\"supportPermission\":\"\"}"), "supportPermission");
        assertEquals("true", owner.get("contacts/" + contactId).text("supportPermission"), "unchanged");

        TestUser user = newUser(acc, "user");
        String cloud = newCloud(owner, "Types");
        assertFieldType(owner.postRaw("clouds/" + cloud + "/members", "application/json",
                "{\"contactId\":\"" + user.contactId() + "\",\"type\":\"MEMBER\",\"write\":\"true\"}"), "write");
        assertFieldType(owner.postRaw("clouds/" + cloud + "/members", "application/json",
                "{\"contactId\":\"" + user.contactId() + "\",\"type\":\"MEMBER\",\"write\":1}"), "write");
        assertEquals(1, owner.get("clouds/" + cloud + "/members").body().get("total").asInt(), "only the creator");
        ApiResponse added = owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "type", "MEMBER", "write", false));
        assertEquals(201, added.status(), added.toString());
        assertFieldType(owner.patchRaw("clouds/" + cloud + "/members/" + user.contactId(), "{\"write\":1}"), "write");
        assertFieldType(owner.patchRaw("clouds/" + cloud + "/members/" + user.contactId(), "{\"order\":\"yes\"}"), "order");
        JsonNode member = member(owner, cloud, user.contactId());
        assertFalse(member.get("write").asBoolean(), "unchanged: " + member);
        assertFalse(member.get("order").asBoolean(), "unchanged: " + member);
        assertFieldType(owner.patchRaw("clouds/" + cloud, "{\"name\":false}"), "name");
        assertFieldType(app().raw("PUT", "products/p-" + uid(), "application/json", null, "{\"name\":1,\"type\":\"vm\",\"cloudId\":\"" + cloud + "\"}"), "name");
    }

    @Test
    void listsMustHoldStringsAndNoNulls() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        assertFieldType(owner.patchRaw("account", "{\"domains\":\"" + acc.domain() + "\"}"), "domains");
        assertFieldType(owner.patchRaw("account", "{\"domains\":[1]}"), "domains[0]");
        assertFieldType(owner.patchRaw("account", "{\"domains\":[null]}"), "domains[0]");
        assertEquals(List.of(acc.domain()), texts(owner.get("account").body().get("domains")), "unchanged");
    }

    @Test
    void duplicateKeysAreRefused() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse r = owner.postRaw("contacts", "application/json",
                "{\"firstName\":\"A\",\"lastName\":\"B\",\"firstName\":\"C\",\"email\":\"" + acc.email("dup") + "\"}");
        assertEquals(400, r.status(), r.toString());
        assertEquals("duplicate_field", r.code(), r.toString());
        assertTrue(r.fieldErrors().contains("firstName:duplicate_field"), r.toString());
        ApiResponse deep = owner.postRaw("contacts", "application/json", "{\"firstName\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        assertEquals(400, deep.status(), deep.toString());
        assertOurShape(deep);
        assertEquals(1, owner.get("contacts").body().get("total").asInt(), "nothing was created");
    }

    // ---- every refusal of our resources in our shape

    @Test
    void wrongContentTypeIsOurUnsupportedMediaType() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String body = "{\"firstName\":\"A\",\"lastName\":\"B\",\"email\":\"" + acc.email("ct") + "\"}";
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            ApiResponse r = owner.raw("POST", "contacts", type, null, body);
            assertEquals(415, r.status(), type + " -> " + r);
            assertEquals("unsupported_media_type", r.code(), r.toString());
            assertOurShape(r);
        }
        ApiResponse none = owner.raw("POST", "contacts", null, null, body);
        assertEquals(415, none.status(), none.toString());
        assertEquals("unsupported_media_type", none.code(), none.toString());
        assertEquals(201, owner.raw("POST", "contacts", "application/json; charset=UTF-8", null, body).status(), "JSON with charset is fine");
        ApiResponse product = app().raw("PUT", "products/p-" + uid(), "text/plain", null, "{\"name\":\"n\",\"type\":\"vm\",\"cloudId\":\"x\"}");
        assertEquals(415, product.status(), product.toString());
        assertEquals("unsupported_media_type", product.code(), product.toString());
        assertEquals(2, owner.get("contacts").body().get("total").asInt(), "only the JSON one was created");
    }

    @Test
    void notAcceptableMethodNotAllowedAndUnknownPathsAreOurs() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse xml = owner.raw("GET", "contacts", null, "application/xml", null);
        assertEquals(406, xml.status(), xml.toString());
        assertEquals("not_acceptable", xml.code(), xml.toString());
        assertEquals(200, owner.raw("GET", "contacts", null, "text/html, application/json;q=0.9", null).status());
        assertEquals(200, owner.raw("GET", "contacts", null, "*/*", null).status());

        ApiResponse delete = owner.raw("DELETE", "me", null, null, null);
        assertEquals(405, delete.status(), delete.toString());
        assertEquals("method_not_allowed", delete.code(), delete.toString());
        assertTrue(delete.headers().firstValue("Allow").orElse("").contains("GET"), delete.headers().toString());
        ApiResponse put = owner.raw("PUT", "contacts", "application/json", null, "{}");
        assertEquals(405, put.status(), put.toString());
        assertEquals("method_not_allowed", put.code(), put.toString());
        ApiResponse patchShares = owner.raw("PATCH", "shares", "application/json", null, "{}");
        assertEquals(405, patchShares.status(), patchShares.toString());
        ApiResponse appDelete = app().raw("DELETE", "check", null, null, null);
        assertEquals(405, appDelete.status(), appDelete.toString());
        assertEquals("method_not_allowed", appDelete.code(), appDelete.toString());
        ApiResponse staffPut = staff().raw("PUT", "accounts", "application/json", null, "{}");
        assertEquals(405, staffPut.status(), staffPut.toString());
        assertEquals("method_not_allowed", staffPut.code(), staffPut.toString());

        ApiResponse unknown = owner.get("no-such-thing");
        assertEquals(404, unknown.status(), unknown.toString());
        assertEquals("not_found", unknown.code(), unknown.toString());
        assertOurShape(unknown);
        assertEquals(1, owner.get("contacts").body().get("total").asInt());
    }

    @Test
    void badPagingIsOurs() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String q : List.of("?max=0", "?max=101", "?first=-1", "?max=abc", "?first=1e3", "?first=99999999999")) {
            ApiResponse r = owner.get("contacts" + q);
            assertEquals(400, r.status(), q + " -> " + r);
            assertEquals("invalid_paging", r.code(), r.toString());
            assertOurShape(r);
        }
        assertEquals("invalid_paging", owner.get("shares?max=0").code());
        assertEquals("invalid_paging", app().get("products?first=-5").code());
        assertEquals("invalid_paging", staff().get("accounts?max=1000").code());
    }

    // ---- every list answers {items, first, max, total}

    @Test
    void shareListsArePaged() {
        TestAccount acc = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Paged");
        assertEquals(201, owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).status());
        ApiResponse ofCloud = owner.get("clouds/" + cloud + "/shares?first=0&max=1");
        assertPage(ofCloud, 0, 1, 1);
        assertPage(owner.get("clouds/" + cloud + "/shares?first=1&max=1"), 1, 1, 1);
        assertEquals(0, owner.get("clouds/" + cloud + "/shares?first=1&max=1").body().get("items").size());
        ApiResponse incoming = as(partner.ownerEmail()).get("shares?max=5");
        assertPage(incoming, 0, 5, 1);
        assertEquals(1, incoming.body().get("items").size());
    }

    // ---- the former 500s

    @Test
    void aStepWithoutValidateOnlyIsRefused() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String contactId = owner.post("contacts", contact("Step", "Only", acc.email("step"))).text("id");
        for (String step : List.of("details", "role", "modules")) {
            ApiResponse r = owner.post("contacts/" + contactId + "/login?step=" + step, Map.of("role", "user"));
            assertEquals(400, r.status(), step + " -> " + r);
            assertEquals("invalid_query_parameter", r.code(), r.toString());
        }
        assertEquals(null, owner.get("contacts/" + contactId).text("userId"), "no login was created");
        assertEquals(200, owner.post("contacts/" + contactId + "/login?validateOnly=true&step=details", Map.of()).status());
    }

    @Test
    void aNullCheckIsRefused() {
        TestAccount acc = newBusinessAccount();
        ApiResponse r = appAs(acc.ownerEmail()).postRaw("check", "application/json", "{\"checks\":[null]}");
        assertFieldType(r, "checks[0]");
        ApiResponse asApp = app().postRaw("check", "application/json", "{\"userId\":\"" + acc.ownerUserId() + "\",\"checks\":[{\"cloudId\":\"x\",\"action\":\"read\"},null]}");
        assertFieldType(asApp, "checks[1]");
    }

    @Test
    void activityPagingIsBounded() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String first : List.of("2147483600", "2147483647", "10001")) {
            ApiResponse r = owner.get("contacts/" + acc.ownerContactId() + "/activity?first=" + first);
            assertEquals(400, r.status(), first + " -> " + r);
            assertEquals("invalid_paging", r.code(), r.toString());
        }
        assertEquals(200, owner.get("contacts/" + acc.ownerContactId() + "/activity?first=10000&max=100").status());
        ApiResponse staffLog = staff().get("accounts/" + acc.id() + "/activity?first=2147483600");
        assertEquals("invalid_paging", staffLog.code(), staffLog.toString());
    }

    @Test
    void concurrentPutsOfOneProductNeverFail() throws Exception {
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "Race");
        Api app = app();
        for (int round = 0; round < 3; round++) {
            String id = "race-" + uid();
            List<Callable<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int n = i;
                calls.add(() -> app.put("products/" + id, Map.of("name", "VM " + n, "type", "vm", "cloudId", cloud)));
            }
            List<ApiResponse> results = Parallel.all(calls);
            int created = 0;
            for (ApiResponse r : results) {
                assertTrue(r.status() == 200 || r.status() == 201 || r.status() == 409, r.toString());
                if (r.status() == 409) {
                    assertEquals("concurrent_modification", r.code(), r.toString());
                }
                created += r.status() == 201 ? 1 : 0;
            }
            assertEquals(1, created, results.toString());
            assertEquals(200, app.get("products/" + id).status());
        }
    }

    // ---- helpers

    private static JsonNode member(Api api, String cloud, String contactId) {
        for (JsonNode m : api.get("clouds/" + cloud + "/members").body().get("items")) {
            if (contactId.equals(m.get("contactId").asText())) {
                return m;
            }
        }
        throw new AssertionError("no member " + contactId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }

    private static void assertFieldType(ApiResponse r, String field) {
        assertEquals(400, r.status(), r.toString());
        assertEquals("invalid_field_type", r.code(), r.toString());
        assertTrue(r.message().contains(field), r.toString());
        assertTrue(r.fieldErrors().contains(field + ":invalid_field_type"), r.toString());
    }

    private static void assertPage(ApiResponse r, int first, int max, int total) {
        assertEquals(200, r.status(), r.toString());
        assertNotNull(r.body().get("items"), r.toString());
        assertTrue(r.body().get("items").isArray(), r.toString());
        assertEquals(first, r.body().get("first").asInt(), r.toString());
        assertEquals(max, r.body().get("max").asInt(), r.toString());
        assertEquals(total, r.body().get("total").asInt(), r.toString());
    }

    /** {@code {"code", "message"[, "errors"]}} and nothing else. */
    static void assertOurShape(ApiResponse r) {
        assertNotNull(r.body(), r.toString());
        assertTrue(r.body().isObject(), r.toString());
        assertTrue(r.body().hasNonNull("code") && r.body().get("code").asText().matches("[a-z_]+"), r.toString());
        assertTrue(r.body().hasNonNull("message") && !r.body().get("message").asText().isBlank(), r.toString());
        r.body().fieldNames().forEachRemaining(f -> assertTrue(List.of("code", "message", "errors").contains(f), r.toString()));
    }
}
