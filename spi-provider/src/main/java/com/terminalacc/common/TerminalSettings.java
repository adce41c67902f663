package com.terminalacc.common;

import org.keycloak.models.RealmModel;

/**
 * Realm-level settings of the extension, as realm attributes (set by the realm import, editable in the admin
 * console under Realm settings → attributes via the admin REST API). Each has a documented default.
 */
public final class TerminalSettings {

    /** Where customers reach support, shown when the ACC is disabled (S-ACC-4). */
    public static final String SUPPORT_CONTACT = "terminal.supportContact";
    public static final String DEFAULT_SUPPORT_CONTACT = "support@example.com";

    /**
     * The audience a user's access token must carry to be accepted by the customer API and the applications' API
     * (the {@code terminal} client scope adds it), so that a token issued to some other client of the realm cannot
     * act on the customer's account.
     */
    public static final String API_AUDIENCE = "terminal.api.audience";
    public static final String DEFAULT_API_AUDIENCE = "terminal-api";

    /**
     * The audience a token of a user of this realm must carry for the staff API (the {@code terminal-staff} client
     * scope adds it), so that a staff member's token issued to some other application cannot act as staff (S-ISO-2).
     */
    public static final String STAFF_AUDIENCE = "terminal.staff.audience";
    public static final String DEFAULT_STAFF_AUDIENCE = "terminal-staff-api";

    private TerminalSettings() {
    }

    public static String staffAudience(RealmModel realm) {
        return get(realm, STAFF_AUDIENCE, DEFAULT_STAFF_AUDIENCE);
    }

    public static String apiAudience(RealmModel realm) {
        return get(realm, API_AUDIENCE, DEFAULT_API_AUDIENCE);
    }

    public static String supportContact(RealmModel realm) {
        return get(realm, SUPPORT_CONTACT, DEFAULT_SUPPORT_CONTACT);
    }

    public static String get(RealmModel realm, String key, String fallback) {
        String value = realm.getAttribute(key);
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static long getLong(RealmModel realm, String key, long fallback) {
        String value = realm.getAttribute(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
