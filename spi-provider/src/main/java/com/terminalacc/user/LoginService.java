package com.terminalacc.user;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.ContactTarget;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactDetails;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginRequests.ActivateLogin;
import com.terminalacc.user.LoginRequests.SetPassword;
import com.terminalacc.user.LoginRequests.Step;

/**
 * Logins of contacts (S-CON-3, S-LOG-1…4, S-ROL-1…3, S-MOD-1): activation, role, module permissions, password,
 * deactivation. Every public method starts with its authorization check, then takes the account lock once, so the
 * last-Owner (S-ROL-3) and last-Cloud-Admin (S-CLD-3) rules hold under concurrent requests and across cluster nodes.
 */
public class LoginService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final ContactStore contacts;
    private final AccountStore accounts;
    private final ContactUsers users;

    public LoginService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.contacts = new ContactStore(session, realm);
        this.accounts = new AccountStore(session, realm);
        this.users = new ContactUsers(session, realm);
    }

    /** The result of a wizard run: what was (or, when only validating, would be) created. */
    public record Activation(ContactEntity contact, TerminalRole role, Set<String> modules) {
    }

    /**
     * The login activation wizard (S-LOG-1). With {@code dryRun} the same checks run for the given {@code step}
     * and the transaction is rolled back, so nothing changes and no e-mail goes out.
     */
    public Activation activate(AccessEvaluator auth, String accountId, String contactId, ActivateLogin req, Step step, boolean dryRun, Audit audit) {
        auth.logins().requireActivate(target(accountId, contactId));
        Account account = accounts.lock(accountId);
        ContactEntity contact = contacts.find(accountId, contactId);
        UserModel existing = contacts.user(contact);
        if (existing != null && existing.isEnabled()) {
            throw new TerminalException(ErrorCode.LOGIN_ALREADY_ACTIVE);
        }
        if (step.includes(Step.DETAILS)) {
            new ContactDetails(session, realm).apply(contact, existing, req.contact());
        }
        TerminalRole role = null;
        if (step.includes(Step.ROLE)) {
            role = grantableRole(auth, req.role());
        }
        Set<String> modules = new TreeSet<>();
        if (step.includes(Step.MODULES)) {
            modules = ModuleCatalog.of(realm).normalize(req.modules());
            auth.modules().requireGrant(modules);
        }
        if (dryRun) {
            session.getTransactionManager().setRollbackOnly();
            return new Activation(contact, role, modules);
        }
        UserModel user = existing == null ? users.create(account, contact) : existing;
        user.setEnabled(true);
        users.setRole(user, role); // exactly one Terminal role, also for a user that had one before
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        Set<String> granted = modules;
        catalog.held(user).stream().filter(m -> !granted.contains(m)).forEach(m -> catalog.revoke(user, m));
        modules.forEach(m -> catalog.grant(user, m));
        contact.setUpdatedAt(Time.currentTimeMillis());
        new Onboarding(session, realm).start(contact, user, account.name(), displayName(auth));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, ContactUsers.loginPath(contact), null, ContactUsers.snapshot(user, role, modules));
        return new Activation(contact, role, modules);
    }

    /** S-CON-3: the user becomes a plain contact again; its user record stays (disabled) for the history. */
    public void deactivate(AccessEvaluator auth, String accountId, String contactId, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        ActiveLogin login = lockedLogin(accountId, contactId);
        new LastOwnerRule(session, realm).require(accountId, login.role(), null);
        users.releaseMemberships(login.user()); // S-CLD-3: not the last Cloud-Admin of a cloud
        Map<String, Object> before = ContactUsers.snapshot(login.user(), login.role(), ModuleCatalog.of(realm).held(login.user()));
        users.revokeEverything(login.user(), login.contact());
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.DELETE, ContactUsers.loginPath(login.contact()), before, ContactUsers.snapshot(login.user(), null, Set.of()));
    }

    /** S-ROL-1…3: only to a role below one's own, never Owner (staff excepted), never the last Owner away. */
    public void changeRole(AccessEvaluator auth, String accountId, String contactId, String roleName, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        TerminalRole role = grantableRole(auth, roleName);
        ActiveLogin login = lockedLogin(accountId, contactId);
        if (role == login.role()) {
            return;
        }
        new LastOwnerRule(session, realm).require(accountId, login.role(), role);
        Set<String> modules = ModuleCatalog.of(realm).held(login.user());
        Map<String, Object> before = ContactUsers.snapshot(login.user(), login.role(), modules);
        users.setRole(login.user(), role);
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.UPDATE, ContactUsers.loginPath(login.contact()), before, ContactUsers.snapshot(login.user(), role, modules));
    }

    /** S-MOD-1: replaces the user's module permissions; an Admin adds or removes only what it holds itself. */
    public Set<String> setModules(AccessEvaluator auth, String accountId, String contactId, List<String> requested, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        Set<String> wanted = catalog.normalize(requested);
        ActiveLogin login = lockedLogin(accountId, contactId);
        Set<String> current = catalog.held(login.user());
        Set<String> changed = new TreeSet<>(wanted);
        changed.addAll(current);
        changed.removeIf(m -> wanted.contains(m) && current.contains(m));
        auth.modules().requireGrant(changed);
        for (String m : changed) {
            if (wanted.contains(m)) {
                catalog.grant(login.user(), m);
            } else {
                catalog.revoke(login.user(), m);
            }
        }
        if (!changed.isEmpty()) {
            Persistence.flush(em);
            audit.record(Audit.USER, OperationType.UPDATE, ContactUsers.loginPath(login.contact()),
                    ContactUsers.snapshot(login.user(), login.role(), current), ContactUsers.snapshot(login.user(), login.role(), wanted));
        }
        return wanted;
    }

    /** S-LOG-4: a password set by an Owner or Admin; temporary unless stated otherwise. */
    public void setPassword(AccessEvaluator auth, String accountId, String contactId, SetPassword req, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        if (req.password() == null || req.password().isEmpty()) {
            throw TerminalException.field("password", ErrorCode.FIELD_REQUIRED);
        }
        ActiveLogin login = lockedLogin(accountId, contactId);
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
        // A password chosen by an admin is not the e-mailed initial one: no expiry applies, no onboarding e-mail counts.
        login.contact().setInitialCredentialId(null);
        login.contact().setInitialPasswordExpiresAt(null);
        login.contact().setOnboardingMail(null);
        Persistence.flush(em);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("userId", user.getId());
        change.put("passwordSet", true);
        change.put("temporary", temporary);
        audit.record(Audit.USER, OperationType.ACTION, ContactUsers.loginPath(login.contact()) + "/password", null, change);
    }

    /** Sends a new initial password (or link) to a user who has not yet chosen its own password. */
    public void resendOnboarding(AccessEvaluator auth, String accountId, String contactId, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        ActiveLogin login = lockedLogin(accountId, contactId);
        // Pending only while the user has no password of its own: the e-mailed (or an admin's temporary) password still
        // has to be replaced, or there is none yet (link mode). The initial credential's record is cleared only at the
        // next login, so it does not tell whether the user has chosen a password since (issue 12).
        boolean mustChoose = login.user().getRequiredActionsStream().anyMatch(UserModel.RequiredAction.UPDATE_PASSWORD.name()::equals);
        boolean noPassword = login.user().credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).findAny().isEmpty();
        boolean pending = mustChoose || noPassword;
        if (!pending) {
            throw new TerminalException(ErrorCode.NO_ONBOARDING_PENDING);
        }
        Account account = accounts.get(accountId);
        new Onboarding(session, realm).start(login.contact(), login.user(), account.name(), displayName(auth));
        Persistence.flush(em);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("userId", login.user().getId());
        change.put("onboardingSent", true);
        audit.record(Audit.USER, OperationType.ACTION, ContactUsers.loginPath(login.contact()) + "/onboarding", null, change);
    }

    /**
     * S-SEC-2: removes the user's second factors — OTP and passkeys — with Keycloak's credential removal. Who may edit
     * the user's login may do it (S-ROL-1); audited. Under the account's two-factor policy the next login sets one up.
     */
    public void resetTwoFactor(AccessEvaluator auth, String accountId, String contactId, Audit audit) {
        auth.logins().requireEdit(target(accountId, contactId));
        ActiveLogin login = lockedLogin(accountId, contactId);
        UserModel user = login.user();
        List<String> removed = user.credentialManager().getStoredCredentialsStream()
                .filter(c -> SECOND_FACTORS.contains(c.getType())).map(CredentialModel::getId).toList();
        removed.forEach(user.credentialManager()::removeStoredCredentialById);
        Persistence.flush(em);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("userId", user.getId());
        change.put("twoFactorReset", true);
        change.put("credentialsRemoved", removed.size());
        audit.record(Audit.USER, OperationType.ACTION, ContactUsers.loginPath(login.contact()) + "/two-factor", null, change);
    }

    /** The credential types that count as a second factor (S-SEC-1, S-SEC-2). */
    public static final Set<String> SECOND_FACTORS = Set.of(OTPCredentialModel.TYPE, WebAuthnCredentialModel.TYPE_TWOFACTOR,
            WebAuthnCredentialModel.TYPE_PASSWORDLESS);

    // ---- helpers

    private record ActiveLogin(ContactEntity contact, UserModel user, TerminalRole role) {
    }

    private ContactTarget target(String accountId, String contactId) {
        return contacts.target(contacts.find(accountId, contactId));
    }

    /** The account locked, then the contact's active login as the lock shows it. */
    private ActiveLogin lockedLogin(String accountId, String contactId) {
        accounts.lock(accountId);
        ContactEntity contact = contacts.find(accountId, contactId);
        UserModel user = contacts.user(contact);
        if (user == null || !user.isEnabled()) {
            throw new TerminalException(ErrorCode.LOGIN_NOT_ACTIVE);
        }
        return new ActiveLogin(contact, user, TerminalRole.of(realm, user).orElse(null));
    }

    private static TerminalRole grantableRole(AccessEvaluator auth, String roleName) {
        if (roleName == null || roleName.isBlank()) {
            throw TerminalException.field("role", ErrorCode.FIELD_REQUIRED);
        }
        TerminalRole role = TerminalRole.fromWire(roleName).orElseThrow(() -> TerminalException.field("role", ErrorCode.VALUE_NOT_ALLOWED,
                String.join(", ", auth.logins().grantable().stream().map(TerminalRole::wire).toList())));
        auth.logins().requireGrant(role);
        return role;
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

    private static String displayName(AccessEvaluator auth) {
        String name = UserNames.displayName(auth.actor().user());
        return name == null ? "" : name;
    }
}
