package com.terminalacc.role;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.RealmModel;

/**
 * S-ROL-4 as configuration: realm attribute {@code terminal.rights.<right>} holds a comma-separated list of roles
 * ({@code owner,admin}). A missing attribute means the SPEC's default. Read per request from the (cached) realm.
 */
public final class RightsMatrix {

    public static final String ATTRIBUTE_PREFIX = "terminal.rights.";

    private final Map<Right, Set<TerminalRole>> grants;

    private RightsMatrix(Map<Right, Set<TerminalRole>> grants) {
        this.grants = grants;
    }

    public static RightsMatrix of(RealmModel realm) {
        Map<Right, Set<TerminalRole>> grants = new EnumMap<>(Right.class);
        for (Right right : Right.values()) {
            String configured = realm.getAttribute(ATTRIBUTE_PREFIX + right.key());
            grants.put(right, parse(configured == null ? right.defaultRoles() : configured));
        }
        return new RightsMatrix(grants);
    }

    /** The SPEC's defaults (S-ROL-4). */
    public static RightsMatrix defaults() {
        Map<Right, Set<TerminalRole>> grants = new EnumMap<>(Right.class);
        for (Right right : Right.values()) {
            grants.put(right, parse(right.defaultRoles()));
        }
        return new RightsMatrix(grants);
    }

    /** A matrix as given (rights missing from the map are held by nobody). */
    public static RightsMatrix of(Map<Right, Set<TerminalRole>> grants) {
        Map<Right, Set<TerminalRole>> copy = new EnumMap<>(Right.class);
        for (Right right : Right.values()) {
            copy.put(right, grants.containsKey(right) ? EnumSet.copyOf(grants.get(right).isEmpty() ? EnumSet.noneOf(TerminalRole.class) : grants.get(right)) : EnumSet.noneOf(TerminalRole.class));
        }
        return new RightsMatrix(copy);
    }

    public boolean allows(TerminalRole role, Right right) {
        return role != null && grants.get(right).contains(role);
    }

    public Set<Right> rightsOf(TerminalRole role) {
        Set<Right> rights = EnumSet.noneOf(Right.class);
        for (Map.Entry<Right, Set<TerminalRole>> e : grants.entrySet()) {
            if (e.getValue().contains(role)) {
                rights.add(e.getKey());
            }
        }
        return rights;
    }

    private static Set<TerminalRole> parse(String roles) {
        Set<TerminalRole> set = EnumSet.noneOf(TerminalRole.class);
        for (String part : roles.split(",")) {
            TerminalRole.fromWire(part).ifPresent(set::add);
        }
        return set;
    }
}
