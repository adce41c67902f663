package com.terminalacc.user;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.TerminalRole;

/**
 * S-ROL-3: an account always has at least one active Owner. Checked under the account lock by every operation that can
 * take an Owner away (role change, deactivation, deletion — also through Keycloak's admin console), so it holds under
 * concurrent requests and across cluster nodes.
 */
public class LastOwnerRule {

    private final RealmModel realm;
    private final KeycloakQueries queries;

    public LastOwnerRule(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.queries = new KeycloakQueries(Persistence.em(session), realm);
    }

    /** Enabled users of the account holding the Owner role; call with the account locked. */
    public long countOwners(String accountId) {
        RoleModel owner = realm.getRole(TerminalRole.OWNER.roleName());
        return owner == null ? 0 : queries.countEnabledWithRole(accountId, owner.getId());
    }

    /**
     * Refuses when an active user with role {@code current} is to lose the Owner role ({@code next} is its new role,
     * null when the login goes) and no other Owner remains. Call with the account locked.
     */
    public void require(String accountId, TerminalRole current, TerminalRole next) {
        if (current == TerminalRole.OWNER && next != TerminalRole.OWNER && countOwners(accountId) <= 1) {
            throw new TerminalException(ErrorCode.LAST_OWNER);
        }
    }

    /** After the Owner role was already taken in this transaction (Keycloak's admin console): is one left? */
    public void requireOneLeft(String accountId) {
        if (countOwners(accountId) == 0) {
            throw new TerminalException(ErrorCode.LAST_OWNER);
        }
    }
}
