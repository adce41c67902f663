package com.terminalacc.auth;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.TerminalRole;

/**
 * S-STF-1: provider staff are realm administrators (Keycloak's own admin permissions: view-realm to read,
 * manage-realm to change) or users of the realm holding the {@value TerminalRole#STAFF_ROLE} realm role.
 */
public final class StaffAuthenticator {

    private StaffAuthenticator() {
    }

    public static Actor require(RealmModel realm, AdminPermissionEvaluator auth, boolean write) {
        UserModel user = auth.adminAuth().getUser();
        boolean admin = write ? auth.realm().canManageRealm() : auth.realm().canViewRealm();
        if (admin || isStaff(realm, auth)) {
            return Actor.staff(user);
        }
        throw new TerminalException(ErrorCode.STAFF_ONLY);
    }

    private static boolean isStaff(RealmModel realm, AdminPermissionEvaluator auth) {
        if (!realm.getId().equals(auth.adminAuth().getRealm().getId())) {
            return false;
        }
        RoleModel staff = realm.getRole(TerminalRole.STAFF_ROLE);
        UserModel user = auth.adminAuth().getUser();
        return staff != null && user != null && user.hasRole(staff);
    }
}
