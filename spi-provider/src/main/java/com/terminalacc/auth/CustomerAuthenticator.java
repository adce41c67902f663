package com.terminalacc.auth;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.common.ApiCors;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.TerminalSettings;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.role.TerminalRole;

/**
 * Establishes the {@link Actor} of a customer API or app API request from its bearer token: a customer user must be
 * the user of a contact, hold a Terminal role, and its account must have the ACC enabled (S-ACC-4). A user's token
 * must name the Terminal API in its audience ({@link TerminalSettings#apiAudience}); an application is a service
 * account whose client holds the realm role {@value #APP_ROLE}.
 */
public final class CustomerAuthenticator {

    public static final String APP_ROLE = "terminal-app";

    private CustomerAuthenticator() {
    }

    /** The authenticated request: the actor and what the audit needs to name it. */
    public record CustomerRequest(Actor actor, Account account, AdminAuth adminAuth) {
    }

    public static AuthResult bearer(KeycloakSession session, RealmModel realm) {
        AuthResult auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        if (auth == null || auth.user() == null || !auth.user().isEnabled()) {
            ApiCors.forRealm(session); // S-APP-3: a browser application may read that its token is refused
            throw new TerminalException(ErrorCode.NOT_AUTHENTICATED);
        }
        ApiCors.forClient(session, auth.client()); // S-APP-3
        return auth;
    }

    /**
     * Refuses a user's token that was not issued for the Terminal API: a token some other client of the realm obtained
     * for the user (with the user's consent for that client only) must not act on the customer's account.
     */
    public static void requireApiAudience(RealmModel realm, AuthResult auth) {
        String audience = TerminalSettings.apiAudience(realm);
        if (!auth.token().hasAudience(audience)) {
            throw new TerminalException(ErrorCode.TOKEN_AUDIENCE, audience);
        }
    }

    /** The customer API: a customer user's token for the Terminal API. */
    public static CustomerRequest authenticate(KeycloakSession session, RealmModel realm) {
        AuthResult auth = bearer(session, realm);
        requireApiAudience(realm, auth);
        return forUser(session, realm, auth.user(), new AdminAuth(realm, auth.token(), auth.user(), auth.client()), true);
    }

    /**
     * The app API: an application (a service account with {@value #APP_ROLE}, trusted by that role) or a user asking
     * about itself with a token for the Terminal API.
     */
    public static Actor application(KeycloakSession session, RealmModel realm, AuthResult auth) {
        RoleModel role = realm.getRole(APP_ROLE);
        if (auth.user().getServiceAccountClientLink() != null && role != null && auth.user().hasRole(role)) {
            return Actor.application(auth.user());
        }
        requireApiAudience(realm, auth);
        return Actor.self(auth.user());
    }

    /**
     * The actor for a user who is already authenticated (bearer token or, for the ACC pages, the SSO cookie).
     *
     * @param requireAcc whether the account's Access Control Center must be enabled (S-ACC-4)
     */
    public static CustomerRequest forUser(KeycloakSession session, RealmModel realm, UserModel user, AdminAuth adminAuth, boolean requireAcc) {
        ContactEntity contact = new ContactStore(session, realm).findByUser(user.getId());
        TerminalRole role = TerminalRole.of(realm, user).orElse(null);
        if (contact == null || role == null) {
            throw new TerminalException(ErrorCode.NOT_A_CUSTOMER_USER);
        }
        Account account = new AccountStore(session, realm).get(contact.getAccountId());
        if (requireAcc && !account.entity().isAccEnabled()) {
            throw new TerminalException(ErrorCode.ACC_DISABLED, TerminalSettings.supportContact(realm));
        }
        return new CustomerRequest(Actor.customer(user, account.id(), contact.getId(), role), account, adminAuth);
    }
}
