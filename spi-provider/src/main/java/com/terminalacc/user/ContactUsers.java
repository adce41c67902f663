package com.terminalacc.user;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.UserSessionManager;

import com.terminalacc.account.Account;
import com.terminalacc.audit.Audit;
import com.terminalacc.cloud.LastCloudAdminRule;
import com.terminalacc.cloud.MembershipStore;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.TerminalRole;

/**
 * The Keycloak user behind a contact (S-CON-3): creating it, its one Terminal role, taking everything away, and the
 * one detach step before a user goes (also when the admin console deletes it). Who may do it is decided by the use case
 * before; the invariants that guard a user's loss (last Owner, last Cloud-Admin) are checked here, under the account
 * lock the use case holds.
 */
public class ContactUsers {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ContactUsers(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** A new user for the contact: e-mail as username (S-CON-5), name and language from the contact, managed member. */
    public UserModel create(Account account, ContactEntity contact) {
        if (session.users().getUserByUsername(realm, contact.getEmail()) != null
                || session.users().getUserByEmail(realm, contact.getEmail()) != null) {
            throw new TerminalException(ErrorCode.EMAIL_TAKEN);
        }
        UserModel user = session.users().addUser(realm, contact.getEmail());
        user.setEmail(contact.getEmail());
        user.setFirstName(contact.getFirstName());
        user.setLastName(contact.getLastName());
        user.setEnabled(true);
        if (contact.getLocale() != null) {
            user.setSingleAttribute(UserModel.LOCALE, contact.getLocale());
        }
        session.getProvider(OrganizationProvider.class).addManagedMember(account.org(), user);
        contact.setUserId(user.getId());
        return user;
    }

    /** Every user has exactly one Terminal role: the others go. */
    public void setRole(UserModel user, TerminalRole role) {
        for (TerminalRole r : TerminalRole.values()) {
            RoleModel model = realm.getRole(r.roleName());
            if (model != null && r != role && user.hasDirectRole(model)) {
                user.deleteRoleMapping(model);
            }
        }
        if (!user.hasDirectRole(role.role(realm))) {
            user.grantRole(role.role(realm));
        }
    }

    /**
     * S-CON-3: a login is taken away for good — role, module permissions, password, required actions, every session
     * (online and offline), consents, and tokens issued before now (not-before) — and the user disabled.
     */
    public void revokeEverything(UserModel user, ContactEntity contact) {
        for (TerminalRole r : TerminalRole.values()) {
            RoleModel model = realm.getRole(r.roleName());
            if (model != null && user.hasDirectRole(model)) {
                user.deleteRoleMapping(model);
            }
        }
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        catalog.held(user).forEach(m -> catalog.revoke(user, m));
        user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.getRequiredActionsStream().toList().forEach(user::removeRequiredAction);
        user.setEnabled(false);
        endSessions(user);
        contact.setInitialCredentialId(null);
        contact.setInitialPasswordExpiresAt(null);
    }

    /** Online and offline sessions, consents, and every token issued until now. */
    public void endSessions(UserModel user) {
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        session.sessions().getUserSessionsStream(realm, user).toList()
                .forEach(s -> AuthenticationManager.backchannelLogout(session, s, true));
        UserSessionManager sessions = new UserSessionManager(session);
        session.sessions().getOfflineUserSessionsStream(realm, user).toList().forEach(sessions::revokeOfflineUserSession);
        session.users().getConsentsStream(realm, user.getId()).toList()
                .forEach(c -> session.users().revokeConsentForClient(realm, user.getId(), c.getClient().getId()));
    }

    /**
     * Before a contact's user goes (its contact is deleted, or the admin console deletes the user), with the account
     * locked: refuses the last Owner (S-ROL-3) and the only Cloud-Admin of a cloud (S-CLD-3), removes the user's cloud
     * memberships and unlinks the contact. Returns the user's role.
     */
    public TerminalRole detach(ContactEntity contact, UserModel user) {
        TerminalRole role = user.isEnabled() ? TerminalRole.of(realm, user).orElse(null) : null;
        new LastOwnerRule(session, realm).require(contact.getAccountId(), role, null);
        releaseMemberships(user);
        contact.setUserId(null);
        contact.setInitialCredentialId(null);
        contact.setInitialPasswordExpiresAt(null);
        Persistence.flush(em);
        return role;
    }

    /** S-CLD-3: not the last Cloud-Admin of any cloud; then the user's memberships go. Call with the account locked. */
    public void releaseMemberships(UserModel user) {
        new LastCloudAdminRule(session, realm).requireNotSoleAdmin(user.getId());
        new MembershipStore(session, realm).removeAllOfUser(user.getId());
    }

    /** Deletes the contact's user after {@link #detach}; recorded. */
    public void remove(ContactEntity contact, UserModel user, Audit audit) {
        String path = loginPath(contact);
        TerminalRole role = detach(contact, user);
        Map<String, Object> before = snapshot(user, role, ModuleCatalog.of(realm).held(user));
        session.users().removeUser(realm, user);
        audit.record(Audit.USER, org.keycloak.events.admin.OperationType.DELETE, path, before, null);
    }

    /** Account deletion removes every user of the account, without the last-Owner rule. */
    public void removeWithAccount(ContactEntity contact) {
        if (contact.getUserId() == null) {
            return;
        }
        UserModel user = session.users().getUserById(realm, contact.getUserId());
        contact.setUserId(null);
        Persistence.flush(em);
        if (user != null) {
            session.users().removeUser(realm, user);
        }
    }

    public static String loginPath(ContactEntity contact) {
        return Audit.contactPath(contact.getAccountId(), contact.getId()) + "/login";
    }

    /** What the activity log records of a login. */
    public static Map<String, Object> snapshot(UserModel user, TerminalRole role, Set<String> modules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", user.getId());
        m.put("username", user.getUsername());
        m.put("enabled", user.isEnabled());
        m.put("role", role == null ? null : role.wire());
        m.put("modules", new ArrayList<>(modules));
        return m;
    }
}
