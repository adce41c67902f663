package com.terminalacc.contact;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.common.Domains;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.owner.OwnerRequestEntity;

/**
 * The rules of a contact's own data: validation, S-ACC-3 (e-mail inside the account's domains), S-CON-4 (a user's
 * e-mail is fixed), S-CON-5 (one e-mail, one contact) and S-ROL-5 (the e-mail of a contact named in a pending owner
 * request is frozen). Used when a contact is created (with an account, or later) and edited (also in the activation
 * wizard). Who may do it is decided before, by the use case.
 */
public class ContactDetails {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ContactDetails(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    private record NewContact(String firstName, String lastName, String email, String phone, String jobTitle, String locale) {
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

    private NewContact clean(Validator v, ContactInput input) {
        return new NewContact(v.name("firstName", input.firstName(), true), v.name("lastName", input.lastName(), true),
                v.email("email", input.email(), true), v.text("phone", input.phone(), false, 50),
                v.text("jobTitle", input.jobTitle(), false, 100), locale(v, input.locale()));
    }

    /**
     * Validates and inserts a contact of the account; {@code enforceDomain} is false only for the first contact of an
     * account without domains, which staff create with the account.
     */
    public ContactEntity insert(Account account, ContactInput input, boolean enforceDomain) {
        if (input == null) {
            throw TerminalException.field("owner", ErrorCode.FIELD_REQUIRED);
        }
        Validator v = new Validator();
        NewContact c = clean(v, input);
        v.throwIfInvalid();
        if (enforceDomain) {
            requireEmailAllowed(account, c.email());
        }
        requireEmailFree(c.email(), null);

        long now = Time.currentTimeMillis();
        ContactEntity contact = new ContactEntity();
        contact.setId(KeycloakModelUtils.generateId());
        contact.setRealmId(realm.getId());
        contact.setAccountId(account.id());
        contact.setFirstName(c.firstName());
        contact.setLastName(c.lastName());
        contact.setEmail(c.email());
        contact.setPhone(emptyToNull(c.phone()));
        contact.setJobTitle(emptyToNull(c.jobTitle()));
        contact.setLocale(emptyToNull(c.locale()));
        contact.setSupportPermission(input.supportPermission() == null || input.supportPermission()); // S-CON-2
        contact.setCreatedAt(now);
        contact.setUpdatedAt(now);
        em.persist(contact);
        Persistence.flush(em);
        return contact;
    }

    /**
     * Validates a change of the contact's details and applies it to the entity (not yet flushed); keeps the user's
     * name and language in step.
     */
    public void apply(ContactEntity contact, UserModel user, ContactUpdate update) {
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
            if (pendingOwnerRequest(contact)) {
                throw new TerminalException(ErrorCode.EMAIL_FROZEN_OWNER_REQUEST); // S-ROL-5
            }
            requireEmailAllowed(new AccountStore(session, realm).get(contact.getAccountId()), email);
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

    private boolean pendingOwnerRequest(ContactEntity contact) {
        return em.createQuery("select count(r) from OwnerRequestEntity r where r.contactId = :contact and r.status = :status", Long.class)
                .setParameter("contact", contact.getId()).setParameter("status", OwnerRequestEntity.Status.PENDING).getSingleResult() > 0;
    }

    /** S-ACC-3: inside one of the account's domains unless the account allows external addresses. */
    public void requireEmailAllowed(Account account, String email) {
        if (!account.entity().isAllowExternalEmails() && !Domains.contains(account.verifiedDomains(), email)) { // S-DOM-1
            throw new TerminalException(ErrorCode.EMAIL_OUTSIDE_DOMAIN, String.join(", ", account.verifiedDomains()));
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
            ContactEntity owner = new ContactStore(session, realm).findByUser(existing.getId());
            if (owner == null || !owner.getId().equals(exceptContactId)) {
                throw new TerminalException(ErrorCode.EMAIL_TAKEN);
            }
        }
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
            v.add(new FieldError("locale", ErrorCode.VALUE_NOT_ALLOWED, String.join(", ", supported)));
            return null;
        }
        return locale;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
