package com.terminalacc.auth;

import org.keycloak.models.UserModel;

import com.terminalacc.role.TerminalRole;

/**
 * Who performs an operation. Resources establish it (from a bearer token or the SSO cookie); the
 * {@link AccessEvaluator} built from it decides everything else.
 *
 * @param kind      a customer user acting inside its own account, provider staff (S-STF-1), an application (service
 *                  account with the role {@code terminal-app}), or a user asking the app API about itself
 * @param user      the Keycloak user (for an application its service account)
 * @param accountId the customer's account, {@code null} for everyone else
 * @param contactId the customer's own contact, {@code null} for everyone else
 * @param role      the customer's Terminal role, {@code null} for everyone else
 * @param staffWrite for staff: may change (the staff role or manage-realm) rather than only read (view-realm)
 */
public record Actor(Kind kind, UserModel user, String accountId, String contactId, TerminalRole role, boolean staffWrite) {

    public enum Kind { CUSTOMER, STAFF, APPLICATION, SELF }

    public static Actor customer(UserModel user, String accountId, String contactId, TerminalRole role) {
        return new Actor(Kind.CUSTOMER, user, accountId, contactId, role, false);
    }

    public static Actor staff(UserModel user, boolean write) {
        return new Actor(Kind.STAFF, user, null, null, null, write);
    }

    /** A service account whose client holds the realm role {@code terminal-app}. */
    public static Actor application(UserModel serviceAccount) {
        return new Actor(Kind.APPLICATION, serviceAccount, null, null, null, false);
    }

    /** Any user of the realm asking the app API about itself (a customer user or not). */
    public static Actor self(UserModel user) {
        return new Actor(Kind.SELF, user, null, null, null, false);
    }

    public boolean isCustomer() {
        return kind == Kind.CUSTOMER;
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    public String userId() {
        return user == null ? null : user.getId();
    }
}
