package com.terminalacc.common;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Request bodies are read as they are typed: no coercion, no duplicate keys, no nulls in lists (issue 12). */
class JsonBodiesTest {

    record Body(String name, Boolean flag, List<String> list, Inner inner) {
    }

    record Inner(String value) {
    }

    private static Body read(String json) {
        return JsonBodies.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), Body.class);
    }

    private static void assertRefused(String json, ErrorCode code, String field) {
        TerminalException e = assertThrows(TerminalException.class, () -> read(json), json);
        assertEquals(code, e.getCode(), json);
        assertEquals(field, e.getFieldErrors().get(0).field(), json);
    }

    @Test
    void wellTypedBodiesAreRead() {
        Body b = read("{\"name\":\"A\",\"flag\":false,\"list\":[\"x\",\"\"],\"inner\":{\"value\":\"\"}}");
        assertEquals(new Body("A", false, List.of("x", ""), new Inner("")), b);
        assertEquals(new Body(null, null, null, null), read("{\"name\":null,\"flag\":null}"));
    }

    @Test
    void scalarsAreNotCoerced() {
        assertRefused("{\"name\":123}", ErrorCode.INVALID_FIELD_TYPE, "name");
        assertRefused("{\"name\":1.5}", ErrorCode.INVALID_FIELD_TYPE, "name");
        assertRefused("{\"name\":true}", ErrorCode.INVALID_FIELD_TYPE, "name");
        assertRefused("{\"name\":{}}", ErrorCode.INVALID_FIELD_TYPE, "name");
        assertRefused("{\"name\":[\"a\"]}", ErrorCode.INVALID_FIELD_TYPE, "name");
        assertRefused("{\"flag\":\"true\"}", ErrorCode.INVALID_FIELD_TYPE, "flag");
        assertRefused("{\"flag\":\"\"}", ErrorCode.INVALID_FIELD_TYPE, "flag");
        assertRefused("{\"flag\":1}", ErrorCode.INVALID_FIELD_TYPE, "flag");
        assertRefused("{\"flag\":0}", ErrorCode.INVALID_FIELD_TYPE, "flag");
        assertRefused("{\"list\":\"x\"}", ErrorCode.INVALID_FIELD_TYPE, "list");
        assertRefused("{\"list\":[1]}", ErrorCode.INVALID_FIELD_TYPE, "list[0]");
        assertRefused("{\"list\":[\"a\",null]}", ErrorCode.INVALID_FIELD_TYPE, "list[1]");
        assertRefused("{\"inner\":\"x\"}", ErrorCode.INVALID_FIELD_TYPE, "inner");
        assertRefused("{\"inner\":{\"value\":false}}", ErrorCode.INVALID_FIELD_TYPE, "inner.value");
    }

    @Test
    void duplicateKeysAreRefused() {
        assertRefused("{\"name\":\"a\",\"name\":\"b\"}", ErrorCode.DUPLICATE_FIELD, "name");
        assertRefused("{\"inner\":{\"value\":\"a\",\"value\":\"a\"}}", ErrorCode.DUPLICATE_FIELD, "value");
    }

    @Test
    void deepNestingIsRefusedEarly() {
        TerminalException e = assertThrows(TerminalException.class, () -> read("[".repeat(10_000) + "]".repeat(10_000)));
        assertEquals(400, e.getCode().status().getStatusCode());
    }
}
