package com.terminalacc.it.token;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-APP-1: the OpenID AuthZEN Authorization API 1.0 — conformance with the standard's examples (request shape, defaults,
 * evaluation semantics, errors, metadata, request ids), and the same answers as the check API (S-TOK-2, S-TOK-3).
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class AuthZenIT extends AbstractTerminalIT {

    static final String PDP = Api.BASE + "/realms/" + REALM;

    /** A user with read+write on one cloud, a product in it, and a second cloud the user is not in. */
    record Setup(TestAccount account, TestUser user, String cloud, String otherCloud, String product) {
    }

    private Setup setup() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "AuthZEN");
        String other = newCloud(owner, "Not mine");
        assertEquals(201, owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "write", true)).status());
        String product = "vm-" + uid();
        assertEquals(201, app().put("products/" + product, Map.of("name", "vm", "type", "server", "cloudId", cloud)).status());
        return new Setup(acc, user, cloud, other, product);
    }

    private static Map<String, Object> user(String id) {
        return Map.of("type", "user", "id", id);
    }

    private static Map<String, Object> resource(String type, String id) {
        return Map.of("type", type, "id", id);
    }

    private static Map<String, Object> action(String name) {
        return Map.of("name", name);
    }

    private static Map<String, Object> evaluation(Object subject, Object resource, Object action) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (subject != null) {
            m.put("subject", subject);
        }
        if (resource != null) {
            m.put("resource", resource);
        }
        if (action != null) {
            m.put("action", action);
        }
        return m;
    }

    private static List<Boolean> decisions(ApiResponse r) {
        List<Boolean> list = new ArrayList<>();
        r.body().get("evaluations").forEach(d -> list.add(d.get("decision").asBoolean()));
        return list;
    }

    // ---- metadata (AuthZEN §9)

    @Test
    void metadataAtTheStandardsWellKnownPlaceNamesThePdpAndItsEndpoints() { // S-APP-1
        // the well-known string inserted between host and path of the PDP identifier https://host/realms/terminal
        ApiResponse standard = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/.well-known/authzen-configuration/realms/" + REALM)).GET());
        assertEquals(200, standard.status(), standard.toString());
        assertTrue(standard.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertEquals(PDP, standard.text("policy_decision_point"), "identical to the identifier the metadata URL was made from");
        assertEquals(PDP + "/acc/app/access/v1/evaluation", standard.text("access_evaluation_endpoint"));
        assertEquals(PDP + "/acc/app/access/v1/evaluations", standard.text("access_evaluations_endpoint"));
        assertFalse(standard.body().has("search_subject_endpoint"), "absent: no search APIs");
        assertFalse(standard.body().has("capabilities"), "parameters without values are omitted");
        // and at Keycloak's usual place for realm metadata
        ApiResponse realmLevel = Api.send(HttpRequest.newBuilder(URI.create(PDP + "/.well-known/authzen-configuration")).GET());
        assertEquals(200, realmLevel.status(), realmLevel.toString());
        assertEquals(standard.body(), realmLevel.body());
    }

    @Test
    void aPepFindsTheEndpointThroughTheMetadata() { // S-APP-1
        Setup s = setup();
        JsonNode metadata = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE + "/.well-known/authzen-configuration/realms/" + REALM)).GET()).body();
        String endpoint = metadata.get("access_evaluation_endpoint").asText();
        Api pep = new Api(endpoint, appToken());
        ApiResponse r = pep.post("", evaluation(user(s.user().userId()), resource("cloud", s.cloud()), action("write")));
        assertEquals(200, r.status(), r.toString());
        assertEquals("{\"decision\":true}", r.raw());
    }

    private java.util.function.Supplier<String> appToken() {
        String id = realm.admin().clients().findByClientId("terminal-backend").get(0).getId();
        String secret = realm.admin().clients().get(id).getSecret().getValue();
        String token = Api.clientToken(REALM, "terminal-backend", secret);
        return () -> token;
    }

    // ---- Access Evaluation (§6) answers like the check API

    @Test
    void evaluationAnswersLikeTheCheckApi() { // S-APP-1, S-TOK-2
        Setup s = setup();
        String unknownProduct = "unknown-" + uid();
        List<Map<String, Object>> questions = List.of(
                Map.of("cloudId", s.cloud(), "action", "read"),
                Map.of("cloudId", s.cloud(), "action", "write"),
                Map.of("cloudId", s.cloud(), "action", "order"),
                Map.of("cloudId", s.cloud(), "action", "move"),
                Map.of("cloudId", s.otherCloud(), "action", "read"),
                Map.of("productId", s.product(), "action", "write"),
                Map.of("productId", s.product(), "action", "move"),
                Map.of("productId", unknownProduct, "action", "read"));
        ApiResponse check = app().post("check", Map.of("userId", s.user().userId(), "checks", questions));
        assertEquals(200, check.status(), check.toString());
        List<String> reasons = List.of("", "", "permission_missing", "permission_missing", "no_access", "", "permission_missing", "no_access");
        for (int i = 0; i < questions.size(); i++) {
            Map<String, Object> q = questions.get(i);
            Object resource = q.containsKey("cloudId") ? resource("cloud", (String) q.get("cloudId")) : resource("product", (String) q.get("productId"));
            ApiResponse r = app().post("access/v1/evaluation", evaluation(user(s.user().userId()), resource, action((String) q.get("action"))));
            assertEquals(200, r.status(), r.toString());
            boolean allowed = check.body().get("results").get(i).get("allowed").asBoolean();
            assertEquals(allowed, r.body().get("decision").asBoolean(), "question " + i + ": " + r.raw());
            if (allowed) {
                assertFalse(r.body().has("context"), r.raw());
            } else {
                assertEquals(reasons.get(i), r.text("context/reason"), "question " + i);
            }
            assertTrue(r.headers().firstValue("Server-Timing").orElse("").matches("acc;dur=\\d+\\.\\d\\d"));
        }
    }

    @Test
    void theStandardsExampleRequestWithPropertiesAndContext() { // S-APP-1, AuthZEN §6.1 example
        Setup s = setup();
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", Map.of("type", "user", "id", s.user().userId(), "properties", Map.of("department", "Sales")));
        request.put("resource", Map.of("type", "cloud", "id", s.cloud(), "properties", Map.of("library_record", Map.of("title", "x"))));
        request.put("action", Map.of("name", "read", "properties", Map.of("method", "GET")));
        request.put("context", Map.of("time", "1985-10-26T01:22-07:00"));
        request.put("some_future_field", List.of(1, 2)); // unknown fields are ignored (§10.1.1)
        ApiResponse r = app().post("access/v1/evaluation", request);
        assertEquals(200, r.status(), r.toString());
        assertEquals(true, r.body().get("decision").asBoolean());
    }

    @Test
    void moveNeedsTheModuleRightAndSaysSo() { // S-APP-1, S-CLD-8
        TestAccount acc = newBusinessAccount();
        TestUser without = newUser(acc, "admin");
        TestUser with = newUser(acc, "admin", "clouds:move-products");
        String c1 = newCloud(as(without.email()), "Move w/o");
        String c2 = newCloud(as(with.email()), "Move with");
        ApiResponse refused = appAs(without.email()).post("access/v1/evaluation", evaluation(user(without.userId()), resource("cloud", c1), action("move")));
        assertEquals(false, refused.body().get("decision").asBoolean(), refused.raw());
        assertEquals("move_right_required", refused.text("context/reason"));
        ApiResponse allowed = appAs(with.email()).post("access/v1/evaluation", evaluation(user(with.userId()), resource("cloud", c2), action("move")));
        assertEquals("{\"decision\":true}", allowed.raw());
    }

    @Test
    void decisionsChangeAtOnce() { // S-APP-1, S-TOK-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Immediate AuthZEN");
        Api self = appAs(user.email()); // one token for the whole test
        Map<String, Object> question = evaluation(user(user.userId()), resource("cloud", cloud), action("write"));
        assertEquals("no_access", self.post("access/v1/evaluation", question).text("context/reason"));
        owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId()));
        assertEquals("permission_missing", self.post("access/v1/evaluation", question).text("context/reason"));
        owner.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("write", true));
        assertEquals("{\"decision\":true}", self.post("access/v1/evaluation", question).raw());
        owner.delete("clouds/" + cloud + "/members/" + user.contactId());
        assertEquals("no_access", self.post("access/v1/evaluation", question).text("context/reason"));
    }

    @Test
    void unknownOrNonCustomerSubjectsMayDoNothing() { // S-APP-1
        ApiResponse r = app().post("access/v1/evaluation", evaluation(user("no-such-user-" + uid()), resource("cloud", "x"), action("read")));
        assertEquals(200, r.status(), r.toString());
        assertEquals(false, r.body().get("decision").asBoolean());
        assertEquals("subject_unknown", r.text("context/reason"));
    }

    @Test
    void typesAndActionsThisPdpDoesNotKnowAreRefusedWithTheirReason() { // S-APP-1, AuthZEN §7.2: decisions default to closed
        Setup s = setup();
        ApiResponse r = app().post("access/v1/evaluations", Map.of(
                "subject", user(s.user().userId()),
                "evaluations", List.of(
                        evaluation(Map.of("type", "group", "id", "sales"), resource("cloud", s.cloud()), action("read")),
                        evaluation(null, resource("document", "boxcarring.md"), action("read")),
                        evaluation(null, resource("cloud", s.cloud()), action("can_read")),
                        evaluation(null, resource("cloud", s.cloud()), action("read")))));
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of(false, false, false, true), decisions(r));
        assertEquals("unsupported_subject_type", r.text("evaluations/0/context/reason"));
        assertEquals("unsupported_resource_type", r.text("evaluations/1/context/reason"));
        assertEquals("unsupported_action", r.text("evaluations/2/context/reason"));
    }

    // ---- Access Evaluations (§7): defaults, semantics

    @Test
    void boxcarWithoutDefaults() { // S-APP-1, AuthZEN §7.1 example 1
        Setup s = setup();
        Map<String, Object> context = Map.of("time", "2024-05-31T15:22-07:00");
        List<Map<String, Object>> items = new ArrayList<>();
        for (String cloud : List.of(s.cloud(), s.otherCloud(), s.cloud())) {
            Map<String, Object> e = evaluation(user(s.user().userId()), resource("cloud", cloud), action("read"));
            e.put("context", context);
            items.add(e);
        }
        ApiResponse r = app().post("access/v1/evaluations", Map.of("evaluations", items));
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of(true, false, true), decisions(r));
        assertFalse(r.body().has("decision"), "the top-level decision is omitted in a batch (§7.2)");
    }

    @Test
    void topLevelValuesAreDefaultsThatEvaluationsOverride() { // S-APP-1, AuthZEN §7.1.1 examples
        Setup s = setup();
        TestUser stranger = newUser(s.account(), "user");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", user(s.user().userId()));
        request.put("context", Map.of("time", "2024-05-31T15:22-07:00"));
        request.put("action", action("read"));
        request.put("evaluations", List.of(
                evaluation(null, resource("cloud", s.cloud()), null),
                evaluation(null, resource("product", s.product()), null),
                evaluation(null, resource("cloud", s.cloud()), action("order")), // overrides the action
                evaluation(user(stranger.userId()), resource("cloud", s.cloud()), null))); // overrides the subject
        ApiResponse r = app().post("access/v1/evaluations", request);
        assertEquals(200, r.status(), r.toString());
        assertEquals(List.of(true, true, false, false), decisions(r));
        assertEquals("permission_missing", r.text("evaluations/2/context/reason"));
        assertEquals("no_access", r.text("evaluations/3/context/reason"));
    }

    @Test
    void threeSemanticsOnTheStandardsExample() { // S-APP-1, AuthZEN §7.1.2.1: read on documents 1, 2, 3 → true, false, true
        Setup s = setup();
        List<Map<String, Object>> items = List.of(
                evaluation(null, resource("cloud", s.cloud()), null),
                evaluation(null, resource("cloud", s.otherCloud()), null),
                evaluation(null, resource("cloud", s.cloud()), null));
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("subject", user(s.user().userId()));
        request.put("action", action("read"));
        request.put("evaluations", items);

        assertEquals(List.of(true, false, true), decisions(app().post("access/v1/evaluations", request)), "default: execute_all");
        request.put("options", Map.of("evaluations_semantic", "execute_all", "another_option", "value"));
        assertEquals(List.of(true, false, true), decisions(app().post("access/v1/evaluations", request)));

        request.put("options", Map.of("evaluations_semantic", "deny_on_first_deny"));
        ApiResponse deny = app().post("access/v1/evaluations", request);
        assertEquals(List.of(true, false), decisions(deny), deny.raw());
        assertEquals("no_access", deny.text("evaluations/1/context/reason"));

        request.put("options", Map.of("evaluations_semantic", "permit_on_first_permit"));
        assertEquals(List.of(true), decisions(app().post("access/v1/evaluations", request)));
    }

    @Test
    void withoutAnEvaluationsArrayTheBatchIsOneEvaluation() { // S-APP-1, AuthZEN §7.1
        Setup s = setup();
        Map<String, Object> single = evaluation(user(s.user().userId()), resource("cloud", s.cloud()), action("write"));
        assertEquals("{\"decision\":true}", app().post("access/v1/evaluations", single).raw());
        Map<String, Object> empty = new LinkedHashMap<>(single);
        empty.put("evaluations", List.of());
        assertEquals("{\"decision\":true}", app().post("access/v1/evaluations", empty).raw());
    }

    // ---- who may ask, errors (§10.1.2), request ids (§10.1.3)

    @Test
    void aUserAsksOnlyAboutItselfAndAnonymousCallersNotAtAll() { // S-APP-1
        Setup s = setup();
        Api self = appAs(s.user().email());
        assertEquals("{\"decision\":true}", self.post("access/v1/evaluation", evaluation(user(s.user().userId()), resource("cloud", s.cloud()), action("read"))).raw());
        ApiResponse other = self.post("access/v1/evaluation", evaluation(user(s.account().ownerUserId()), resource("cloud", s.cloud()), action("read")));
        assertEquals(403, other.status(), other.toString());
        assertEquals("app_role_required", other.code());
        ApiResponse mixed = self.post("access/v1/evaluations", Map.of("action", action("read"), "resource", resource("cloud", s.cloud()),
                "evaluations", List.of(Map.of("subject", user(s.user().userId())), Map.of("subject", user(s.account().ownerUserId())))));
        assertEquals(403, mixed.status(), "one question about someone else refuses the whole batch");
        ApiResponse anonymous = new Api(PDP + "/acc/app", () -> null).post("access/v1/evaluation",
                evaluation(user(s.user().userId()), resource("cloud", s.cloud()), action("read")));
        assertEquals(401, anonymous.status());
        assertEquals("not_authenticated", anonymous.code());
    }

    @Test
    void missingRequiredAttributesAreBadRequests() { // S-APP-1, AuthZEN §10.1.1: a missing required attribute is 400
        Setup s = setup();
        ApiResponse noSubject = app().language("de").post("access/v1/evaluation", evaluation(null, resource("cloud", s.cloud()), action("read")));
        assertEquals(400, noSubject.status());
        assertEquals("validation_failed", noSubject.code());
        assertEquals(List.of("subject:field_required"), noSubject.fieldErrors());
        assertTrue(noSubject.message() != null && !noSubject.message().isBlank());

        ApiResponse parts = app().post("access/v1/evaluation", evaluation(Map.of("type", "user"), Map.of("id", "x"), Map.of("properties", Map.of())));
        assertEquals(List.of("subject.id:field_required", "resource.type:field_required", "action.name:field_required"), parts.fieldErrors());

        // an evaluation that omits a key the request gives no default for (§7.1.1)
        ApiResponse batch = app().post("access/v1/evaluations", Map.of("subject", user(s.user().userId()), "action", action("read"),
                "evaluations", List.of(Map.of("resource", resource("cloud", s.cloud())), Map.of("action", action("write")))));
        assertEquals(400, batch.status(), batch.toString());
        assertEquals(List.of("evaluations[1].resource:field_required"), batch.fieldErrors());

        ApiResponse semantic = app().post("access/v1/evaluations", Map.of("subject", user(s.user().userId()), "action", action("read"),
                "options", Map.of("evaluations_semantic", "first_one_wins"),
                "evaluations", List.of(Map.of("resource", resource("cloud", s.cloud())))));
        assertEquals(List.of("options.evaluations_semantic:value_not_allowed"), semantic.fieldErrors());
    }

    @Test
    void malformedBodiesAreBadRequestsInOurErrorShape() { // S-APP-1
        ApiResponse malformed = app().postRaw("access/v1/evaluation", "application/json", "{\"subject\":");
        assertEquals(400, malformed.status());
        assertEquals("malformed_json", malformed.code());
        ApiResponse notAnObject = app().postRaw("access/v1/evaluation", "application/json", "[1,2]");
        assertEquals("invalid_field_type", notAnObject.code());
        ApiResponse wrongType = app().post("access/v1/evaluation", Map.of("subject", "alice@example.com", "resource", resource("cloud", "x"), "action", action("read")));
        assertEquals(400, wrongType.status());
        assertEquals("invalid_field_type", wrongType.code());
        assertTrue(wrongType.message().contains("subject"), wrongType.message());
        ApiResponse idNotAString = app().post("access/v1/evaluation", Map.of("subject", Map.of("type", "user", "id", 42), "resource", resource("cloud", "x"), "action", action("read")));
        assertEquals("invalid_field_type", idNotAString.code());
        ApiResponse empty = app().postRaw("access/v1/evaluation", "application/json", "");
        assertEquals("body_required", empty.code());
        ApiResponse tooMany = app().post("access/v1/evaluations", Map.of("subject", user("u"), "action", action("read"),
                "evaluations", Collections.nCopies(101, Map.of("resource", resource("cloud", "x")))));
        assertEquals(400, tooMany.status());
        assertEquals("too_many_checks", tooMany.code());
    }

    @Test
    void theRequestIdIsEchoed() { // S-APP-1, AuthZEN §10.1.3
        Setup s = setup();
        String requestId = "bfe9eb29-ab87-4ca3-be83-a1d5d8305716";
        String token = appToken().get();
        ApiResponse ok = Api.send(HttpRequest.newBuilder(URI.create(PDP + "/acc/app/access/v1/evaluation"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{\"subject\":{\"type\":\"user\",\"id\":\"" + s.user().userId()
                        + "\"},\"resource\":{\"type\":\"cloud\",\"id\":\"" + s.cloud() + "\"},\"action\":{\"name\":\"read\"}}")));
        assertEquals(200, ok.status(), ok.toString());
        assertEquals(requestId, ok.headers().firstValue("X-Request-ID").orElse(null));
        ApiResponse bad = Api.send(HttpRequest.newBuilder(URI.create(PDP + "/acc/app/access/v1/evaluations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("X-Request-ID", requestId)
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(requestId, bad.headers().firstValue("X-Request-ID").orElse(null), "also on errors");
        ApiResponse without = app().post("access/v1/evaluation", evaluation(user(s.user().userId()), resource("cloud", s.cloud()), action("read")));
        assertNull(without.headers().firstValue("X-Request-ID").orElse(null));
    }
}
