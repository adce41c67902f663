package com.terminalacc.role;

import java.util.Locale;
import java.util.Optional;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The three Terminal roles, strictly ordered Owner &gt; Admin &gt; User (S-ROL-1). Each is a realm role of the same
 * name, so applications see it in {@code realm_access} and staff in the admin console.
 */
public enum TerminalRole {
    USER("terminal-user"),
    ADMIN("terminal-admin"),
    OWNER("terminal-owner");

    /** Realm role of provider staff (S-STF-1). */
    public static final String STAFF_ROLE = "terminal-staff";

    private final String roleName;

    TerminalRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    /** Lower-case wire form used in the API and token: {@code owner}, {@code admin}, {@code user}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isAbove(TerminalRole other) {
        return compareTo(other) > 0;
    }

    public RoleModel role(RealmModel realm) {
        RoleModel role = realm.getRole(roleName);
        if (role == null) {
            // The realm import creates them; a realm configured by hand gets them on first use.
            role = realm.addRole(roleName);
            role.setDescription("Terminal " + name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT));
        }
        return role;
    }

    /** The highest Terminal role granted directly to the user, if any. */
    public static Optional<TerminalRole> of(RealmModel realm, UserModel user) {
        for (int i = values().length - 1; i >= 0; i--) {
            TerminalRole r = values()[i];
            RoleModel role = realm.getRole(r.roleName);
            if (role != null && user.hasDirectRole(role)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public static Optional<TerminalRole> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (TerminalRole r : values()) {
            if (r.wire().equalsIgnoreCase(value.strip())) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
