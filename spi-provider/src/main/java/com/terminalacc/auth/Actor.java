package com.terminalacc.auth;

import org.keycloak.models.UserModel;

import com.terminalacc.role.TerminalRole;

/**
 * Who performs an operation: a customer user acting inside its own account, or provider staff (S-STF-1).
 * The service layer takes an Actor on every call and decides from it; resources only establish it.
 *
 * @param user      the Keycloak user (for staff authenticated through the admin API, the admin user; may be a
 *                  service account)
 * @param accountId the customer's account, {@code null} for staff
 * @param contactId the customer's own contact, {@code null} for staff
 * @param role      the customer's Terminal role, {@code null} for staff
 */
public record Actor(UserModel user, String accountId, String contactId, TerminalRole role, boolean staff) {

    public static Actor customer(UserModel user, String accountId, String contactId, TerminalRole role) {
        return new Actor(user, accountId, contactId, role, false);
    }

    public static Actor staff(UserModel user) {
        return new Actor(user, null, null, null, true);
    }

    public boolean isCustomer() {
        return !staff;
    }

    public String userId() {
        return user == null ? null : user.getId();
    }
}
