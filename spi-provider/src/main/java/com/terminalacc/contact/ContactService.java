package com.terminalacc.contact;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountService;
import com.terminalacc.account.AccountType;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.common.Domains;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.role.AccessPolicy;
import com.terminalacc.role.Right;
import com.terminalacc.role.RoleIndex;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginService;

/**
 * Contacts of an account (S-CON-1, S-CON-2, S-CON-4, S-CON-5) with the account rules that govern adding them
 * (S-ACC-2, S-ACC-3). Used by the customer API, the staff API and the ACC pages alike.
 */
public class ContactService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final AccessPolicy policy;

    public ContactService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.policy = new AccessPolicy(realm);
    }

    // ---- reading

    /** Owners and Admins (right manage-contacts) and staff: the account's contacts, searchable by name and e-mail. */
    public Page<ContactRepresentation> list(Actor actor, String accountId, String search, Paging paging) {
        requireSameAccount(actor, accountId);
        policy.require(actor, Right.MANAGE_CONTACTS);
        String where = " from ContactEntity c where c.accountId = :account";
        String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
            where += " and (lower(c.firstName) like :term escape '\\' or lower(c.lastName) like :term escape '\\'"
                    + " or c.email like :term escape '\\' or lower(concat(concat(c.firstName, ' '), c.lastName)) like :term escape '\\')";
        }
        TypedQuery<ContactEntity> query = em.createQuery("select c" + where + " order by lower(c.lastName), lower(c.firstName), c.id", ContactEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        query.setParameter("account", accountId);
        count.setParameter("account", accountId);
        if (!term.isEmpty()) {
            String like = "%" + escapeLike(term) + "%";
            query.setParameter("term", like);
            count.setParameter("term", like);
        }
        List<ContactEntity> contacts = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(represent(contacts), paging.first(), paging.max(), count.getSingleResult());
    }

    /** One contact: one's own, or any of the account's for Owners, Admins and staff. */
    public ContactRepresentation get(Actor actor, String accountId, String contactId) {
        requireSameAccount(actor, accountId);
        if (!(actor.isCustomer() && actor.contactId().equals(contactId))) {
            policy.require(actor, Right.MANAGE_CONTACTS);
        }
        return represent(find(accountId, contactId));
    }

    /** The contact of the account, or 404 — also when it exists in another account. */
    public ContactEntity find(String accountId, String contactId) {
        ContactEntity contact = contactId == null ? null : em.find(ContactEntity.class, contactId);
        if (contact == null || !contact.getAccountId().equals(accountId) || !contact.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.CONTACT_NOT_FOUND);
        }
        return contact;
    }

    public ContactEntity findByUser(String userId) {
        List<ContactEntity> found = em.createQuery("select c from ContactEntity c where c.userId = :user", ContactEntity.class)
                .setParameter("user", userId).getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    public long count(String accountId) {
        return em.createQuery("select count(c) from ContactEntity c where c.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
    }

    // ---- writing

    /** S-CON-1/S-CON-2: a new contact of the account; support permission on unless explicitly off. */
    public ContactEntity create(Actor actor, String accountId, ContactInput input, Audit audit) {
        requireSameAccount(actor, accountId);
        policy.require(actor, Right.MANAGE_CONTACTS);
        // Serialises contact creation per account, so the PERSONAL single-contact rule holds under concurrency.
        Account account = new AccountService(session, realm).lock(accountId);
        if (account.type() == AccountType.PERSONAL && count(accountId) > 0) {
            throw new TerminalException(ErrorCode.PERSONAL_ACCOUNT_SINGLE_CONTACT); // S-ACC-2
        }
        if (account.domains().isEmpty()) {
            throw new TerminalException(ErrorCode.DOMAIN_REQUIRED); // S-ACC-3
        }
        ContactEntity contact = newContact(account, input, true);
        audit.record(Audit.CONTACT, OperationType.CREATE, Audit.contactPath(accountId, contact.getId()), null, snapshot(contact));
        return contact;
    }

    /**
     * Creates the contact row after validating it; {@code enforceDomain} is false only for the first contact of an
     * account without domains, which staff creates with the account.
     */
    public ContactEntity newContact(Account account, ContactInput input, boolean enforceDomain) {
        if (input == null) {
            throw TerminalException.field("owner", ErrorCode.FIELD_REQUIRED);
        }
        Validator v = new Validator();
        NewContact c = clean(v, input);
        v.throwIfInvalid();
        String email = c.email();

        if (enforceDomain) {
            requireEmailAllowed(account, email);
        }
        requireEmailFree(email, null);

        long now = Time.currentTimeMillis();
        ContactEntity contact = new ContactEntity();
        contact.setId(KeycloakModelUtils.generateId());
        contact.setRealmId(realm.getId());
        contact.setAccountId(account.id());
        contact.setFirstName(c.firstName());
        contact.setLastName(c.lastName());
        contact.setEmail(email);
        contact.setPhone(emptyToNull(c.phone()));
        contact.setJobTitle(emptyToNull(c.jobTitle()));
        contact.setLocale(emptyToNull(c.locale()));
        contact.setSupportPermission(input.supportPermission() == null || input.supportPermission());
        contact.setCreatedAt(now);
        contact.setUpdatedAt(now);
        em.persist(contact);
        Persistence.flush(em);
        return contact;
    }

    /**
     * Adds the field errors of a new contact's input to {@code v}, so that a form creating an account and its first
     * contact in one step reports every error at once.
     */
    public void validate(Validator v, ContactInput input) {
        if (input == null) {
            v.add(new FieldError("owner", ErrorCode.FIELD_REQUIRED));
        } else {
            clean(v, input);
        }
    }

    private record NewContact(String firstName, String lastName, String email, String phone, String jobTitle, String locale) {
    }

    private NewContact clean(Validator v, ContactInput input) {
        return new NewContact(v.name("firstName", input.firstName(), true), v.name("lastName", input.lastName(), true),
                v.email("email", input.email(), true), v.text("phone", input.phone(), false, 50),
                v.text("jobTitle", input.jobTitle(), false, 100), locale(v, input.locale()));
    }

    public ContactEntity update(Actor actor, String accountId, String contactId, ContactUpdate update, Audit audit) {
        requireSameAccount(actor, accountId);
        ContactEntity contact = find(accountId, contactId);
        UserModel user = user(contact);
        TerminalRole targetRole = user == null ? null : TerminalRole.of(realm, user).orElse(null);
        boolean self = actor.isCustomer() && contact.getId().equals(actor.contactId());
        if (self) {
            // One's own name, phone, title and language; never one's own rights (S-ROL-3).
            if (update.supportPermission() != null && update.supportPermission() != contact.isSupportPermission()) {
                throw new TerminalException(ErrorCode.NOT_ON_YOURSELF);
            }
        } else {
            policy.requireEdit(actor, targetRole);
        }
        Map<String, Object> before = snapshot(contact);
        applyUpdate(contact, user, update);
        Map<String, Object> after = snapshot(contact);
        if (!after.equals(before)) {
            contact.setUpdatedAt(Time.currentTimeMillis());
            Persistence.flush(em);
            audit.record(Audit.CONTACT, OperationType.UPDATE, Audit.contactPath(accountId, contactId), before, after);
        }
        return contact;
    }

    /**
     * Validates a change of the contact's details and applies it to the entity (not yet flushed); keeps the user's
     * name and language in step. Shared by editing and by the first step of the login activation wizard.
     */
    public void applyUpdate(ContactEntity contact, UserModel user, ContactUpdate update) {
        if (update == null) {
            return;
        }
        Validator v = new Validator();
        String firstName = update.firstName() == null ? null : v.name("firstName", update.firstName(), true);
        String lastName = update.lastName() == null ? null : v.name("lastName", update.lastName(), true);
        String email = update.email() == null ? null : v.email("email", update.email(), true);
        String phone = v.text("phone", update.phone(), false, 50);
        String jobTitle = v.text("jobTitle", update.jobTitle(), false, 100);
        String locale = update.locale() == null ? null : locale(v, update.locale());
        v.throwIfInvalid();

        if (email != null && !email.equals(contact.getEmail())) {
            if (contact.getUserId() != null) {
                throw new TerminalException(ErrorCode.EMAIL_IMMUTABLE_FOR_USER); // S-CON-4
            }
            requireEmailAllowed(new AccountService(session, realm).get(contact.getAccountId()), email);
            requireEmailFree(email, contact.getId());
            contact.setEmail(email);
        }
        if (firstName != null) {
            contact.setFirstName(firstName);
        }
        if (lastName != null) {
            contact.setLastName(lastName);
        }
        if (phone != null) {
            contact.setPhone(emptyToNull(phone));
        }
        if (jobTitle != null) {
            contact.setJobTitle(emptyToNull(jobTitle));
        }
        if (locale != null) {
            contact.setLocale(emptyToNull(locale));
        }
        if (update.supportPermission() != null) {
            contact.setSupportPermission(update.supportPermission());
        }
        if (user != null) {
            // The contact is the record of the person; its user shows the same name and language (S-CON-3).
            user.setFirstName(contact.getFirstName());
            user.setLastName(contact.getLastName());
            if (contact.getLocale() != null) {
                user.setSingleAttribute(UserModel.LOCALE, contact.getLocale());
            }
        }
    }

    /** Deletes the contact and, if it is a user, its login (which enforces the last-Owner rule). */
    public void delete(Actor actor, String accountId, String contactId, Audit audit) {
        requireSameAccount(actor, accountId);
        ContactEntity contact = find(accountId, contactId);
        if (actor.isCustomer() && contact.getId().equals(actor.contactId())) {
            throw new TerminalException(ErrorCode.NOT_ON_YOURSELF); // S-ROL-3: not oneself
        }
        UserModel user = user(contact);
        TerminalRole targetRole = user == null ? null : TerminalRole.of(realm, user).orElse(null);
        policy.requireEdit(actor, targetRole);
        Map<String, Object> before = snapshot(contact);
        if (user != null) {
            new LoginService(session, realm).removeUser(actor, contact, user, audit);
        }
        em.remove(contact);
        Persistence.flush(em);
        audit.record(Audit.CONTACT, OperationType.DELETE, Audit.contactPath(accountId, contactId), before, null);
    }

    // ---- rules

    /** S-ACC-3: inside one of the account's domains unless the account allows external addresses. */
    public void requireEmailAllowed(Account account, String email) {
        if (!account.entity().isAllowExternalEmails() && !Domains.contains(account.domains(), email)) {
            throw new TerminalException(ErrorCode.EMAIL_OUTSIDE_DOMAIN, String.join(", ", account.domains()));
        }
    }

    /** S-CON-5: one e-mail address, one contact, in the whole realm — and no other Keycloak user with it. */
    public void requireEmailFree(String email, String exceptContactId) {
        List<String> ids = em.createQuery("select c.id from ContactEntity c where c.realmId = :realm and c.email = :email", String.class)
                .setParameter("realm", realm.getId()).setParameter("email", email).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(exceptContactId))) {
            throw new TerminalException(ErrorCode.EMAIL_TAKEN);
        }
        UserModel existing = session.users().getUserByEmail(realm, email);
        if (existing == null) {
            existing = session.users().getUserByUsername(realm, email);
        }
        if (existing != null) {
            ContactEntity owner = findByUser(existing.getId());
            if (owner == null || !owner.getId().equals(exceptContactId)) {
                throw new TerminalException(ErrorCode.EMAIL_TAKEN);
            }
        }
    }

    private void requireSameAccount(Actor actor, String accountId) {
        if (actor.isCustomer() && !actor.accountId().equals(accountId)) {
            throw new TerminalException(ErrorCode.ACCOUNT_NOT_FOUND);
        }
    }

    // ---- representation

    public UserModel user(ContactEntity contact) {
        return contact.getUserId() == null ? null : session.users().getUserById(realm, contact.getUserId());
    }

    public ContactRepresentation represent(ContactEntity contact) {
        return represent(List.of(contact)).get(0);
    }

    /** Representations of a page of contacts with their login data: two queries whatever the page size. */
    public List<ContactRepresentation> represent(List<ContactEntity> contacts) {
        List<String> userIds = contacts.stream().map(ContactEntity::getUserId).filter(id -> id != null).toList();
        Map<String, Boolean> enabled = new HashMap<>();
        Map<String, TerminalRole> roles = new HashMap<>();
        Map<String, Set<String>> modules = new HashMap<>();
        Set<String> mustChangePassword = new java.util.HashSet<>();
        if (!userIds.isEmpty()) {
            mustChangePassword.addAll(em.createQuery("select a.user.id from UserRequiredActionEntity a where a.user.id in :ids and a.action = :action", String.class)
                    .setParameter("ids", userIds).setParameter("action", UserModel.RequiredAction.UPDATE_PASSWORD.name()).getResultList());
            for (Object[] row : em.createQuery("select u.id, u.enabled from UserEntity u where u.id in :ids", Object[].class)
                    .setParameter("ids", userIds).getResultList()) {
                enabled.put((String) row[0], (Boolean) row[1]);
            }
            RoleIndex index = new RoleIndex(realm);
            Collection<String> roleIds = index.ids();
            if (!roleIds.isEmpty()) {
                for (Object[] row : em.createQuery("select m.user.id, m.roleId from UserRoleMappingEntity m where m.user.id in :ids and m.roleId in :roles", Object[].class)
                        .setParameter("ids", userIds).setParameter("roles", roleIds).getResultList()) {
                    String userId = (String) row[0];
                    String roleId = (String) row[1];
                    TerminalRole role = index.terminalRole(roleId);
                    if (role != null) {
                        roles.merge(userId, role, (a, b) -> a.isAbove(b) ? a : b);
                    }
                    String module = index.module(roleId);
                    if (module != null) {
                        modules.computeIfAbsent(userId, k -> new TreeSet<>()).add(module);
                    }
                }
            }
        }
        List<ContactRepresentation> result = new ArrayList<>(contacts.size());
        for (ContactEntity c : contacts) {
            String userId = c.getUserId();
            LoginStatus status = userId == null || !enabled.containsKey(userId) ? LoginStatus.NONE
                    : enabled.get(userId) ? LoginStatus.ACTIVE : LoginStatus.DEACTIVATED;
            TerminalRole role = status == LoginStatus.ACTIVE ? roles.get(userId) : null;
            List<String> granted = status == LoginStatus.ACTIVE ? List.copyOf(modules.getOrDefault(userId, Set.of())) : List.of();
            result.add(new ContactRepresentation(c.getId(), c.getAccountId(), c.getFirstName(), c.getLastName(), c.getEmail(),
                    c.getPhone(), c.getJobTitle(), c.getLocale(), c.isSupportPermission(), status,
                    status == LoginStatus.NONE ? null : userId, role == null ? null : role.wire(), granted,
                    status == LoginStatus.ACTIVE && mustChangePassword.contains(userId),
                    status == LoginStatus.ACTIVE && mustChangePassword.contains(userId) ? c.getInitialPasswordExpiresAt() : null,
                    c.getCreatedAt(), c.getUpdatedAt()));
        }
        return result;
    }

    /** What the activity log records of a contact: its own fields, no secrets. */
    public static Map<String, Object> snapshot(ContactEntity c) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("firstName", c.getFirstName());
        m.put("lastName", c.getLastName());
        m.put("email", c.getEmail());
        m.put("phone", c.getPhone());
        m.put("jobTitle", c.getJobTitle());
        m.put("locale", c.getLocale());
        m.put("supportPermission", c.isSupportPermission());
        return m;
    }

    /** A language the realm offers (its supported locales), e.g. {@code de} or {@code en}. */
    private String locale(Validator v, String value) {
        if (value == null) {
            return null;
        }
        String locale = value.strip();
        Set<String> supported = new TreeSet<>(realm.getSupportedLocalesStream().toList());
        if (supported.isEmpty()) {
            supported.add(realm.getDefaultLocale() == null ? "en" : realm.getDefaultLocale());
        }
        if (!locale.isEmpty() && !supported.contains(locale)) {
            v.add(new com.terminalacc.common.FieldError("locale", ErrorCode.VALUE_NOT_ALLOWED, String.join(", ", supported)));
            return null;
        }
        return locale;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
