package com.terminalacc.auth;

import java.util.Set;

import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.TerminalSettings;
import com.terminalacc.role.TerminalRole;

/**
 * S-STF-1 — who is staff, one definition for the staff API and the staff area: users of the realm holding the realm
 * role {@value TerminalRole#STAFF_ROLE} (read and change), and realm administrators as Keycloak's own admin
 * permissions say (manage-realm: read and change; view-realm: read).
 *
 * <p>S-ISO-2 — the staff API takes only tokens meant for staff work: issued by Keycloak's own admin clients
 * ({@code admin-cli}, {@code security-admin-console}), or carrying the staff audience
 * ({@value TerminalSettings#DEFAULT_STAFF_AUDIENCE}, added by the client scope {@code terminal-staff}), or a service
 * account's own token from the master realm. The staff role must be in the token's scope, as Keycloak's own admin
 * checks require for theirs. A token a staff user obtained for any other application answers 401
 * {@code token_audience}.
 */
public final class StaffAuthenticator {

    private static final Set<String> ADMIN_CLIENTS = Set.of(Constants.ADMIN_CLI_CLIENT_ID, Constants.ADMIN_CONSOLE_CLIENT_ID);

    private StaffAuthenticator() {
    }

    /** The staff actor of a staff API request (Keycloak's admin authentication has run). */
    public static Actor forApi(RealmModel realm, AdminPermissionEvaluator auth) {
        AdminAuth admin = auth.adminAuth();
        AccessToken token = admin.getToken();
        UserModel user = admin.getUser();
        boolean sameRealm = realm.getId().equals(admin.getRealm().getId());
        ClientModel client = admin.getClient();
        boolean adminClient = client != null && ADMIN_CLIENTS.contains(client.getClientId());
        boolean staffAudience = sameRealm && token.hasAudience(TerminalSettings.staffAudience(realm));
        boolean serviceAccount = !sameRealm && user != null && user.getServiceAccountClientLink() != null;
        if (!adminClient && !staffAudience && !serviceAccount) {
            throw new TerminalException(ErrorCode.TOKEN_AUDIENCE, TerminalSettings.staffAudience(realm));
        }
        boolean staffRole = sameRealm && holdsStaffRole(realm, user) && token.getRealmAccess() != null
                && token.getRealmAccess().isUserInRole(TerminalRole.STAFF_ROLE);
        return decide(user, staffRole, auth);
    }

    /** The staff actor of a signed-in user of the realm (the staff area), or null when it is no staff. */
    public static Actor forUser(KeycloakSession session, RealmModel realm, UserModel user, AdminAuth adminAuth) {
        try {
            return decide(user, holdsStaffRole(realm, user), AdminPermissions.evaluator(session, realm, adminAuth));
        } catch (TerminalException e) {
            return null;
        }
    }

    private static Actor decide(UserModel user, boolean staffRole, AdminPermissionEvaluator keycloak) {
        if (staffRole || keycloak.realm().canManageRealm()) {
            return Actor.staff(user, true);
        }
        if (keycloak.realm().canViewRealm()) {
            return Actor.staff(user, false);
        }
        throw new TerminalException(ErrorCode.STAFF_ONLY);
    }

    private static boolean holdsStaffRole(RealmModel realm, UserModel user) {
        RoleModel staff = realm.getRole(TerminalRole.STAFF_ROLE);
        return staff != null && user != null && user.hasRole(staff);
    }
}
