package com.terminalacc.owner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.LoginStatus;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.owner.OwnerRequestEntity.Status;
import com.terminalacc.owner.OwnerRequests.Decision;
import com.terminalacc.owner.OwnerRequests.FileRequest;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.ContactUsers;
import com.terminalacc.user.Onboarding;
import com.terminalacc.user.UserNames;

/**
 * S-ROL-2, S-ROL-5: a further Owner is requested by an Owner (naming a contact and a reason) and decided by staff.
 * The request pins the person as it was when filed (contact, name, e-mail); the e-mail is frozen while the request is
 * pending, and approval is refused when the person changed. Approval makes the contact an Owner, activating its login
 * if needed; the requester sees the outcome.
 */
public class OwnerRequestService {

    public static final int MAX_REASON = 2000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final AccountStore accounts;
    private final ContactStore contacts;

    public OwnerRequestService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.accounts = new AccountStore(session, realm);
        this.contacts = new ContactStore(session, realm);
    }

    public OwnerRequestEntity file(AccessEvaluator auth, String accountId, FileRequest req, Audit audit) {
        auth.ownerRequests().requireFile(accountId);
        Validator v = new Validator();
        String contactId = v.text("contactId", req.contactId(), true, 36);
        String reason = v.text("reason", req.reason(), true, MAX_REASON);
        v.throwIfInvalid();
        accounts.lock(accountId); // one pending request per contact, also when racing; the e-mail freeze (S-ROL-5)
        ContactEntity contact = contacts.find(accountId, contactId);
        UserModel user = contacts.user(contact);
        if (user != null && user.isEnabled() && TerminalRole.of(realm, user).orElse(null) == TerminalRole.OWNER) {
            throw new TerminalException(ErrorCode.ALREADY_OWNER);
        }
        long pending = em.createQuery("select count(r) from OwnerRequestEntity r where r.contactId = :contact and r.status = :status", Long.class)
                .setParameter("contact", contact.getId()).setParameter("status", Status.PENDING).getSingleResult();
        if (pending > 0) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_PENDING);
        }
        OwnerRequestEntity r = new OwnerRequestEntity();
        r.setId(KeycloakModelUtils.generateId());
        r.setRealmId(realm.getId());
        r.setAccountId(accountId);
        r.setContactId(contact.getId());
        r.setRequestedFirstName(contact.getFirstName());
        r.setRequestedLastName(contact.getLastName());
        r.setRequestedEmail(contact.getEmail());
        r.setRequestedBy(auth.actor().userId());
        r.setRequestedByName(UserNames.displayName(auth.actor().user()));
        r.setReason(reason);
        r.setStatus(Status.PENDING);
        r.setCreatedAt(Time.currentTimeMillis());
        em.persist(r);
        Persistence.flush(em);
        audit.record(Audit.OWNER_REQUEST, OperationType.CREATE, path(r), null, snapshot(r));
        return r;
    }

    /** Whom an owner request may name: the account's contacts that are not active Owners yet, by name (at most 200). */
    public List<Map<String, Object>> candidates(AccessEvaluator auth, String accountId) {
        auth.ownerRequests().requireFile(accountId);
        List<Map<String, Object>> result = new ArrayList<>();
        for (ContactRepresentation c : contacts.list(accountId, null, new Paging(0, 100)).items()) {
            if (c.loginStatus() != LoginStatus.ACTIVE || c.heldRole() != TerminalRole.OWNER) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("firstName", c.firstName());
                m.put("lastName", c.lastName());
                m.put("email", c.email());
                result.add(m);
            }
        }
        return result;
    }

    /** The account's requests, newest first (Owners: right request-owner; staff). */
    public Page<OwnerRequestRepresentation> listOfAccount(AccessEvaluator auth, String accountId, Paging paging) {
        auth.ownerRequests().requireList(accountId);
        return list(accountId, null, paging);
    }

    /** Staff: all requests of the realm, optionally by status and account, newest first. */
    public Page<OwnerRequestRepresentation> listAll(AccessEvaluator auth, String status, String accountId, Paging paging) {
        auth.staff().requireRead();
        Status s = null;
        if (status != null && !status.isBlank()) {
            Validator v = new Validator();
            s = v.oneOf("status", status, Status.class, true);
            v.throwIfInvalid();
        }
        return list(accountId == null || accountId.isBlank() ? null : accountId, s, paging);
    }

    public OwnerRequestRepresentation get(AccessEvaluator auth, String id) {
        OwnerRequestEntity r = find(id);
        auth.ownerRequests().requireView(r.getAccountId());
        return represent(List.of(r)).get(0);
    }

    /** S-ROL-2, S-ROL-5: the named contact becomes an Owner — refused if the person changed since filing. */
    public OwnerRequestEntity approve(AccessEvaluator auth, String id, Decision decision, Audit audit) {
        auth.ownerRequests().requireDecide();
        String reason = decisionReason(decision, false);
        OwnerRequestEntity r = pending(id);
        ContactEntity contact = contacts.findAny(r.getContactId());
        if (contact == null || !contact.getAccountId().equals(r.getAccountId()) || changed(r, contact)) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_OUTDATED);
        }
        Map<String, Object> before = snapshot(r);
        makeOwner(auth, accounts.get(r.getAccountId()), contact, audit);
        decide(auth, r, Status.APPROVED, reason);
        audit.record(Audit.OWNER_REQUEST, OperationType.UPDATE, path(r), before, snapshot(r));
        return r;
    }

    public OwnerRequestEntity reject(AccessEvaluator auth, String id, Decision decision, Audit audit) {
        auth.ownerRequests().requireDecide();
        String reason = decisionReason(decision, true);
        OwnerRequestEntity r = pending(id);
        Map<String, Object> before = snapshot(r);
        decide(auth, r, Status.REJECTED, reason);
        audit.record(Audit.OWNER_REQUEST, OperationType.UPDATE, path(r), before, snapshot(r));
        return r;
    }

    // ---- helpers

    /** Makes the contact an Owner, activating its login if needed (the account is locked). */
    private void makeOwner(AccessEvaluator auth, Account account, ContactEntity contact, Audit audit) {
        ContactUsers users = new ContactUsers(session, realm);
        UserModel user = contacts.user(contact);
        ModuleCatalog catalog = ModuleCatalog.of(realm);
        if (user != null && user.isEnabled()) {
            TerminalRole current = TerminalRole.of(realm, user).orElse(null);
            if (current == TerminalRole.OWNER) {
                throw new TerminalException(ErrorCode.ALREADY_OWNER);
            }
            Map<String, Object> before = ContactUsers.snapshot(user, current, catalog.held(user));
            users.setRole(user, TerminalRole.OWNER);
            Persistence.flush(em);
            audit.record(Audit.USER, OperationType.UPDATE, ContactUsers.loginPath(contact), before, ContactUsers.snapshot(user, TerminalRole.OWNER, catalog.held(user)));
            return;
        }
        if (user == null) {
            user = users.create(account, contact);
        }
        user.setEnabled(true);
        users.setRole(user, TerminalRole.OWNER);
        new Onboarding(session, realm).start(contact, user, account.name(), UserNames.displayName(auth.actor().user()));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, ContactUsers.loginPath(contact), null, ContactUsers.snapshot(user, TerminalRole.OWNER, Set.of()));
    }

    /** S-ROL-5: name or e-mail differ from what was requested (requests filed before names were kept are not compared). */
    private static boolean changed(OwnerRequestEntity r, ContactEntity c) {
        if (r.getRequestedEmail() == null) {
            return false;
        }
        return !Objects.equals(r.getRequestedEmail(), c.getEmail()) || !Objects.equals(r.getRequestedFirstName(), c.getFirstName())
                || !Objects.equals(r.getRequestedLastName(), c.getLastName());
    }

    private Page<OwnerRequestRepresentation> list(String accountId, Status status, Paging paging) {
        String where = " from OwnerRequestEntity r where r.realmId = :realm"
                + (accountId != null ? " and r.accountId = :account" : "")
                + (status != null ? " and r.status = :status" : "");
        TypedQuery<OwnerRequestEntity> query = em.createQuery("select r" + where + " order by r.createdAt desc, r.id", OwnerRequestEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("realm", realm.getId());
            if (accountId != null) {
                q.setParameter("account", accountId);
            }
            if (status != null) {
                q.setParameter("status", status);
            }
        }
        List<OwnerRequestEntity> rows = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(represent(rows), paging.first(), paging.max(), count.getSingleResult());
    }

    /** Representations with contact and account names: two extra queries per page. */
    private List<OwnerRequestRepresentation> represent(List<OwnerRequestEntity> rows) {
        Map<String, ContactEntity> byId = new HashMap<>();
        Map<String, String> accountNames = new HashMap<>();
        if (!rows.isEmpty()) {
            for (ContactEntity c : em.createQuery("select c from ContactEntity c where c.id in :ids", ContactEntity.class)
                    .setParameter("ids", rows.stream().map(OwnerRequestEntity::getContactId).distinct().toList()).getResultList()) {
                byId.put(c.getId(), c);
            }
            accountNames = new KeycloakQueries(em, realm).organizationNames(rows.stream().map(OwnerRequestEntity::getAccountId).distinct().toList());
        }
        List<OwnerRequestRepresentation> result = new ArrayList<>();
        for (OwnerRequestEntity r : rows) {
            ContactEntity c = byId.get(r.getContactId());
            String requestedName = r.getRequestedEmail() == null ? null : (r.getRequestedFirstName() + " " + r.getRequestedLastName()).strip();
            result.add(new OwnerRequestRepresentation(r.getId(), r.getAccountId(), accountNames.get(r.getAccountId()), r.getContactId(),
                    requestedName, r.getRequestedEmail(), c == null ? null : c.getFirstName() + " " + c.getLastName(),
                    c == null ? null : c.getEmail(), c == null || changed(r, c), r.getReason(), r.getStatus().name(),
                    r.getRequestedBy(), r.getRequestedByName(), r.getCreatedAt(), r.getDecidedByName(), r.getDecisionReason(), r.getDecidedAt()));
        }
        return result;
    }

    private OwnerRequestEntity find(String id) {
        OwnerRequestEntity r = id == null || id.length() > 36 ? null : em.find(OwnerRequestEntity.class, id);
        if (r == null || !r.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_NOT_FOUND);
        }
        return r;
    }

    /** The request, with its account locked so two staff members cannot decide it twice at once. */
    private OwnerRequestEntity pending(String id) {
        OwnerRequestEntity r = find(id);
        accounts.lock(r.getAccountId());
        em.refresh(r);
        if (r.getStatus() != Status.PENDING) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_DECIDED);
        }
        return r;
    }

    private void decide(AccessEvaluator auth, OwnerRequestEntity r, Status status, String reason) {
        r.setStatus(status);
        r.setDecidedBy(auth.actor().userId());
        r.setDecidedByName(UserNames.displayName(auth.actor().user()));
        r.setDecisionReason(reason);
        r.setDecidedAt(Time.currentTimeMillis());
        Persistence.flush(em);
    }

    private static String decisionReason(Decision decision, boolean required) {
        Validator v = new Validator();
        String reason = v.text("reason", decision == null ? null : decision.reason(), required, MAX_REASON);
        v.throwIfInvalid();
        return reason == null || reason.isEmpty() ? null : reason;
    }

    private static String path(OwnerRequestEntity r) {
        return Audit.contactPath(r.getAccountId(), r.getContactId()) + "/owner-requests/" + r.getId();
    }

    private static Map<String, Object> snapshot(OwnerRequestEntity r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.getId());
        m.put("contactId", r.getContactId());
        m.put("requestedEmail", r.getRequestedEmail());
        m.put("reason", r.getReason());
        m.put("status", r.getStatus().name());
        m.put("decisionReason", r.getDecisionReason());
        return m;
    }
}
