package com.terminalacc.it.api;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiContract;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-APP-2: the extension serves the OpenAPI 3.1 document of its three APIs, and real responses keep it. Every response
 * of every integration test is checked against the document ({@code Api.send} → {@link ApiContract}); this class
 * walks the three APIs once on their allowed and refused paths and shows that the check notices a drifted answer.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class OpenApiContractIT extends AbstractTerminalIT {

    static final String DOCUMENT_URL = Api.BASE + "/realms/" + REALM + "/acc/api/openapi.json";

    @Test
    void theDocumentIsServedWithThisServer() throws Exception { // S-APP-2
        ApiResponse served = Api.send(HttpRequest.newBuilder(URI.create(DOCUMENT_URL)).GET());
        assertEquals(200, served.status(), served.toString());
        assertTrue(served.text("openapi").startsWith("3.1."), served.text("openapi"));
        assertEquals(Api.BASE, served.text("servers/0/url"));
        JsonNode packaged;
        try (var in = getClass().getClassLoader().getResourceAsStream("META-INF/terminal-acc/openapi.json")) {
            packaged = Api.JSON.readTree(in);
        }
        ObjectNode withoutServers = served.body().deepCopy();
        withoutServers.remove("servers");
        assertEquals(packaged, withoutServers, "the document the build made");
        for (String path : List.of("/realms/{realm}/acc/api/contacts", "/admin/realms/{realm}/acc/accounts",
                "/realms/{realm}/acc/app/check", "/realms/{realm}/acc/app/access/v1/evaluation")) {
            assertTrue(served.body().get("paths").has(path), path);
        }
    }

    @Test
    void theCheckNoticesAnAnswerThatDriftedFromTheDocument() { // S-APP-2: the guard itself
        URI contact = URI.create(Api.BASE + "/realms/" + REALM + "/acc/api/contacts/some-id");
        ObjectNode good = Api.JSON.createObjectNode().put("id", "c").put("accountId", "a").put("firstName", "F")
                .put("lastName", "L").put("email", "f@x.test").put("loginStatus", "NONE");
        assertEquals(List.of(), ApiContract.check("GET", contact, 200, good, "application/json"));
        ObjectNode missing = good.deepCopy();
        missing.remove("email");
        assertFalse(ApiContract.check("GET", contact, 200, missing, "application/json").isEmpty(), "a required field missing");
        ObjectNode wrongType = good.deepCopy();
        wrongType.put("supportPermission", "yes");
        assertFalse(ApiContract.check("GET", contact, 200, wrongType, "application/json").isEmpty(), "a field of the wrong type");
        assertFalse(ApiContract.check("GET", contact, 200, good.deepCopy().put("loginStatus", "SOMETIMES"), "application/json").isEmpty(), "not in the enum");
        assertFalse(ApiContract.check("GET", contact, 418, good, "application/json").isEmpty(), "an undocumented status");
        assertFalse(ApiContract.check("GET", contact, 404, Api.JSON.createObjectNode().put("error", "x"), "application/json").isEmpty(),
                "a refusal outside the error shape");
        assertFalse(ApiContract.check("GET", URI.create(Api.BASE + "/realms/" + REALM + "/acc/api/no-such-thing/1/2"), 200, good, "application/json").isEmpty(),
                "an undocumented path");
    }

    @Test
    void theThreeApisKeepTheDocumentOnAllowedAndRefusedPaths() { // S-APP-2 (every call below is checked by Api.send)
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        // customer API
        assertEquals(200, owner.get("me").status());
        assertEquals(200, owner.get("account").status());
        assertEquals(200, owner.get("modules").status());
        ApiResponse created = owner.post("contacts", contact("Carla", "Contact", acc.email("carla-" + uid())));
        assertEquals(201, created.status());
        String contactId = created.text("id");
        assertEquals(200, owner.get("contacts?max=5").status());
        assertEquals(200, owner.get("contacts/" + contactId).status());
        assertEquals(200, owner.get("contacts/" + contactId + "/activity").status());
        assertEquals(400, owner.post("contacts", Map.of("firstName", "")).status());
        assertEquals(400, owner.postRaw("contacts", "application/json", "{").status());
        assertEquals(404, owner.get("contacts/no-such-contact").status());
        assertEquals(401, anonymous().get("me").status());
        String cloud = newCloud(owner, "Contract");
        assertEquals(201, owner.post("clouds/" + cloud + "/members", Map.of("contactId", newUser(acc, "user").contactId())).status());
        assertEquals(200, owner.get("clouds").status());
        assertEquals(200, owner.get("clouds/" + cloud).status());
        assertEquals(200, owner.get("clouds/" + cloud + "/members").status());
        assertEquals(200, owner.get("clouds/" + cloud + "/shares").status());
        assertEquals(200, owner.get("shares").status());
        assertEquals(409, owner.delete("clouds/" + cloud + "/members/" + acc.ownerContactId()).status(), "the last Cloud-Admin stays");
        assertEquals(204, owner.delete("contacts/" + contactId).status());
        // app API
        Api app = app();
        String product = "vm-" + uid();
        assertEquals(201, app.put("products/" + product, Map.of("name", "vm", "type", "server", "cloudId", cloud)).status());
        assertEquals(200, app.put("products/" + product, Map.of("name", "vm 2", "type", "server", "cloudId", cloud)).status());
        assertEquals(200, app.get("products/" + product).status());
        assertEquals(200, app.get("products?cloudId=" + cloud).status());
        assertEquals(200, app.get("permissions?userId=" + acc.ownerUserId()).status());
        assertEquals(200, app.get("check?userId=" + acc.ownerUserId() + "&cloudId=" + cloud + "&action=write").status());
        assertEquals(200, app.post("check", Map.of("userId", acc.ownerUserId(), "checks", List.of(Map.of("productId", product, "action", "move")))).status());
        assertEquals(400, app.get("check?cloudId=x&action=delete").status());
        Map<String, Object> question = Map.of("subject", Map.of("type", "user", "id", acc.ownerUserId()),
                "resource", Map.of("type", "cloud", "id", cloud), "action", Map.of("name", "order"));
        assertEquals(200, app.post("access/v1/evaluation", question).status());
        assertEquals(200, app.post("access/v1/evaluations", Map.of("evaluations", List.of(question, question))).status());
        assertEquals(400, app.post("access/v1/evaluation", Map.of()).status());
        assertEquals(204, app.delete("products/" + product).status());
        // staff API
        Api staff = staff();
        assertEquals(200, staff.get("accounts?search=" + acc.domain()).status());
        assertEquals(200, staff.get("accounts/" + acc.id()).status());
        assertEquals(200, staff.get("accounts/" + acc.id() + "/contacts").status());
        assertEquals(200, staff.get("accounts/" + acc.id() + "/clouds").status());
        assertEquals(200, staff.get("accounts/" + acc.id() + "/activity").status());
        assertEquals(200, staff.get("clouds/" + cloud + "/members").status());
        assertEquals(200, staff.get("owner-requests?status=PENDING").status());
        assertEquals(404, staff.get("accounts/no-such-account").status());
        assertEquals(400, staff.post("accounts", Map.of("name", "")).status());
    }
}
