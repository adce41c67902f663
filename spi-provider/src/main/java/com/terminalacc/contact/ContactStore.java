package com.terminalacc.contact;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import com.terminalacc.auth.ContactTarget;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.KeycloakQueries.LoginState;
import com.terminalacc.common.Like;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.TerminalRole;

/** Contacts at the bottom: finding, listing and representing them, and their Keycloak user. No rules. */
public class ContactStore {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ContactStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** The contact of the account, or 404 — also when it exists in another account (S-ISO-1). */
    public ContactEntity find(String accountId, String contactId) {
        ContactEntity contact = findAny(contactId);
        if (contact == null || !contact.getAccountId().equals(accountId)) {
            throw new TerminalException(ErrorCode.CONTACT_NOT_FOUND);
        }
        return contact;
    }

    /** The contact of any account of the realm, or null. */
    public ContactEntity findAny(String contactId) {
        ContactEntity contact = contactId == null || contactId.length() > 36 ? null : em.find(ContactEntity.class, contactId);
        return contact == null || !contact.getRealmId().equals(realm.getId()) ? null : contact;
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

    public List<String> emails(String accountId) {
        return em.createQuery("select c.email from ContactEntity c where c.accountId = :account", String.class)
                .setParameter("account", accountId).getResultList();
    }

    /** The account's contacts, searchable by name and e-mail, by name: two queries for the page and three for its logins. */
    public Page<ContactRepresentation> list(String accountId, String search, Paging paging) {
        String where = " from ContactEntity c where c.accountId = :account";
        String term = search == null ? "" : search.strip().toLowerCase(Locale.ROOT);
        if (!term.isEmpty()) {
            where += " and (lower(c.firstName) like :term escape '\\' or lower(c.lastName) like :term escape '\\'"
                    + " or c.email like :term escape '\\' or lower(concat(concat(c.firstName, ' '), c.lastName)) like :term escape '\\')";
        }
        TypedQuery<ContactEntity> query = em.createQuery("select c" + where + " order by lower(c.lastName), lower(c.firstName), c.id", ContactEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("account", accountId);
            if (!term.isEmpty()) {
                q.setParameter("term", "%" + Like.escape(term) + "%");
            }
        }
        List<ContactEntity> contacts = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(represent(contacts), paging.first(), paging.max(), count.getSingleResult());
    }

    public UserModel user(ContactEntity contact) {
        return contact.getUserId() == null ? null : session.users().getUserById(realm, contact.getUserId());
    }

    /** The contact as authorization sees it: its account and the Terminal role its user holds, also while disabled. */
    public ContactTarget target(ContactEntity contact) {
        UserModel user = user(contact);
        return new ContactTarget(contact.getAccountId(), contact.getId(), user == null ? null : TerminalRole.of(realm, user).orElse(null));
    }

    public ContactRepresentation represent(ContactEntity contact) {
        return represent(List.of(contact)).get(0);
    }

    /** Representations of a page of contacts with their login data: three queries whatever the page size. */
    public List<ContactRepresentation> represent(List<ContactEntity> contacts) {
        List<String> userIds = contacts.stream().map(ContactEntity::getUserId).filter(id -> id != null).toList();
        Map<String, LoginState> states = new KeycloakQueries(em, realm).loginStates(userIds);
        List<ContactRepresentation> result = new ArrayList<>(contacts.size());
        for (ContactEntity c : contacts) {
            LoginState state = c.getUserId() == null ? null : states.get(c.getUserId());
            LoginStatus status = state == null ? LoginStatus.NONE : state.enabled() ? LoginStatus.ACTIVE : LoginStatus.DEACTIVATED;
            boolean active = status == LoginStatus.ACTIVE;
            boolean mustChange = active && state.mustChangePassword();
            result.add(new ContactRepresentation(c.getId(), c.getAccountId(), c.getFirstName(), c.getLastName(), c.getEmail(),
                    c.getPhone(), c.getJobTitle(), c.getLocale(), c.isSupportPermission(), status,
                    status == LoginStatus.NONE ? null : c.getUserId(), active && state.role() != null ? state.role().wire() : null,
                    active ? List.copyOf(state.modules()) : List.of(), mustChange, mustChange ? c.getInitialPasswordExpiresAt() : null,
                    active && state.twoFactor(), status == LoginStatus.NONE ? null : c.getOnboardingMail(),
                    c.getCreatedAt(), c.getUpdatedAt(), state == null ? null : state.role()));
        }
        return result;
    }

    /** What the activity log records of a contact: its own fields, no secrets. */
    public static Map<String, Object> snapshot(ContactEntity c) {
        Map<String, Object> m = new LinkedHashMap<>();
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
}
