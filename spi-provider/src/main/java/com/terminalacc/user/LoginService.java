package com.terminalacc.user;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.role.TerminalRole;

/**
 * Logins of contacts (S-CON-3): the Keycloak user behind a contact, its Terminal role and its membership in the
 * account's organization. The last-Owner rule (S-ROL-3) is enforced here under the account lock.
 */
public class LoginService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public LoginService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** S-ACC-5: the first contact of a new account becomes a user with role Owner. */
    public UserModel activateOwner(Actor actor, Account account, ContactEntity contact, Audit audit) {
        UserModel user = createUser(account, contact);
        user.grantRole(TerminalRole.OWNER.role(realm));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, Audit.contactPath(account.id(), contact.getId()) + "/login", null,
                loginSnapshot(user, TerminalRole.OWNER));
        return user;
    }

    private UserModel createUser(Account account, ContactEntity contact) {
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

    /** Removes the user of a contact that is being deleted; refuses to remove the account's last Owner. */
    public void removeUser(Actor actor, ContactEntity contact, UserModel user, Audit audit) {
        Account account = new AccountService(session, realm).lock(contact.getAccountId());
        TerminalRole role = TerminalRole.of(realm, user).orElse(null);
        if (role == TerminalRole.OWNER && user.isEnabled() && countOwners(account.id()) <= 1) {
            throw new TerminalException(ErrorCode.LAST_OWNER); // S-ROL-3
        }
        Map<String, Object> before = loginSnapshot(user, role);
        contact.setUserId(null);
        Persistence.flush(em);
        session.users().removeUser(realm, user);
        audit.record(Audit.USER, OperationType.DELETE, Audit.contactPath(account.id(), contact.getId()) + "/login", before, null);
    }

    /** Account deletion removes every user of the account without the last-Owner rule. */
    public void deleteUserOfRemovedAccount(ContactEntity contact) {
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

    /** Enabled users of the account holding the Owner role; call with the account locked. */
    public long countOwners(String accountId) {
        RoleModel owner = realm.getRole(TerminalRole.OWNER.roleName());
        if (owner == null) {
            return 0;
        }
        return em.createQuery("select count(c) from ContactEntity c, UserEntity u, UserRoleMappingEntity m"
                        + " where c.accountId = :account and u.id = c.userId and u.enabled = true and m.user = u and m.roleId = :role", Long.class)
                .setParameter("account", accountId).setParameter("role", owner.getId()).getSingleResult();
    }

    private static Map<String, Object> loginSnapshot(UserModel user, TerminalRole role) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", user.getId());
        m.put("username", user.getUsername());
        m.put("enabled", user.isEnabled());
        m.put("role", role == null ? null : role.wire());
        return m;
    }
}
