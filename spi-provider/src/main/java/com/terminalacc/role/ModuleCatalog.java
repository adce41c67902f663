package com.terminalacc.role;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;

/**
 * S-MOD-1: module permissions are client roles of the client {@value #CLIENT_ID}; a module is a role {@code name},
 * its extra rights are roles {@code name:right}. The catalogue is therefore configuration (the realm import, or the
 * admin console), and granted permissions appear in {@code resource_access} of tokens.
 */
public final class ModuleCatalog {

    public static final String CLIENT_ID = "terminal-modules";

    private final ClientModel client;
    private final Map<String, RoleModel> roles = new TreeMap<>();

    private ModuleCatalog(ClientModel client) {
        this.client = client;
        if (client != null) {
            client.getRolesStream().forEach(r -> roles.put(r.getName(), r));
        }
    }

    public static ModuleCatalog of(RealmModel realm) {
        return new ModuleCatalog(realm.getClientByClientId(CLIENT_ID));
    }

    /** All permission names, modules and extra rights, sorted. */
    public List<String> names() {
        return new ArrayList<>(roles.keySet());
    }

    /** The catalogue as {@code [{name, description, rights: [{name, description}]}]}, for clients and the UI. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> modules = new ArrayList<>();
        for (RoleModel role : roles.values()) {
            if (role.getName().contains(":")) {
                continue;
            }
            List<Map<String, Object>> rights = new ArrayList<>();
            for (RoleModel r : roles.values()) {
                if (r.getName().startsWith(role.getName() + ":")) {
                    rights.add(Map.of("name", r.getName(), "description", nullToEmpty(r.getDescription())));
                }
            }
            modules.add(Map.of("name", role.getName(), "description", nullToEmpty(role.getDescription()), "rights", rights));
        }
        return modules;
    }

    /**
     * Checks requested names against the catalogue (400 {@code unknown_module} listing the valid ones) and adds the
     * module of every extra right: {@code clouds:move-products} implies {@code clouds}.
     */
    public Set<String> normalize(Collection<String> requested) {
        Set<String> result = new TreeSet<>();
        if (requested == null) {
            return result;
        }
        List<String> unknown = new ArrayList<>();
        for (String raw : requested) {
            String name = raw == null ? "" : raw.strip();
            if (!roles.containsKey(name)) {
                unknown.add(name);
                continue;
            }
            result.add(name);
            int colon = name.indexOf(':');
            if (colon > 0 && roles.containsKey(name.substring(0, colon))) {
                result.add(name.substring(0, colon));
            }
        }
        if (!unknown.isEmpty()) {
            throw new TerminalException(ErrorCode.UNKNOWN_MODULE, String.join(", ", unknown), String.join(", ", names()));
        }
        return result;
    }

    /** The permissions the user holds directly. */
    public Set<String> held(UserModel user) {
        Set<String> held = new TreeSet<>();
        for (RoleModel role : roles.values()) {
            if (user.hasDirectRole(role)) {
                held.add(role.getName());
            }
        }
        return held;
    }

    public void grant(UserModel user, String name) {
        user.grantRole(roles.get(name));
    }

    public void revoke(UserModel user, String name) {
        user.deleteRoleMapping(roles.get(name));
    }

    public boolean exists() {
        return client != null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
