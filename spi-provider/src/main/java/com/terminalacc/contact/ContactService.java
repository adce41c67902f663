package com.terminalacc.contact;

import java.util.Map;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.account.AccountType;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.ContactTarget;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.user.ContactUsers;

/**
 * Contacts of an account (S-CON-1, S-CON-2, S-CON-4, S-CON-5) with the account rules that govern adding them
 * (S-ACC-2, S-ACC-3). Used by the customer API, the staff API and the ACC pages alike; every public method starts with
 * its authorization check.
 */
public class ContactService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final ContactStore contacts;
    private final AccountStore accounts;

    public ContactService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.contacts = new ContactStore(session, realm);
        this.accounts = new AccountStore(session, realm);
    }

    /** The account's contacts, searchable by name and e-mail (Owners and Admins: right manage-contacts; staff). */
    public Page<ContactRepresentation> list(AccessEvaluator auth, String accountId, String search, Paging paging) {
        auth.contacts().requireList(accountId);
        return contacts.list(accountId, search, paging);
    }

    /** One contact: one's own, or any of the account's for those who see the list. */
    public ContactRepresentation get(AccessEvaluator auth, String accountId, String contactId) {
        auth.contacts().requireView(target(accountId, contactId));
        return contacts.represent(contacts.find(accountId, contactId));
    }

    /** S-CON-1, S-CON-2: a new contact of the account; support permission on unless explicitly off. */
    public ContactEntity create(AccessEvaluator auth, String accountId, ContactInput input, Audit audit) {
        auth.contacts().requireCreate(accountId);
        Account account = accounts.lock(accountId); // the PERSONAL single-contact rule under concurrency
        if (account.type() == AccountType.PERSONAL && contacts.count(accountId) > 0) {
            throw new TerminalException(ErrorCode.PERSONAL_ACCOUNT_SINGLE_CONTACT); // S-ACC-2
        }
        if (account.verifiedDomains().isEmpty()) {
            throw new TerminalException(ErrorCode.DOMAIN_REQUIRED); // S-ACC-3, S-DOM-1
        }
        ContactEntity contact = new ContactDetails(session, realm).insert(account, input, true);
        audit.record(Audit.CONTACT, OperationType.CREATE, Audit.contactPath(accountId, contact.getId()), null, ContactStore.snapshot(contact));
        return contact;
    }

    /**
     * Details within the hierarchy (S-ROL-1, S-ROL-4); one's own name, phone, position and language, never one's own
     * support permission (S-ROL-3); a user's e-mail is fixed (S-CON-4), a requested Owner's too (S-ROL-5).
     */
    public ContactEntity update(AccessEvaluator auth, String accountId, String contactId, ContactUpdate update, Audit audit) {
        ContactTarget target = target(accountId, contactId);
        auth.contacts().requireEditDetails(target);
        accounts.lock(accountId); // an owner request for the contact may be filed at the same moment (S-ROL-5)
        ContactEntity contact = contacts.find(accountId, contactId);
        if (update.supportPermission() != null && update.supportPermission() != contact.isSupportPermission()) {
            auth.contacts().requireEdit(target); // the support permission is a right, not a detail
        }
        Map<String, Object> before = ContactStore.snapshot(contact);
        new ContactDetails(session, realm).apply(contact, contacts.user(contact), update);
        Map<String, Object> after = ContactStore.snapshot(contact);
        if (!after.equals(before)) {
            contact.setUpdatedAt(Time.currentTimeMillis());
            Persistence.flush(em);
            audit.record(Audit.CONTACT, OperationType.UPDATE, Audit.contactPath(accountId, contactId), before, after);
        }
        return contact;
    }

    /** Deletes the contact and, if it is a user, its user (never the last Owner or a cloud's last Cloud-Admin). */
    public void delete(AccessEvaluator auth, String accountId, String contactId, Audit audit) {
        auth.contacts().requireDelete(target(accountId, contactId));
        accounts.lock(accountId);
        ContactEntity contact = contacts.find(accountId, contactId);
        Map<String, Object> before = ContactStore.snapshot(contact);
        UserModel user = contacts.user(contact);
        if (user != null) {
            new ContactUsers(session, realm).remove(contact, user, audit);
        }
        em.remove(contact);
        Persistence.flush(em);
        audit.record(Audit.CONTACT, OperationType.DELETE, Audit.contactPath(accountId, contactId), before, null);
    }

    /**
     * The contact as authorization sees it. A contact id of another account answers like one that does not exist: for
     * the customer API the account is the caller's own, for staff the one in the path.
     */
    private ContactTarget target(String accountId, String contactId) {
        return contacts.target(contacts.find(accountId, contactId));
    }
}
