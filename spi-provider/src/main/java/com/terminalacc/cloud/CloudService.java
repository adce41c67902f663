package com.terminalacc.cloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.AccountStore;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.CloudTarget;
import com.terminalacc.auth.Permissions;
import com.terminalacc.cloud.CloudRepresentations.AddMember;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.CreateCloud;
import com.terminalacc.cloud.CloudRepresentations.MemberRep;
import com.terminalacc.cloud.CloudRepresentations.UpdateCloud;
import com.terminalacc.cloud.CloudRepresentations.UpdateMember;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;

/**
 * Clouds and their members (S-CLD-1…7, S-CLD-9 partner members). Every public method starts with its authorization
 * check ({@link AccessEvaluator}); changes then take the lock of the cloud's account once — the same lock the login
 * changes take — and decide again on what the lock shows, so "at least one Cloud-Admin" (S-CLD-3) holds when two
 * admins demote each other at the same moment, and a right lost to a concurrent request is not used.
 */
public class CloudService {

    public static final int MAX_DESCRIPTION = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final CloudStore clouds;
    private final MembershipStore members;
    private final AccountStore accounts;
    private final ContactStore contacts;

    public CloudService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.clouds = new CloudStore(session, realm);
        this.members = new MembershipStore(session, realm);
        this.accounts = new AccountStore(session, realm);
        this.contacts = new ContactStore(session, realm);
    }

    /** The cloud as authorization sees it for the evaluator's actor. */
    public CloudTarget target(AccessEvaluator auth, String cloudId) {
        return clouds.target(auth.actor(), clouds.find(cloudId));
    }

    /**
     * Takes the lock of the cloud's account, then resolves the actor's relation to the cloud again and asks the same
     * question once more: what counts is what the lock shows.
     */
    private CloudTarget locked(AccessEvaluator auth, CloudEntity cloud, Consumer<CloudTarget> require) {
        return locked(auth, cloud, null, require);
    }

    /** The same, locking also {@code otherAccount} (a partner whose member is written) in the fixed order. */
    private CloudTarget locked(AccessEvaluator auth, CloudEntity cloud, String otherAccount, Consumer<CloudTarget> require) {
        accounts.lock(cloud.getAccountId(), otherAccount);
        refreshOrNotFound(em, cloud);
        CloudTarget c = clouds.target(auth.actor(), cloud);
        require.accept(c);
        return c;
    }

    /** Re-reads a cloud under the lock; one deleted meanwhile answers 404 {@code cloud_not_found}. */
    static void refreshOrNotFound(EntityManager em, CloudEntity cloud) {
        Persistence.refresh(em, cloud, ErrorCode.CLOUD_NOT_FOUND);
    }

    // ---- clouds

    private static final java.util.Comparator<CloudEntity> BY_NAME = java.util.Comparator.comparing(CloudEntity::getNameKey)
            .thenComparing(CloudEntity::getId);

    /** S-CLD-7: the clouds assigned to the user; with the right manage-all-clouds every cloud of its account. */
    public Page<CloudRep> list(AccessEvaluator auth, Paging paging) {
        auth.clouds().requireList();
        String accountId = auth.actor().accountId();
        String user = auth.actor().userId();
        String memberOf = "select m.cloudId from CloudMemberEntity m where m.userId = :user";
        if (!auth.clouds().managesAllOf(accountId)) {
            List<CloudEntity> page = em.createQuery("select c from CloudEntity c where c.id in (" + memberOf + ") order by c.nameKey, c.id", CloudEntity.class)
                    .setParameter("user", user).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
            long total = em.createQuery("select count(c) from CloudEntity c where c.id in (" + memberOf + ")", Long.class)
                    .setParameter("user", user).getSingleResult();
            return new Page<>(represent(auth, page), paging.first(), paging.max(), total);
        }
        // An Owner sees the account's clouds and the clouds shared with it where it is a member. Asked as one query
        // ("account = x or id in (memberships)") the database reads every cloud of every account (issue 16: 70 ms at
        // 200,000 clouds); asked as two, each walks its index in name order. The page is the first+max of each, merged.
        int window = paging.first() + paging.max();
        List<CloudEntity> own = em.createQuery("select c from CloudEntity c where c.accountId = :account order by c.nameKey, c.id", CloudEntity.class)
                .setParameter("account", accountId).setMaxResults(window).getResultList();
        List<CloudEntity> shared = em.createQuery("select c from CloudEntity c where c.accountId <> :account and c.id in (" + memberOf + ")"
                        + " order by c.nameKey, c.id", CloudEntity.class)
                .setParameter("account", accountId).setParameter("user", user).setMaxResults(window).getResultList();
        // A two-way merge keeps each list in the database's order, and its first `window` rows do not depend on how far
        // the lists were read: pages stay consistent (nothing repeated or skipped) whatever the collation.
        List<CloudEntity> merged = new ArrayList<>(own.size() + shared.size());
        int i = 0;
        int j = 0;
        while (i < own.size() || j < shared.size()) {
            boolean ownFirst = j >= shared.size() || i < own.size()
                    && BY_NAME.compare(own.get(i), shared.get(j)) <= 0;
            merged.add(ownFirst ? own.get(i++) : shared.get(j++));
        }
        List<CloudEntity> page = merged.subList(Math.min(paging.first(), merged.size()), Math.min(window, merged.size()));
        long total = em.createQuery("select count(c) from CloudEntity c where c.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult()
                + em.createQuery("select count(c) from CloudEntity c where c.accountId <> :account and c.id in (" + memberOf + ")", Long.class)
                .setParameter("account", accountId).setParameter("user", user).getSingleResult();
        return new Page<>(represent(auth, page), paging.first(), paging.max(), total);
    }

    /** Staff: the clouds of one account. */
    public Page<CloudRep> listOfAccount(AccessEvaluator auth, String accountId, Paging paging) {
        auth.staff().requireRead();
        accounts.get(accountId);
        List<CloudEntity> page = em.createQuery("select c from CloudEntity c where c.accountId = :account order by c.nameKey, c.id", CloudEntity.class)
                .setParameter("account", accountId).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        long total = em.createQuery("select count(c) from CloudEntity c where c.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
        return new Page<>(represent(auth, page), paging.first(), paging.max(), total);
    }

    public CloudRep get(AccessEvaluator auth, String cloudId) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.clouds().requireView(clouds.target(auth.actor(), cloud));
        return represent(auth, List.of(cloud)).get(0);
    }

    /** S-CLD-1, S-CLD-3: Owners and Admins create clouds; the creator becomes the first Cloud-Admin. */
    public CloudEntity create(AccessEvaluator auth, CreateCloud req, Audit audit) {
        auth.clouds().requireCreate();
        Validator v = new Validator();
        String name = v.name("name", req.name(), true);
        String description = v.text("description", req.description(), false, MAX_DESCRIPTION);
        String icon = icon(v, req.icon());
        v.throwIfInvalid();
        String accountId = auth.actor().accountId();
        accounts.lock(accountId);
        if (clouds.nameTaken(accountId, name, null)) {
            throw new TerminalException(ErrorCode.CLOUD_NAME_TAKEN, name);
        }
        CloudEntity cloud = new CloudEntity();
        cloud.setId(KeycloakModelUtils.generateId());
        cloud.setRealmId(realm.getId());
        cloud.setAccountId(accountId);
        cloud.setName(name);
        cloud.setDescription(emptyToNull(description));
        cloud.setIcon(icon == null ? "cloud" : icon);
        cloud.setCreatedBy(auth.actor().userId());
        cloud.setCreatedAt(Time.currentTimeMillis());
        em.persist(cloud);
        members.cloudsChanged(accountId);
        CloudMemberEntity admin = members.add(cloud, auth.actor().userId(), accountId, MemberType.ADMIN, true, true, null);
        Persistence.flush(em);
        audit.record(Audit.CLOUD, OperationType.CREATE, Audit.cloudPath(cloud), null, snapshot(cloud));
        audit.record(Audit.CLOUD_MEMBER, OperationType.CREATE, Audit.memberPath(cloud, auth.actor().contactId()), null, memberSnapshot(admin));
        return cloud;
    }

    /** S-CLD-4: rename, description, icon — Cloud-Admins only. */
    public CloudEntity update(AccessEvaluator auth, String cloudId, UpdateCloud req, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.clouds().requireManage(clouds.target(auth.actor(), cloud));
        Validator v = new Validator();
        String name = req.name() == null ? null : v.name("name", req.name(), true);
        String description = v.text("description", req.description(), false, MAX_DESCRIPTION);
        String icon = req.icon() == null ? null : icon(v, req.icon());
        v.throwIfInvalid();
        locked(auth, cloud, auth.clouds()::requireManage);
        Map<String, Object> before = snapshot(cloud);
        if (name != null && !name.equals(cloud.getName())) {
            if (clouds.nameTaken(cloud.getAccountId(), name, cloud.getId())) {
                throw new TerminalException(ErrorCode.CLOUD_NAME_TAKEN, name);
            }
            cloud.setName(name);
        }
        if (description != null) {
            cloud.setDescription(emptyToNull(description));
        }
        if (icon != null) {
            cloud.setIcon(icon);
        }
        Persistence.flush(em);
        Map<String, Object> after = snapshot(cloud);
        if (!after.equals(before)) {
            audit.record(Audit.CLOUD, OperationType.UPDATE, Audit.cloudPath(cloud), before, after);
        }
        return cloud;
    }

    /** S-CLD-4: Cloud-Admins delete a cloud — once its products have been moved elsewhere. */
    public void delete(AccessEvaluator auth, String cloudId, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.clouds().requireManage(clouds.target(auth.actor(), cloud));
        locked(auth, cloud, auth.clouds()::requireManage);
        long products = clouds.productCount(cloud.getId());
        if (products > 0) {
            throw new TerminalException(ErrorCode.CLOUD_HAS_PRODUCTS, products);
        }
        Map<String, Object> before = snapshot(cloud);
        members.removeAllOfCloud(cloud);
        em.createQuery("delete from CloudShareEntity s where s.cloudId = :cloud").setParameter("cloud", cloud.getId()).executeUpdate();
        em.remove(cloud);
        Persistence.flush(em);
        audit.record(Audit.CLOUD, OperationType.DELETE, Audit.cloudPath(cloud), before, null);
    }

    // ---- members

    /** The members the actor sees: all for the cloud's own account and staff; a partner sees the sharer and itself. */
    public Page<MemberRep> members(AccessEvaluator auth, String cloudId, Paging paging) {
        CloudEntity cloud = clouds.find(cloudId);
        CloudTarget c = clouds.target(auth.actor(), cloud);
        auth.clouds().requireView(c);
        Page<CloudMemberEntity> page = members.page(cloud.getId(), auth.members().visibleAccounts(c), paging);
        return new Page<>(representMembers(auth, c, page.items()), page.first(), page.max(), page.total());
    }

    /**
     * S-CLD-4, S-CLD-5, S-CLD-9: a Cloud-Admin adds a user of the cloud's account; the Owners and Admins of a partner
     * company add their own users, as Cloud-Members within the share's ceiling.
     */
    public MemberRep addMember(AccessEvaluator auth, String cloudId, AddMember req, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        Validator v = new Validator();
        String contactId = v.text("contactId", req.contactId(), true, 36);
        MemberType type = v.oneOf("type", req.type() == null ? "MEMBER" : req.type(), MemberType.class, true);
        v.throwIfInvalid();
        ContactEntity contact = contacts.findAny(contactId);
        String memberAccount = contact == null ? null : contact.getAccountId();
        auth.members().requireAdd(clouds.target(auth.actor(), cloud), memberAccount);
        if (Boolean.FALSE.equals(req.read())) {
            throw new TerminalException(ErrorCode.READ_NOT_REMOVABLE);
        }
        boolean write = Boolean.TRUE.equals(req.write());
        boolean order = Boolean.TRUE.equals(req.order());
        CloudTarget c = locked(auth, cloud, memberAccount, t -> auth.members().requireAdd(t, memberAccount));
        UserModel user = contacts.user(contact);
        if (user == null || !user.isEnabled()) {
            throw new TerminalException(ErrorCode.MEMBER_NOT_ACTIVE);
        }
        CloudShareEntity share = memberAccount.equals(cloud.getAccountId()) ? null : clouds.shareWith(cloud.getId(), memberAccount);
        auth.members().requireGrantable(c, share == null ? null : CloudStore.share(share), memberAccount, type, write, order);
        if (members.find(cloud.getId(), user.getId()) != null) {
            throw new TerminalException(ErrorCode.ALREADY_MEMBER);
        }
        CloudMemberEntity member = members.add(cloud, user.getId(), memberAccount, type, write, order, share == null ? null : share.getId());
        Persistence.flush(em);
        audit.record(Audit.CLOUD_MEMBER, OperationType.CREATE, Audit.memberPath(cloud, contact.getId()), null, memberSnapshot(member));
        return representMembers(auth, c, List.of(member)).get(0);
    }

    /** S-CLD-4, S-CLD-5: type and permissions of a member; read stays; the last Cloud-Admin stays (S-CLD-3). */
    public MemberRep updateMember(AccessEvaluator auth, String cloudId, String contactId, UpdateMember req, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        ContactEntity contact = memberContact(contactId);
        auth.members().requireEdit(clouds.target(auth.actor(), cloud), contact == null ? null : contact.getAccountId());
        if (Boolean.FALSE.equals(req.read())) {
            throw new TerminalException(ErrorCode.READ_NOT_REMOVABLE);
        }
        Validator v = new Validator();
        MemberType type = req.type() == null ? null : v.oneOf("type", req.type(), MemberType.class, true);
        v.throwIfInvalid();
        CloudTarget c = locked(auth, cloud, t -> auth.members().requireEdit(t, contact.getAccountId()));
        CloudMemberEntity member = membership(cloud, contact);
        Map<String, Object> before = memberSnapshot(member);
        MemberType newType = type == null ? member.getType() : type;
        boolean write = req.write() == null ? member.isCanWrite() : req.write();
        boolean order = req.order() == null ? member.isCanOrder() : req.order();
        CloudShareEntity share = member.getShareId() == null ? null : em.find(CloudShareEntity.class, member.getShareId());
        auth.members().requireGrantable(c, share == null ? null : CloudStore.share(share), member.getAccountId(), newType, write, order);
        if (member.getType() == MemberType.ADMIN && newType != MemberType.ADMIN) {
            new LastCloudAdminRule(session, realm).requireAnotherAdmin(cloud.getId());
        }
        members.update(member, newType, write, order);
        Persistence.flush(em);
        Map<String, Object> after = memberSnapshot(member);
        if (!after.equals(before)) {
            audit.record(Audit.CLOUD_MEMBER, OperationType.UPDATE, Audit.memberPath(cloud, contactId), before, after);
        }
        return representMembers(auth, c, List.of(member)).get(0);
    }

    public void removeMember(AccessEvaluator auth, String cloudId, String contactId, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        ContactEntity contact = memberContact(contactId);
        auth.members().requireEdit(clouds.target(auth.actor(), cloud), contact == null ? null : contact.getAccountId());
        locked(auth, cloud, t -> auth.members().requireEdit(t, contact.getAccountId()));
        CloudMemberEntity member = membership(cloud, contact);
        if (member.getType() == MemberType.ADMIN) {
            new LastCloudAdminRule(session, realm).requireAnotherAdmin(cloud.getId()); // S-CLD-3
        }
        Map<String, Object> before = memberSnapshot(member);
        members.remove(member);
        Persistence.flush(em);
        audit.record(Audit.CLOUD_MEMBER, OperationType.DELETE, Audit.memberPath(cloud, contactId), before, null);
    }

    /**
     * The contact named as a member in the path, or null when there is none with a user; the authorization check
     * decides what that answers, so a missing id answers like a foreign one.
     */
    private ContactEntity memberContact(String contactId) {
        ContactEntity contact = contacts.findAny(contactId);
        return contact == null || contact.getUserId() == null ? null : contact;
    }

    private CloudMemberEntity membership(CloudEntity cloud, ContactEntity contact) {
        CloudMemberEntity member = members.find(cloud.getId(), contact.getUserId());
        if (member == null) {
            throw new TerminalException(ErrorCode.MEMBER_NOT_FOUND);
        }
        return member;
    }

    /**
     * Who the actor may add to the cloud: active users of the cloud's account for a Cloud-Admin (whatever its
     * Terminal role), active users of its own company for a partner's Owner or Admin — minus the current members. At most
     * {@code limit}, in name order; with a term only those whose name or e-mail address starts with it.
     */
    public List<Map<String, Object>> candidates(AccessEvaluator auth, String cloudId, String term, int limit) {
        CloudTarget c = target(auth, cloudId);
        auth.clouds().requireView(c);
        String account = auth.members().addsFrom(c);
        if (account == null) {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object[] row : new KeycloakQueries(em, realm).activeContactsOutside(account, cloudId, term == null ? "" : term.strip(), limit)) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("contactId", row[0]);
            m.put("firstName", row[1]);
            m.put("lastName", row[2]);
            m.put("email", row[3]);
            result.add(m);
        }
        return result;
    }

    /** The clouds a contact's user is a member of, with its permissions there: the user detail (S-LOG-2). */
    public List<Map<String, Object>> cloudsOfContact(AccessEvaluator auth, String accountId, String contactId) {
        ContactEntity contact = contacts.find(accountId, contactId);
        auth.contacts().requireView(contacts.target(contact));
        List<Map<String, Object>> result = new ArrayList<>();
        if (contact.getUserId() == null) {
            return result;
        }
        for (Object[] row : em.createQuery("select c.id, c.name, c.icon, m.type, m.canWrite, m.canOrder from CloudMemberEntity m, CloudEntity c"
                        + " where m.userId = :user and c.id = m.cloudId order by c.nameKey", Object[].class)
                .setParameter("user", contact.getUserId()).setMaxResults(500).getResultList()) {
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("id", row[0]);
            cloud.put("name", row[1]);
            cloud.put("icon", row[2]);
            cloud.put("type", ((MemberType) row[3]).name());
            cloud.put("permissions", Permissions.effective((MemberType) row[3], (Boolean) row[4], (Boolean) row[5], false));
            result.add(cloud);
        }
        return result;
    }

    // ---- representations

    /** Cloud representations for a page: a bounded number of queries whatever its size. */
    private List<CloudRep> represent(AccessEvaluator auth, List<CloudEntity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> ids = page.stream().map(CloudEntity::getId).toList();
        // members a viewer sees: all in its own account's clouds, the sharer's and its own people in a shared one
        Map<String, Long> memberCounts = new HashMap<>();
        String mine = auth.actor().isCustomer() ? auth.actor().accountId() : null;
        TypedQuery<Object[]> visible = em.createQuery("select m.cloudId, count(m) from CloudMemberEntity m, CloudEntity c where c.id = m.cloudId"
                + " and m.cloudId in :ids" + (mine == null ? "" : " and (c.accountId = :mine or m.accountId = c.accountId or m.accountId = :mine)")
                + " group by m.cloudId", Object[].class).setParameter("ids", ids);
        if (mine != null) {
            visible.setParameter("mine", mine);
        }
        for (Object[] row : visible.getResultList()) {
            memberCounts.put((String) row[0], (Long) row[1]);
        }
        Map<String, Long> productCounts = counts("select p.cloudId, count(p) from ProductEntity p where p.cloudId in :ids group by p.cloudId", ids);
        Map<String, Long> shareCounts = counts("select s.cloudId, count(s) from CloudShareEntity s where s.cloudId in :ids and s.status = 'ACCEPTED' group by s.cloudId", ids);
        Map<String, CloudMemberEntity> memberships = new HashMap<>();
        if (auth.actor().isCustomer()) {
            for (CloudMemberEntity m : em.createQuery("select m from CloudMemberEntity m where m.userId = :user and m.cloudId in :ids", CloudMemberEntity.class)
                    .setParameter("user", auth.actor().userId()).setParameter("ids", ids).getResultList()) {
                memberships.put(m.getCloudId(), m);
            }
        }
        Map<String, String> accountNames = new KeycloakQueries(em, realm).organizationNames(page.stream().map(CloudEntity::getAccountId).distinct().toList());
        List<CloudRep> result = new ArrayList<>();
        for (CloudEntity c : page) {
            CloudMemberEntity m = memberships.get(c.getId());
            CloudTarget t = new CloudTarget(c.getId(), c.getAccountId(), m == null ? null : m.getType(), m != null && m.isCanWrite(),
                    m != null && m.isCanOrder(), null);
            String permissions = auth.clouds().permissions(t);
            result.add(new CloudRep(c.getId(), c.getAccountId(), accountNames.get(c.getAccountId()), c.getName(), c.getDescription(),
                    c.getIcon(), permissions, Permissions.isCloudAdmin(permissions), mine != null && !mine.equals(c.getAccountId()),
                    memberCounts.getOrDefault(c.getId(), 0L), productCounts.getOrDefault(c.getId(), 0L),
                    shareCounts.getOrDefault(c.getId(), 0L) > 0, c.getCreatedAt()));
        }
        return result;
    }

    private List<MemberRep> representMembers(AccessEvaluator auth, CloudTarget cloud, List<CloudMemberEntity> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, ContactEntity> byUser = new HashMap<>();
        for (ContactEntity c : em.createQuery("select c from ContactEntity c where c.userId in :ids", ContactEntity.class)
                .setParameter("ids", page.stream().map(CloudMemberEntity::getUserId).toList()).getResultList()) {
            byUser.put(c.getUserId(), c);
        }
        List<MemberRep> result = new ArrayList<>();
        for (CloudMemberEntity m : page) {
            ContactEntity c = byUser.get(m.getUserId());
            String permissions = m.permissions();
            result.add(new MemberRep(c == null ? null : c.getId(), m.getUserId(), m.getAccountId(), c == null ? null : c.getFirstName(),
                    c == null ? null : c.getLastName(), c == null ? null : c.getEmail(), m.getType(), true,
                    Permissions.allows(permissions, "write"), Permissions.allows(permissions, "order"), permissions,
                    !m.getAccountId().equals(cloud.accountId()), m.getShareId(), auth.members().canEdit(cloud, m.getAccountId())));
        }
        return result;
    }

    private Map<String, Long> counts(String jpql, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
    }

    private static String icon(Validator v, String icon) {
        if (icon == null) {
            return null;
        }
        String value = icon.strip().toLowerCase(java.util.Locale.ROOT);
        if (!CloudRepresentations.ICONS.contains(value)) {
            v.add(new FieldError("icon", ErrorCode.VALUE_NOT_ALLOWED, String.join(", ", CloudRepresentations.ICONS)));
            return null;
        }
        return value;
    }

    static Map<String, Object> snapshot(CloudEntity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.getId());
        m.put("name", c.getName());
        m.put("description", c.getDescription());
        m.put("icon", c.getIcon());
        return m;
    }

    static Map<String, Object> memberSnapshot(CloudMemberEntity m) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("cloudId", m.getCloudId());
        s.put("userId", m.getUserId());
        s.put("type", m.getType().name());
        s.put("permissions", m.permissions());
        s.put("shareId", m.getShareId());
        return s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
