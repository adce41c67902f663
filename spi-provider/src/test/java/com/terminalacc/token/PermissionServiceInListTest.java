package com.terminalacc.token;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The padded {@code in} lists of the decisions: few query forms, every id asked about bound. */
class PermissionServiceInListTest {

    @Test
    void sizesAreRoundedUpToPowersOfTwo() {
        assertEquals(1, PermissionService.paddedSize(0));
        assertEquals(1, PermissionService.paddedSize(1));
        assertEquals(2, PermissionService.paddedSize(2));
        assertEquals(4, PermissionService.paddedSize(3));
        assertEquals(4, PermissionService.paddedSize(4));
        assertEquals(8, PermissionService.paddedSize(5));
        assertEquals(32, PermissionService.paddedSize(20));
        assertEquals(128, PermissionService.paddedSize(PermissionService.MAX_CHECKS));
    }

    @Test
    void parametersNameEachPosition() {
        assertEquals("(:id0)", PermissionService.parameters(List.of("a")));
        assertEquals("(:id0, :id1, :id2, :id3)", PermissionService.parameters(List.of("a", "b", "c")));
    }
}
