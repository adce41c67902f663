package com.terminalacc.it.api;

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

/** Bad input gets a clear 4xx with a stable code, in German or English, and changes nothing. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class InputValidationIT extends AbstractTerminalIT {

    @Test
    void unicodeNamesAreAccepted() { // S-CON-1
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (List<String> name : List.of(List.of("Jürgen", "Müller"), List.of("Đorđe", "Đorđević"), List.of("小龍", "李"),
                List.of("Zoë", "O'Brien-Łukasiewicz"), List.of("<script>alert(1)</script>", "Tag"))) {
            ApiResponse r = owner.post("contacts", contact(name.get(0), name.get(1), acc.email("u" + uid())));
            assertEquals(201, r.status(), r.toString());
            assertEquals(name.get(0), r.text("firstName"));
            assertEquals(name.get(1), r.text("lastName"));
        }
    }

    @Test
    void namesAreTrimmedAndBlankNamesRejected() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse trimmed = owner.post("contacts", contact("  Tim ", "\tTrim\u00a0", "  " + acc.email("Tim.Trim") + " "));
        assertEquals(201, trimmed.status(), trimmed.toString());
        assertEquals("Tim", trimmed.text("firstName"));
        assertEquals("Trim", trimmed.text("lastName"));
        assertEquals(acc.email("tim.trim"), trimmed.text("email"), "e-mail normalised to lower case");

        ApiResponse blank = owner.post("contacts", contact("   ", "\u2003", acc.email("blank")));
        assertEquals(400, blank.status());
        assertEquals("validation_failed", blank.code());
        assertTrue(blank.fieldErrors().containsAll(List.of("firstName:field_blank", "lastName:field_blank")), blank.fieldErrors().toString());
        ApiResponse missing = owner.post("contacts", Map.of("email", acc.email("missing")));
        assertTrue(missing.fieldErrors().containsAll(List.of("firstName:field_required", "lastName:field_required")), missing.toString());
        ApiResponse control = owner.post("contacts", contact("Bell\u0007", "Null\u0000", acc.email("ctl")));
        assertEquals(400, control.status());
        assertTrue(control.fieldErrors().contains("firstName:field_invalid_characters"), control.fieldErrors().toString());
        ApiResponse tooLong = owner.post("contacts", contact("A".repeat(101), "B", acc.email("long")));
        assertTrue(tooLong.fieldErrors().contains("firstName:field_too_long"), tooLong.fieldErrors().toString());
        assertEquals(2, owner.get("contacts").body().get("total").asInt(), "only the owner and Tim exist");
    }

    @Test
    void invalidEmailsAreRejected() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        for (String email : List.of("plain", "a@b", "two@@" + acc.domain(), "spa ce@" + acc.domain(), "@" + acc.domain(),
                "x".repeat(250) + "@" + acc.domain())) {
            ApiResponse r = owner.post("contacts", contact("Bad", "Mail", email));
            assertEquals(400, r.status(), email + " -> " + r);
            assertTrue(r.fieldErrors().stream().anyMatch(e -> e.startsWith("email:")), r.toString());
        }
    }

    @Test
    void malformedBodiesGetStableCodes() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        assertCode(owner.postRaw("contacts", "application/json", "{\"firstName\": \"A\","), 400, "malformed_json");
        assertCode(owner.postRaw("contacts", "application/json", "not json at all"), 400, "malformed_json");
        assertCode(owner.postRaw("contacts", "application/json", ""), 400, "body_required");
        assertCode(owner.postRaw("contacts", "application/json", "null"), 400, "body_required");
        ApiResponse unknown = owner.post("contacts", Map.of("firstName", "A", "lastName", "B", "email", acc.email("ab"), "role", "owner"));
        assertCode(unknown, 400, "unknown_field");
        assertTrue(unknown.message().contains("role"), unknown.message());
        ApiResponse wrongType = owner.postRaw("contacts", "application/json",
                "{\"firstName\": \"A\", \"lastName\": \"B\", \"email\": \"" + acc.email("t") + "\", \"supportPermission\": \"maybe\"}");
        assertCode(wrongType, 400, "invalid_field_type");
        assertTrue(wrongType.message().contains("supportPermission"), wrongType.message());
        assertCode(owner.postRaw("contacts", "application/json", "[1,2,3]"), 400, "invalid_field_type");
        String huge = "{\"firstName\": \"" + "A".repeat(70_000) + "\", \"lastName\": \"B\", \"email\": \"" + acc.email("huge") + "\"}";
        assertCode(owner.postRaw("contacts", "application/json", huge), 413, "body_too_large");
        assertEquals(1, owner.get("contacts").body().get("total").asInt(), "no request above created anything");
    }

    @Test
    void messagesFollowAcceptLanguage() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        ApiResponse en = owner.language("en").post("contacts", contact("Ex", "Ternal", "x@outside-" + uid() + ".test"));
        ApiResponse de = owner.language("de").post("contacts", contact("Ex", "Ternal", "x@outside-" + uid() + ".test"));
        assertEquals(en.code(), de.code());
        assertTrue(en.message().startsWith("The e-mail address must belong"), en.message());
        assertTrue(de.message().startsWith("Die E-Mail-Adresse muss zu einer der Domains"), de.message());
        ApiResponse deField = owner.language("de").post("contacts", contact("", "B", acc.email("x")));
        assertEquals("Dieses Feld darf nicht leer sein.", deField.body().get("errors").get(0).get("message").asText());
        ApiResponse defaultLanguage = owner.language("fr").post("contacts", contact("", "B", acc.email("x")));
        assertEquals("Dieses Feld darf nicht leer sein.", defaultLanguage.body().get("errors").get(0).get("message").asText(),
                "unsupported languages fall back to the realm default, German");
    }

    private static void assertCode(ApiResponse r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.code(), r.toString());
        assertTrue(r.message() != null && !r.message().isBlank(), r.toString());
    }
}
