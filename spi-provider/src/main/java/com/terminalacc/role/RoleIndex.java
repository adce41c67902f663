package com.terminalacc.role;

import java.util.HashMap;
import java.util.Map;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The Keycloak roles that carry Terminal meaning, by id: the three Terminal roles and the module permissions (client
 * roles of {@value ModuleCatalog#CLIENT_ID}). Built per request from the cached realm so that role mappings of many
 * users can be read with one query and no per-row lookups.
 */
public final class RoleIndex {

    private final Map<String, TerminalRole> terminalRoles = new HashMap<>();
    private final Map<String, String> modules = new HashMap<>();

    public RoleIndex(RealmModel realm) {
        for (TerminalRole r : TerminalRole.values()) {
            RoleModel role = realm.getRole(r.roleName());
            if (role != null) {
                terminalRoles.put(role.getId(), r);
            }
        }
        ClientModel client = realm.getClientByClientId(ModuleCatalog.CLIENT_ID);
        if (client != null) {
            client.getRolesStream().forEach(role -> modules.put(role.getId(), role.getName()));
        }
    }

    public TerminalRole terminalRole(String roleId) {
        return terminalRoles.get(roleId);
    }

    public String module(String roleId) {
        return modules.get(roleId);
    }

    public java.util.Set<String> ids() {
        java.util.Set<String> ids = new java.util.HashSet<>(terminalRoles.keySet());
        ids.addAll(modules.keySet());
        return ids;
    }
}
