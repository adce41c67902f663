package com.terminalacc.user;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.organization.OrganizationProvider;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.theme.Theme;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactService;
import com.terminalacc.role.AccessPolicy;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.Right;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginRequests.ActivateLogin;
import com.terminalacc.user.LoginRequests.SetPassword;
import com.terminalacc.user.LoginRequests.Step;

/**
 * Logins of contacts (S-CON-3, S-LOG-1…4, S-ROL-1…3, S-MOD-1): the Keycloak user behind a contact, its Terminal
 * role, its module permissions, its password and its membership in the account's organization.
 * <p>
 * Every operation that can change who is an Owner first locks the account row
 * ({@link AccountService#lock(String)}), so the last-Owner rule (S-ROL-3) holds under concurrent requests and across
 * cluster nodes: the second of two racing requests sees the first one's result.
 */
public class LoginService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final AccessPolicy policy;
    private final ContactService contacts;

    public LoginService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.policy = new AccessPolicy(realm);
        this.contacts = new ContactService(session, realm);
    }

    /** The result of a wizard run: what was (or, when only validating, would be) created. */
    public record Activation(ContactEntity contact, TerminalRole role, Set<String> modules) {
    }

    // ---- activation (S-LOG-1, S-CON-3)

    /**
     * The login activation wizard (S-LOG-1). With {@code dryRun} the same checks run for the given {@code step}
     * and the transaction is rolled back, so nothing changes and no e-mail goes out.
     */
    public Activation activate(Actor actor, String accountId, String contactId, ActivateLogin req, Step step, boolean dryRun, Audit audit) {
        requireSameAccount(actor, accountId);
        ContactEntity contact = contacts.find(accountId, contactId);
        policy.require(actor, Right.ACTIVATE_LOGIN);
        requireNotSelf(actor, contact);
        Account account = new AccountService(session, realm).lock(accountId);
        UserModel existing = contacts.user(contact);
        if (existing != null && existing.isEnabled()) {
            throw new TerminalException(ErrorCode.LOGIN_ALREADY_ACTIVE);
        }

        if (step.includes(Step.DETAILS)) {
            contacts.applyUpdate(contact, existing, req.contact());
        }
        TerminalRole role = null;
        if (step.includes(Step.ROLE)) {
            role = grantableRole(actor, req.role());
        }
        Set<String> modules = new TreeSet<>();
        if (step.includes(Step.MODULES)) {
            modules = ModuleCatalog.of(realm).normalize(req.modules());
            requireHeld(actor, modules);
        }
        if (dryRun) {
            session.getTransactionManager().setRollbackOnly();
            return new Activation(contact, role, modules);
        }

        UserModel user = existing == null ? createUser(account, contact) : existing;
        user.setEnabled(true);
        user.grantRole(role.role(realm));
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        modules.forEach(m -> catalog.grant(user, m));
        contact.setUpdatedAt(org.keycloak.common.util.Time.currentTimeMillis());
        new Onboarding(session, realm).start(contact, user, account.name(), displayName(actor));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, loginPath(contact), null, loginSnapshot(user, role, modules));
        return new Activation(contact, role, modules);
    }

    /** S-ACC-5: the first contact of a new account becomes a user with role Owner. */
    public UserModel activateOwner(Actor actor, Account account, ContactEntity contact, Audit audit) {
        UserModel user = createUser(account, contact);
        user.grantRole(TerminalRole.OWNER.role(realm));
        new Onboarding(session, realm).start(contact, user, account.name(), displayName(actor));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, loginPath(contact), null, loginSnapshot(user, TerminalRole.OWNER, Set.of()));
        return user;
    }

    /** S-ROL-2: staff make a contact an Owner — activating its login if needed. */
    public void makeOwner(Actor staff, ContactEntity contact, Audit audit) {
        Account account = new AccountService(session, realm).lock(contact.getAccountId());
        UserModel user = contacts.user(contact);
        if (user != null && user.isEnabled()) {
            TerminalRole current = TerminalRole.of(realm, user).orElse(null);
            if (current == TerminalRole.OWNER) {
                throw new TerminalException(ErrorCode.ALREADY_OWNER);
            }
            Map<String, Object> before = loginSnapshot(user, current, ModuleCatalog.of(realm).held(user));
            setTerminalRole(user, TerminalRole.OWNER);
            Persistence.flush(em);
            audit.record(Audit.USER, OperationType.UPDATE, loginPath(contact), before, loginSnapshot(user, TerminalRole.OWNER, ModuleCatalog.of(realm).held(user)));
            return;
        }
        if (user == null) {
            user = createUser(account, contact);
        }
        user.setEnabled(true);
        user.grantRole(TerminalRole.OWNER.role(realm));
        new Onboarding(session, realm).start(contact, user, account.name(), displayName(staff));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, loginPath(contact), null, loginSnapshot(user, TerminalRole.OWNER, Set.of()));
    }

    private UserModel createUser(Account account, ContactEntity contact) {
        if (session.users().getUserByUsername(realm, contact.getEmail()) != null
                || session.users().getUserByEmail(realm, contact.getEmail()) != null) {
            throw new TerminalException(ErrorCode.EMAIL_TAKEN); // S-CON-5: the e-mail is the username
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

    // ---- changes to an active login

    /** S-CON-3: the user becomes a plain contact again; its user record stays (disabled) for the history. */
    public void deactivate(Actor actor, String accountId, String contactId, Audit audit) {
        ActiveLogin login = editableLogin(actor, accountId, contactId);
        requireNotLastOwner(login, null);
        new CloudService(session, realm).releaseUser(login.user().getId()); // S-CLD-3: not the last Cloud-Admin of a cloud
        Map<String, Object> before = loginSnapshot(login.user(), login.role(), ModuleCatalog.of(realm).held(login.user()));
        revokeEverything(login.user());
        login.contact().setInitialCredentialId(null);
        login.contact().setInitialPasswordExpiresAt(null);
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.DELETE, loginPath(login.contact()), before, loginSnapshot(login.user(), null, Set.of()));
    }

    /** S-ROL-1…3: only to a role below one's own, never Owner (staff excepted), never the last Owner away. */
    public void changeRole(Actor actor, String accountId, String contactId, String roleName, Audit audit) {
        ActiveLogin login = editableLogin(actor, accountId, contactId);
        TerminalRole role = grantableRole(actor, roleName);
        if (role == login.role()) {
            return;
        }
        requireNotLastOwner(login, role);
        Set<String> modules = ModuleCatalog.of(realm).held(login.user());
        Map<String, Object> before = loginSnapshot(login.user(), login.role(), modules);
        setTerminalRole(login.user(), role);
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.UPDATE, loginPath(login.contact()), before, loginSnapshot(login.user(), role, modules));
    }

    /** S-MOD-1: replaces the user's module permissions; an Admin adds or removes only what it holds itself. */
    public Set<String> setModules(Actor actor, String accountId, String contactId, List<String> requested, Audit audit) {
        ActiveLogin login = editableLogin(actor, accountId, contactId);
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        Set<String> wanted = catalog.normalize(requested);
        Set<String> current = catalog.held(login.user());
        Set<String> changed = new TreeSet<>(wanted);
        changed.addAll(current);
        changed.removeIf(m -> wanted.contains(m) && current.contains(m));
        requireHeld(actor, changed);
        for (String m : changed) {
            if (wanted.contains(m)) {
                catalog.grant(login.user(), m);
            } else {
                catalog.revoke(login.user(), m);
            }
        }
        if (!changed.isEmpty()) {
            Persistence.flush(em);
            audit.record(Audit.USER, OperationType.UPDATE, loginPath(login.contact()),
                    loginSnapshot(login.user(), login.role(), current), loginSnapshot(login.user(), login.role(), wanted));
        }
        return wanted;
    }

    /** S-LOG-4: a password set by an Owner or Admin; temporary unless stated otherwise. */
    public void setPassword(Actor actor, String accountId, String contactId, SetPassword req, Audit audit) {
        ActiveLogin login = editableLogin(actor, accountId, contactId);
        if (req.password() == null || req.password().isEmpty()) {
            throw TerminalException.field("password", ErrorCode.FIELD_REQUIRED);
        }
        UserModel user = login.user();
        PolicyError error = session.getProvider(PasswordPolicyManagerProvider.class).validate(realm, user, req.password());
        if (error != null) {
            throw new TerminalException(ErrorCode.PASSWORD_POLICY, policyMessage(error));
        }
        boolean temporary = req.temporary() == null || req.temporary();
        user.credentialManager().updateCredential(UserCredentialModel.password(req.password(), false));
        if (temporary) {
            user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        } else {
            user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        // A password chosen by an admin is not the e-mailed initial one: no expiry applies.
        login.contact().setInitialCredentialId(null);
        login.contact().setInitialPasswordExpiresAt(null);
        Persistence.flush(em);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("userId", user.getId());
        change.put("passwordSet", true);
        change.put("temporary", temporary);
        audit.record(Audit.USER, OperationType.ACTION, loginPath(login.contact()) + "/password", null, change);
    }

    /** Sends a new initial password (or link) to a user who has not yet chosen its own password. */
    public void resendOnboarding(Actor actor, String accountId, String contactId, Audit audit) {
        ActiveLogin login = editableLogin(actor, accountId, contactId);
        boolean pending = login.contact().getInitialCredentialId() != null
                || login.user().getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
        if (!pending) {
            throw new TerminalException(ErrorCode.NO_ONBOARDING_PENDING);
        }
        Account account = new AccountService(session, realm).get(accountId);
        new Onboarding(session, realm).start(login.contact(), login.user(), account.name(), displayName(actor));
        Persistence.flush(em);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("userId", login.user().getId());
        change.put("onboardingSent", true);
        audit.record(Audit.USER, OperationType.ACTION, loginPath(login.contact()) + "/onboarding", null, change);
    }

    // ---- removal

    /** Removes the user of a contact that is being deleted; refuses to remove the account's last Owner. */
    public void removeUser(Actor actor, ContactEntity contact, UserModel user, Audit audit) {
        TerminalRole role = detachUser(contact, user);
        Map<String, Object> before = loginSnapshot(user, role, ModuleCatalog.of(realm).held(user));
        session.users().removeUser(realm, user);
        audit.record(Audit.USER, OperationType.DELETE, loginPath(contact), before, null);
    }

    /**
     * Before a contact's user goes, under the account lock: refuses the last Owner (S-ROL-3) and the only Cloud-Admin
     * of a cloud (S-CLD-3), removes the user's cloud memberships and unlinks the contact. Returns the user's role.
     */
    private TerminalRole detachUser(ContactEntity contact, UserModel user) {
        Persistence.flush(em);
        new AccountService(session, realm).lock(contact.getAccountId());
        TerminalRole role = user.isEnabled() ? TerminalRole.of(realm, user).orElse(null) : null;
        requireNotLastOwner(new ActiveLogin(contact, user, role), null);
        new CloudService(session, realm).releaseUser(user.getId());
        contact.setUserId(null);
        contact.setInitialCredentialId(null);
        contact.setInitialPasswordExpiresAt(null);
        Persistence.flush(em);
        return role;
    }

    // ---- changes made outside the ACC (Keycloak's admin console or admin API), see OutsideChangeGuard

    /**
     * A contact's user is being deleted by something other than the ACC: the rules of deleting the login here apply
     * (S-ROL-3 last Owner, S-CLD-3 last Cloud-Admin); otherwise its cloud memberships go and the contact stays.
     */
    public void userRemovedOutside(ContactEntity contact, UserModel user) {
        detachUser(contact, user);
    }

    /**
     * The realm role Owner was just taken from a contact's user (already written in this transaction): refused if the
     * account is left without an active Owner (S-ROL-3). The ACC's own paths check first and pass here.
     */
    public void ownerRevokedOutside(ContactEntity contact, UserModel user) {
        Persistence.flush(em);
        new AccountService(session, realm).lock(contact.getAccountId());
        if (user.isEnabled() && countOwners(contact.getAccountId()) == 0) {
            throw new TerminalException(ErrorCode.LAST_OWNER);
        }
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

    // ---- rules

    /** An active login of the account that the actor may edit (S-ROL-1, S-ROL-4), never the actor's own. */
    private ActiveLogin editableLogin(Actor actor, String accountId, String contactId) {
        requireSameAccount(actor, accountId);
        ContactEntity contact = contacts.find(accountId, contactId);
        UserModel user = contacts.user(contact);
        if (user == null || !user.isEnabled()) {
            throw new TerminalException(ErrorCode.LOGIN_NOT_ACTIVE);
        }
        requireNotSelf(actor, contact);
        TerminalRole role = TerminalRole.of(realm, user).orElse(null);
        policy.requireEdit(actor, role);
        new AccountService(session, realm).lock(accountId);
        return new ActiveLogin(contact, user, role);
    }

    private record ActiveLogin(ContactEntity contact, UserModel user, TerminalRole role) {
    }

    private TerminalRole grantableRole(Actor actor, String roleName) {
        if (roleName == null || roleName.isBlank()) {
            throw TerminalException.field("role", ErrorCode.FIELD_REQUIRED);
        }
        TerminalRole role = TerminalRole.fromWire(roleName).orElseThrow(() -> TerminalException.field("role",
                ErrorCode.VALUE_NOT_ALLOWED, actor.staff() ? "owner, admin, user" : "admin, user"));
        if (role == TerminalRole.OWNER && !actor.staff()) {
            throw new TerminalException(ErrorCode.OWNER_ONLY_BY_STAFF); // S-ROL-2
        }
        if (!policy.canGrant(actor, role)) {
            throw new TerminalException(ErrorCode.ROLE_NOT_GRANTABLE); // S-ROL-1
        }
        return role;
    }

    /** S-MOD-1: Owners and staff grant everything; an Admin only what it holds itself. */
    private void requireHeld(Actor actor, Set<String> modules) {
        if (actor.staff() || actor.role() == TerminalRole.OWNER || modules.isEmpty()) {
            return;
        }
        Set<String> held = ModuleCatalog.of(realm).held(actor.user());
        List<String> missing = new ArrayList<>();
        for (String m : modules) {
            if (!held.contains(m)) {
                missing.add(m);
            }
        }
        if (!missing.isEmpty()) {
            throw new TerminalException(ErrorCode.MODULE_NOT_HELD, String.join(", ", missing));
        }
    }

    /** S-ROL-3: call with the account locked; {@code newRole} null means the login goes away. */
    private void requireNotLastOwner(ActiveLogin login, TerminalRole newRole) {
        if (login.role() == TerminalRole.OWNER && newRole != TerminalRole.OWNER && countOwners(login.contact().getAccountId()) <= 1) {
            throw new TerminalException(ErrorCode.LAST_OWNER);
        }
    }

    private static void requireNotSelf(Actor actor, ContactEntity contact) {
        if (actor.isCustomer() && contact.getId().equals(actor.contactId())) {
            throw new TerminalException(ErrorCode.NOT_ON_YOURSELF); // S-ROL-3
        }
    }

    private static void requireSameAccount(Actor actor, String accountId) {
        if (actor.isCustomer() && !actor.accountId().equals(accountId)) {
            throw new TerminalException(ErrorCode.ACCOUNT_NOT_FOUND);
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

    // ---- helpers

    private void setTerminalRole(UserModel user, TerminalRole role) {
        for (TerminalRole r : TerminalRole.values()) {
            RoleModel model = realm.getRole(r.roleName());
            if (model != null && r != role && user.hasDirectRole(model)) {
                user.deleteRoleMapping(model);
            }
        }
        user.grantRole(role.role(realm));
    }

    private void revokeEverything(UserModel user) {
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
        session.sessions().getUserSessionsStream(realm, user).toList()
                .forEach(s -> AuthenticationManager.backchannelLogout(session, s, true));
    }

    /** Keycloak's own translation of a password policy error, in the caller's language. */
    private String policyMessage(PolicyError error) {
        Locale locale = session.getContext().resolveLocale(null);
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            Properties messages = theme.getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty(error.getMessage(), error.getMessage());
            return new MessageFormat(pattern, locale).format(error.getParameters());
        } catch (Exception e) {
            return error.getMessage();
        }
    }

    private static String loginPath(ContactEntity contact) {
        return Audit.contactPath(contact.getAccountId(), contact.getId()) + "/login";
    }

    private static String displayName(Actor actor) {
        String name = UserNames.displayName(actor.user());
        return name == null ? "" : name;
    }

    private static Map<String, Object> loginSnapshot(UserModel user, TerminalRole role, Set<String> modules) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", user.getId());
        m.put("username", user.getUsername());
        m.put("enabled", user.isEnabled());
        m.put("role", role == null ? null : role.wire());
        m.put("modules", new ArrayList<>(modules));
        return m;
    }
}
