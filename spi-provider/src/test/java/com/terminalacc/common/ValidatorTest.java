package com.terminalacc.common;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pure input rules behind S-CON-1 and S-ACC-3; the API tests check the same against the server. */
class ValidatorTest {

    @Test
    void namesInAnyScriptAreTrimmedAndNormalised() {
        Validator v = new Validator();
        assertEquals("Đorđević", v.name("n", "  Đorđević\u00a0", true));
        assertEquals("李", v.name("n", "李", true));
        assertEquals("Müller", v.name("n", "Mu\u0308ller", true), "NFC: combining umlaut becomes one character");
        assertFalse(v.hasErrors());
    }

    @Test
    void blankControlAndTooLongNamesAreRejected() {
        Validator v = new Validator();
        assertNull(v.name("a", " \t ", true));
        assertNull(v.name("b", "Bell\u0007", true));
        assertNull(v.name("c", "x".repeat(101), true));
        assertNull(v.name("d", null, true));
        TerminalException e = assertThrows(TerminalException.class, v::throwIfInvalid);
        List<String> codes = e.getFieldErrors().stream().map(f -> f.field() + ":" + f.code().code()).toList();
        assertEquals(List.of("a:field_blank", "b:field_invalid_characters", "c:field_too_long", "d:field_required"), codes);
    }

    @Test
    void emailsAreLowerCasedAndChecked() {
        Validator v = new Validator();
        assertEquals("max.mueller@example.com", v.email("e", " Max.Mueller@Example.COM ", true));
        assertNull(v.email("e", "no-at-sign", true));
        assertNull(v.email("e", "a@b", true));
        assertTrue(v.hasErrors());
    }

    @Test
    void domainsAndTheirEmails() {
        assertTrue(Domains.isValid("example.com"));
        assertTrue(Domains.isValid("xn--mller-kva.de"));
        assertFalse(Domains.isValid("localhost"));
        assertFalse(Domains.isValid("http://example.com"));
        assertFalse(Domains.isValid("-bad.com"));
        assertFalse(Domains.isValid("example.123"));
        assertTrue(Domains.contains(List.of("example.com"), "a@example.com"));
        assertTrue(Domains.contains(List.of("example.com"), "a@it.example.com"), "sub-domains are inside");
        assertFalse(Domains.contains(List.of("example.com"), "a@badexample.com"));
    }

    @Test
    void pagingBounds() {
        assertEquals(new Paging(0, 20), Paging.of(null, null));
        assertEquals(new Paging(40, 100), Paging.of("40", "100"));
        assertThrows(TerminalException.class, () -> Paging.of("-1", "10"));
        assertThrows(TerminalException.class, () -> Paging.of("0", "101"));
        assertThrows(TerminalException.class, () -> Paging.of("x", "10"));
    }
}
