package com.terminalacc.owner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactService;
import com.terminalacc.owner.OwnerRequestEntity.Status;
import com.terminalacc.owner.OwnerRequests.Decision;
import com.terminalacc.owner.OwnerRequests.FileRequest;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginService;
import com.terminalacc.user.UserNames;

/**
 * S-ROL-2: a further Owner is requested by an Owner (naming a contact and a reason) and decided by staff. Approval
 * makes the contact an Owner, activating its login if needed; the requester sees the outcome.
 */
public class OwnerRequestService {

    public static final int MAX_REASON = 2000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public OwnerRequestService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    public OwnerRequestEntity file(Actor actor, FileRequest req, Audit audit) {
        if (actor.staff() || actor.role() != TerminalRole.OWNER) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
        Validator v = new Validator();
        String contactId = v.text("contactId", req.contactId(), true, 36);
        String reason = v.text("reason", req.reason(), true, MAX_REASON);
        v.throwIfInvalid();
        new AccountService(session, realm).lock(actor.accountId()); // one pending request per contact, also when racing
        ContactService contacts = new ContactService(session, realm);
        ContactEntity contact = contacts.find(actor.accountId(), contactId);
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
        r.setAccountId(actor.accountId());
        r.setContactId(contact.getId());
        r.setRequestedBy(actor.userId());
        r.setRequestedByName(name(actor.user()));
        r.setReason(reason);
        r.setStatus(Status.PENDING);
        r.setCreatedAt(Time.currentTimeMillis());
        em.persist(r);
        Persistence.flush(em);
        audit.record(Audit.OWNER_REQUEST, OperationType.CREATE, path(r), null, snapshot(r));
        return r;
    }

    /** The account's requests, newest first — for its Owners. */
    public Page<OwnerRequestRepresentation> listForAccount(Actor actor, Paging paging) {
        if (actor.staff() || actor.role() != TerminalRole.OWNER) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
        return list(actor.accountId(), null, paging);
    }

    /** Staff: all requests of the realm, optionally by status, newest first. */
    public Page<OwnerRequestRepresentation> listForStaff(String status, String accountId, Paging paging) {
        Status s = null;
        if (status != null && !status.isBlank()) {
            Validator v = new Validator();
            s = v.oneOf("status", status, Status.class, true);
            v.throwIfInvalid();
        }
        return list(accountId, s, paging);
    }

    public OwnerRequestRepresentation get(Actor actor, String id) {
        OwnerRequestEntity r = find(id);
        if (actor.isCustomer() && (actor.role() != TerminalRole.OWNER || !actor.accountId().equals(r.getAccountId()))) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_NOT_FOUND);
        }
        return represent(List.of(r)).get(0);
    }

    public OwnerRequestEntity approve(Actor staff, String id, Decision decision, Audit audit) {
        requireStaff(staff);
        OwnerRequestEntity r = pending(id);
        String reason = decisionReason(decision, false);
        ContactEntity contact = new ContactService(session, realm).find(r.getAccountId(), r.getContactId());
        Map<String, Object> before = snapshot(r);
        new LoginService(session, realm).makeOwner(staff, contact, audit);
        decide(r, Status.APPROVED, staff, reason);
        audit.record(Audit.OWNER_REQUEST, OperationType.UPDATE, path(r), before, snapshot(r));
        return r;
    }

    public OwnerRequestEntity reject(Actor staff, String id, Decision decision, Audit audit) {
        requireStaff(staff);
        OwnerRequestEntity r = pending(id);
        String reason = decisionReason(decision, true);
        Map<String, Object> before = snapshot(r);
        decide(r, Status.REJECTED, staff, reason);
        audit.record(Audit.OWNER_REQUEST, OperationType.UPDATE, path(r), before, snapshot(r));
        return r;
    }

    // ---- helpers

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
        Map<String, ContactEntity> contacts = new HashMap<>();
        Map<String, String> accountNames = new HashMap<>();
        if (!rows.isEmpty()) {
            for (ContactEntity c : em.createQuery("select c from ContactEntity c where c.id in :ids", ContactEntity.class)
                    .setParameter("ids", rows.stream().map(OwnerRequestEntity::getContactId).distinct().toList()).getResultList()) {
                contacts.put(c.getId(), c);
            }
            for (Object[] o : em.createQuery("select o.id, o.name from OrganizationEntity o where o.id in :ids", Object[].class)
                    .setParameter("ids", rows.stream().map(OwnerRequestEntity::getAccountId).distinct().toList()).getResultList()) {
                accountNames.put((String) o[0], (String) o[1]);
            }
        }
        List<OwnerRequestRepresentation> result = new ArrayList<>();
        for (OwnerRequestEntity r : rows) {
            ContactEntity c = contacts.get(r.getContactId());
            result.add(new OwnerRequestRepresentation(r.getId(), r.getAccountId(), accountNames.get(r.getAccountId()), r.getContactId(),
                    c == null ? null : c.getFirstName() + " " + c.getLastName(), c == null ? null : c.getEmail(), r.getReason(),
                    r.getStatus().name(), r.getRequestedBy(), r.getRequestedByName(), r.getCreatedAt(), r.getDecidedByName(),
                    r.getDecisionReason(), r.getDecidedAt()));
        }
        return result;
    }

    private OwnerRequestEntity find(String id) {
        OwnerRequestEntity r = id == null ? null : em.find(OwnerRequestEntity.class, id);
        if (r == null || !r.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_NOT_FOUND);
        }
        return r;
    }

    /** The request, locked through its account so two staff members cannot decide it twice at once. */
    private OwnerRequestEntity pending(String id) {
        OwnerRequestEntity r = find(id);
        new AccountService(session, realm).lock(r.getAccountId());
        em.refresh(r);
        if (r.getStatus() != Status.PENDING) {
            throw new TerminalException(ErrorCode.OWNER_REQUEST_DECIDED);
        }
        return r;
    }

    private void decide(OwnerRequestEntity r, Status status, Actor staff, String reason) {
        r.setStatus(status);
        r.setDecidedBy(staff.userId());
        r.setDecidedByName(name(staff.user()));
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

    private static void requireStaff(Actor actor) {
        if (!actor.staff()) {
            throw new TerminalException(ErrorCode.STAFF_ONLY);
        }
    }

    private static String path(OwnerRequestEntity r) {
        return Audit.contactPath(r.getAccountId(), r.getContactId()) + "/owner-requests/" + r.getId();
    }

    private static Map<String, Object> snapshot(OwnerRequestEntity r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.getId());
        m.put("contactId", r.getContactId());
        m.put("reason", r.getReason());
        m.put("status", r.getStatus().name());
        m.put("decisionReason", r.getDecisionReason());
        return m;
    }

    private static String name(UserModel user) {
        return UserNames.displayName(user);
    }
}
