package com.terminalacc.token;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The cloud map as the claim cache stores it (the store holds strings only). */
class ClaimCacheTest {

    @Test
    void cloudMapSurvivesTheRoundTrip() {
        Map<String, String> clouds = new TreeMap<>();
        clouds.put("4a1e0c3e-1111-4e7a-9d7e-0a1b2c3d4e5f", "rwoa");
        clouds.put("9b3c0c3e-2222-4e7a-9d7e-0a1b2c3d4e5f", "r");
        clouds.put("d2f80c3e-3333-4e7a-9d7e-0a1b2c3d4e5f", "ro");
        String encoded = ClaimCache.encode(clouds);
        assertEquals("4a1e0c3e-1111-4e7a-9d7e-0a1b2c3d4e5f:rwoa,9b3c0c3e-2222-4e7a-9d7e-0a1b2c3d4e5f:r,d2f80c3e-3333-4e7a-9d7e-0a1b2c3d4e5f:ro", encoded);
        assertEquals(clouds, ClaimCache.decode(encoded));
    }

    @Test
    void noCloudsIsAnEmptyMap() {
        assertEquals("", ClaimCache.encode(new TreeMap<>()));
        assertTrue(ClaimCache.decode("").isEmpty());
        assertTrue(ClaimCache.decode(null).isEmpty());
    }

    @Test
    void entriesExpireBeforeTheVersionsTheyWereCheckedAgainst() {
        assertTrue(ClaimCache.ENTRY_SECONDS < ClaimCache.VERSION_SECONDS, "a version must outlive every entry tagged before it");
    }
}
