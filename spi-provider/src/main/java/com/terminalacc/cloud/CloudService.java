package com.terminalacc.cloud;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import com.terminalacc.cloud.CloudRepresentations.AddMember;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.CreateCloud;
import com.terminalacc.cloud.CloudRepresentations.MemberRep;
import com.terminalacc.cloud.CloudRepresentations.UpdateCloud;
import com.terminalacc.cloud.CloudRepresentations.UpdateMember;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactService;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.token.ClaimCache;

/**
 * Clouds and their members (S-CLD-1…7). Who may do what to a cloud is decided by {@link #access(Actor, CloudEntity)}:
 * a member sees it, a Cloud-Admin — or an Owner of the cloud's account (S-CLD-7) — manages it, and the Owners and
 * Admins of a partner company manage their own people in a cloud shared with them (S-CLD-9).
 * <p>
 * Every change to members takes the lock of the cloud's account first (the same lock the login changes take), so
 * "at least one Cloud-Admin" (S-CLD-3) holds when two admins demote each other at the same moment, and when a login
 * is deactivated while someone edits a cloud.
 */
public class CloudService {

    public static final int MAX_DESCRIPTION = 1000;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public CloudService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** What the actor may do with one cloud. */
    public record Access(CloudEntity cloud, CloudMemberEntity membership, boolean manage, CloudShareEntity partnerShare) {

        /** The actor's effective permissions on the cloud, as in the token. */
        public String permissions() {
            if (manage) {
                return Permissions.CLOUD_ADMIN;
            }
            return membership == null ? null : membership.permissions();
        }
    }

    // ---- access

    public CloudEntity find(String cloudId) {
        CloudEntity cloud = cloudId == null ? null : em.find(CloudEntity.class, cloudId);
        if (cloud == null || !cloud.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.CLOUD_NOT_FOUND);
        }
        return cloud;
    }

    /** The actor's access to the cloud; a cloud the actor may not see answers 404 (no hint that it exists). */
    public Access access(Actor actor, String cloudId) {
        return access(actor, find(cloudId));
    }

    public Access access(Actor actor, CloudEntity cloud) {
        if (actor.staff()) {
            return new Access(cloud, null, false, null);
        }
        CloudMemberEntity membership = em.find(CloudMemberEntity.class, new CloudMemberEntity.Key(cloud.getId(), actor.userId()));
        boolean ownAccount = cloud.getAccountId().equals(actor.accountId());
        boolean owner = ownAccount && actor.role() == TerminalRole.OWNER; // S-CLD-7
        boolean admin = membership != null && membership.getType() == MemberType.ADMIN && ownAccount;
        CloudShareEntity partnerShare = null;
        if (!ownAccount && (actor.role() == TerminalRole.OWNER || actor.role() == TerminalRole.ADMIN)) {
            partnerShare = new ShareService(session, realm).shareWith(cloud.getId(), actor.accountId());
            if (partnerShare != null && partnerShare.getStatus() != ShareStatus.ACCEPTED) {
                partnerShare = null;
            }
        }
        if (membership == null && !owner && partnerShare == null) {
            throw new TerminalException(ErrorCode.CLOUD_NOT_FOUND);
        }
        return new Access(cloud, membership, owner || admin, partnerShare);
    }

    /** The cloud, locked through its account, if the actor manages it — decided after the lock (no stale rights). */
    private Access manageable(Actor actor, String cloudId) {
        Access access = lockedAccess(actor, cloudId);
        if (!access.manage() && !actor.staff()) {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN); // S-CLD-4
        }
        return access;
    }

    /**
     * Takes the lock of the cloud's account, then decides the actor's access: a right lost to a concurrent request
     * (say, being demoted) is seen before anything is changed.
     */
    private Access lockedAccess(Actor actor, String cloudId) {
        CloudEntity cloud = find(cloudId);
        new AccountService(session, realm).lock(cloud.getAccountId());
        return access(actor, cloud);
    }

    // ---- clouds

    /** S-CLD-7: the clouds assigned to the user; an Owner sees all of the account's clouds. */
    public Page<CloudRep> list(Actor actor, Paging paging) {
        String where = actor.role() == TerminalRole.OWNER
                ? " from CloudEntity c where c.accountId = :account or c.id in (select m.cloudId from CloudMemberEntity m where m.userId = :user)"
                : " from CloudEntity c where c.id in (select m.cloudId from CloudMemberEntity m where m.userId = :user)";
        TypedQuery<CloudEntity> query = em.createQuery("select c" + where + " order by c.nameKey, c.id", CloudEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(c)" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("user", actor.userId());
            if (actor.role() == TerminalRole.OWNER) {
                q.setParameter("account", actor.accountId());
            }
        }
        List<CloudEntity> clouds = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(represent(actor, clouds), paging.first(), paging.max(), count.getSingleResult());
    }

    /** Staff: the clouds of one account. */
    public Page<CloudRep> listOfAccount(Actor staff, String accountId, Paging paging) {
        new AccountService(session, realm).get(accountId);
        List<CloudEntity> clouds = em.createQuery("select c from CloudEntity c where c.accountId = :account order by c.nameKey, c.id", CloudEntity.class)
                .setParameter("account", accountId).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        long total = em.createQuery("select count(c) from CloudEntity c where c.accountId = :account", Long.class)
                .setParameter("account", accountId).getSingleResult();
        return new Page<>(represent(staff, clouds), paging.first(), paging.max(), total);
    }

    public CloudRep get(Actor actor, String cloudId) {
        Access access = access(actor, cloudId);
        return represent(actor, List.of(access.cloud())).get(0);
    }

    /** S-CLD-1, S-CLD-3: Owners and Admins create clouds; the creator becomes the first Cloud-Admin. */
    public CloudEntity create(Actor actor, CreateCloud req, Audit audit) {
        if (actor.staff() || (actor.role() != TerminalRole.OWNER && actor.role() != TerminalRole.ADMIN)) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
        Validator v = new Validator();
        String name = v.name("name", req.name(), true);
        String description = v.text("description", req.description(), false, MAX_DESCRIPTION);
        String icon = icon(v, req.icon());
        v.throwIfInvalid();
        new AccountService(session, realm).lock(actor.accountId());
        requireNameFree(actor.accountId(), name, null);

        CloudEntity cloud = new CloudEntity();
        cloud.setId(KeycloakModelUtils.generateId());
        cloud.setRealmId(realm.getId());
        cloud.setAccountId(actor.accountId());
        cloud.setName(name);
        cloud.setDescription(emptyToNull(description));
        cloud.setIcon(icon == null ? "cloud" : icon);
        cloud.setCreatedBy(actor.userId());
        cloud.setCreatedAt(Time.currentTimeMillis());
        em.persist(cloud);
        ClaimCache.changed(session, realm, List.of(cloud.getAccountId())); // its Owners see every cloud of the account
        CloudMemberEntity admin = newMember(cloud, actor.userId(), actor.accountId(), MemberType.ADMIN, true, true, null);
        Persistence.flush(em);
        audit.record(Audit.CLOUD, OperationType.CREATE, Audit.cloudPath(cloud), null, snapshot(cloud));
        audit.record(Audit.CLOUD_MEMBER, OperationType.CREATE, Audit.memberPath(cloud, actor.contactId()), null, memberSnapshot(admin));
        return cloud;
    }

    /** S-CLD-4: rename, description, icon — Cloud-Admins only. */
    public CloudEntity update(Actor actor, String cloudId, UpdateCloud req, Audit audit) {
        CloudEntity cloud = manageable(actor, cloudId).cloud();
        Validator v = new Validator();
        String name = req.name() == null ? null : v.name("name", req.name(), true);
        String description = v.text("description", req.description(), false, MAX_DESCRIPTION);
        String icon = req.icon() == null ? null : icon(v, req.icon());
        v.throwIfInvalid();
        Map<String, Object> before = snapshot(cloud);
        if (name != null && !name.equals(cloud.getName())) {
            requireNameFree(cloud.getAccountId(), name, cloud.getId());
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
    public void delete(Actor actor, String cloudId, Audit audit) {
        CloudEntity cloud = manageable(actor, cloudId).cloud();
        long products = em.createQuery("select count(p) from ProductEntity p where p.cloudId = :cloud", Long.class)
                .setParameter("cloud", cloud.getId()).getSingleResult();
        if (products > 0) {
            throw new TerminalException(ErrorCode.CLOUD_HAS_PRODUCTS, products);
        }
        Map<String, Object> before = snapshot(cloud);
        Set<String> touched = new HashSet<>(em.createQuery("select distinct m.accountId from CloudMemberEntity m where m.cloudId = :cloud", String.class)
                .setParameter("cloud", cloud.getId()).getResultList());
        touched.add(cloud.getAccountId()); // its Owners
        ClaimCache.changed(session, realm, touched);
        em.createQuery("delete from CloudMemberEntity m where m.cloudId = :cloud").setParameter("cloud", cloud.getId()).executeUpdate();
        em.createQuery("delete from CloudShareEntity s where s.cloudId = :cloud").setParameter("cloud", cloud.getId()).executeUpdate();
        em.remove(cloud);
        Persistence.flush(em);
        audit.record(Audit.CLOUD, OperationType.DELETE, Audit.cloudPath(cloud), before, null);
    }

    // ---- members

    public Page<MemberRep> members(Actor actor, String cloudId, Paging paging) {
        CloudEntity cloud = access(actor, cloudId).cloud();
        List<CloudMemberEntity> members = em.createQuery("select m from CloudMemberEntity m, ContactEntity c where m.cloudId = :cloud"
                        + " and c.userId = m.userId order by m.type, lower(c.lastName), lower(c.firstName), c.id", CloudMemberEntity.class)
                .setParameter("cloud", cloud.getId()).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        long total = em.createQuery("select count(m) from CloudMemberEntity m where m.cloudId = :cloud", Long.class)
                .setParameter("cloud", cloud.getId()).getSingleResult();
        return new Page<>(representMembers(cloud, members), paging.first(), paging.max(), total);
    }

    /**
     * S-CLD-4, S-CLD-5, S-CLD-9: a Cloud-Admin adds a user of the cloud's account; the Owners and Admins of a partner
     * company add their own users, as Cloud-Members within the share's ceiling.
     */
    public MemberRep addMember(Actor actor, String cloudId, AddMember req, Audit audit) {
        Access access = lockedAccess(actor, cloudId);
        CloudEntity cloud = access.cloud();
        Validator v = new Validator();
        String contactId = v.text("contactId", req.contactId(), true, 36);
        MemberType type = v.oneOf("type", req.type() == null ? "MEMBER" : req.type(), MemberType.class, true);
        v.throwIfInvalid();
        if (Boolean.FALSE.equals(req.read())) {
            throw new TerminalException(ErrorCode.READ_NOT_REMOVABLE);
        }
        boolean write = Boolean.TRUE.equals(req.write());
        boolean order = Boolean.TRUE.equals(req.order());
        String memberAccount = access.manage() || actor.staff() ? cloud.getAccountId() : actor.accountId();
        if (!access.manage() && access.partnerShare() == null) {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
        }
        ContactEntity contact = new ContactService(session, realm).find(memberAccount, contactId);
        UserModel user = new ContactService(session, realm).user(contact);
        if (user == null || !user.isEnabled()) {
            throw new TerminalException(ErrorCode.MEMBER_NOT_ACTIVE);
        }
        CloudShareEntity share = null;
        if (!memberAccount.equals(cloud.getAccountId())) {
            share = access.partnerShare();
            requireWithinCeiling(share, type, write, order);
        }
        if (em.find(CloudMemberEntity.class, new CloudMemberEntity.Key(cloud.getId(), user.getId())) != null) {
            throw new TerminalException(ErrorCode.ALREADY_MEMBER);
        }
        CloudMemberEntity member = newMember(cloud, user.getId(), memberAccount, type, write, order, share == null ? null : share.getId());
        Persistence.flush(em);
        audit.record(Audit.CLOUD_MEMBER, OperationType.CREATE, Audit.memberPath(cloud, contact.getId()), null, memberSnapshot(member));
        return representMembers(cloud, List.of(member)).get(0);
    }

    /** S-CLD-4, S-CLD-5: type and permissions of a member; read stays; the last Cloud-Admin stays (S-CLD-3). */
    public MemberRep updateMember(Actor actor, String cloudId, String contactId, UpdateMember req, Audit audit) {
        Access access = lockedAccess(actor, cloudId);
        CloudEntity cloud = access.cloud();
        if (Boolean.FALSE.equals(req.read())) {
            throw new TerminalException(ErrorCode.READ_NOT_REMOVABLE);
        }
        Validator v = new Validator();
        MemberType type = req.type() == null ? null : v.oneOf("type", req.type(), MemberType.class, true);
        v.throwIfInvalid();
        Target target = target(actor, access, contactId);
        CloudMemberEntity member = target.member();
        Map<String, Object> before = memberSnapshot(member);
        MemberType newType = type == null ? member.getType() : type;
        boolean write = req.write() == null ? member.isCanWrite() : req.write();
        boolean order = req.order() == null ? member.isCanOrder() : req.order();
        if (member.getShareId() != null) {
            requireWithinCeiling(em.find(CloudShareEntity.class, member.getShareId()), newType, write, order);
        }
        if (member.getType() == MemberType.ADMIN && newType != MemberType.ADMIN) {
            requireAnotherAdmin(cloud);
        }
        member.setType(newType);
        member.setCanWrite(write);
        member.setCanOrder(order);
        ClaimCache.changed(session, realm, List.of(member.getAccountId()));
        Persistence.flush(em);
        Map<String, Object> after = memberSnapshot(member);
        if (!after.equals(before)) {
            audit.record(Audit.CLOUD_MEMBER, OperationType.UPDATE, Audit.memberPath(cloud, contactId), before, after);
        }
        return representMembers(cloud, List.of(member)).get(0);
    }

    public void removeMember(Actor actor, String cloudId, String contactId, Audit audit) {
        Access access = lockedAccess(actor, cloudId);
        CloudEntity cloud = access.cloud();
        Target target = target(actor, access, contactId);
        CloudMemberEntity member = target.member();
        if (member.getType() == MemberType.ADMIN) {
            requireAnotherAdmin(cloud); // S-CLD-3
        }
        Map<String, Object> before = memberSnapshot(member);
        ClaimCache.changed(session, realm, List.of(member.getAccountId()));
        em.remove(member);
        Persistence.flush(em);
        audit.record(Audit.CLOUD_MEMBER, OperationType.DELETE, Audit.memberPath(cloud, contactId), before, null);
    }

    private record Target(ContactEntity contact, CloudMemberEntity member) {
    }

    /** The member the actor may change: its own account's members for a Cloud-Admin, its own people for a partner. */
    private Target target(Actor actor, Access access, String contactId) {
        String memberAccount;
        if (actor.staff()) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        } else if (access.manage()) {
            memberAccount = null; // any member of the cloud, own account or partner
        } else if (access.partnerShare() != null) {
            memberAccount = actor.accountId();
        } else {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
        }
        ContactEntity contact = em.find(ContactEntity.class, contactId == null ? "" : contactId);
        if (contact == null || !contact.getRealmId().equals(realm.getId()) || contact.getUserId() == null
                || (memberAccount != null && !memberAccount.equals(contact.getAccountId()))) {
            throw new TerminalException(ErrorCode.MEMBER_NOT_FOUND);
        }
        CloudMemberEntity member = em.find(CloudMemberEntity.class, new CloudMemberEntity.Key(access.cloud().getId(), contact.getUserId()));
        if (member == null) {
            throw new TerminalException(ErrorCode.MEMBER_NOT_FOUND);
        }
        return new Target(contact, member);
    }

    private void requireAnotherAdmin(CloudEntity cloud) {
        long admins = em.createQuery("select count(m) from CloudMemberEntity m where m.cloudId = :cloud and m.type = :type", Long.class)
                .setParameter("cloud", cloud.getId()).setParameter("type", MemberType.ADMIN).getSingleResult();
        if (admins <= 1) {
            throw new TerminalException(ErrorCode.LAST_CLOUD_ADMIN);
        }
    }

    private static void requireWithinCeiling(CloudShareEntity share, MemberType type, boolean write, boolean order) {
        if (type == MemberType.ADMIN) {
            throw new TerminalException(ErrorCode.PARTNER_MEMBER_TYPE);
        }
        if ((write && !share.isMaxWrite()) || (order && !share.isMaxOrder())) {
            throw new TerminalException(ErrorCode.SHARE_CEILING, Permissions.of(false, share.isMaxWrite(), share.isMaxOrder()));
        }
    }

    /**
     * Who the actor may add to the cloud: active users of the cloud's account for a Cloud-Admin (whatever its
     * Terminal role), active users of its own company for a partner's Owner or Admin — minus the current members.
     */
    public List<Map<String, Object>> candidates(Actor actor, String cloudId) {
        Access access = access(actor, cloudId);
        String account;
        if (access.manage()) {
            account = access.cloud().getAccountId();
        } else if (access.partnerShare() != null) {
            account = actor.accountId();
        } else {
            return List.of();
        }
        List<Map<String, Object>> result = new ArrayList<>();
        for (ContactEntity c : em.createQuery("select c from ContactEntity c, UserEntity u where c.accountId = :account and u.id = c.userId"
                        + " and u.enabled = true and not exists (select m.userId from CloudMemberEntity m where m.cloudId = :cloud and m.userId = c.userId)"
                        + " order by lower(c.lastName), lower(c.firstName)", ContactEntity.class)
                .setParameter("account", account).setParameter("cloud", cloudId).setMaxResults(500).getResultList()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("contactId", c.getId());
            m.put("firstName", c.getFirstName());
            m.put("lastName", c.getLastName());
            m.put("email", c.getEmail());
            result.add(m);
        }
        return result;
    }

    /** The clouds a user is a member of, with its permissions there: for the user detail page (S-LOG-2). */
    public List<Map<String, Object>> cloudsOfUser(String userId) {
        List<Map<String, Object>> result = new ArrayList<>();
        for (Object[] row : em.createQuery("select c.id, c.name, c.icon, m.type, m.canWrite, m.canOrder from CloudMemberEntity m, CloudEntity c"
                        + " where m.userId = :user and c.id = m.cloudId order by c.nameKey", Object[].class)
                .setParameter("user", userId).setMaxResults(500).getResultList()) {
            Map<String, Object> cloud = new LinkedHashMap<>();
            cloud.put("id", row[0]);
            cloud.put("name", row[1]);
            cloud.put("icon", row[2]);
            cloud.put("type", ((MemberType) row[3]).name());
            cloud.put("permissions", Permissions.of(row[3] == MemberType.ADMIN, (Boolean) row[4], (Boolean) row[5]));
            result.add(cloud);
        }
        return result;
    }

    // ---- used by logins (S-CLD-3)

    /**
     * Before a user loses its login: refuses if it is the only Cloud-Admin of any cloud (naming them), otherwise
     * removes its memberships. Call with the user's account locked.
     */
    public void releaseUser(String userId) {
        List<String> sole = em.createQuery("select c.name from CloudEntity c, CloudMemberEntity m where m.cloudId = c.id and m.userId = :user"
                        + " and m.type = :admin and (select count(o) from CloudMemberEntity o where o.cloudId = c.id and o.type = :admin) = 1"
                        + " order by c.nameKey", String.class)
                .setParameter("user", userId).setParameter("admin", MemberType.ADMIN).getResultList();
        if (!sole.isEmpty()) {
            throw new TerminalException(ErrorCode.LAST_CLOUD_ADMIN_OF, String.join(", ", sole));
        }
        ClaimCache.changed(session, realm, em.createQuery("select distinct m.accountId from CloudMemberEntity m where m.userId = :user", String.class)
                .setParameter("user", userId).getResultList());
        em.createQuery("delete from CloudMemberEntity m where m.userId = :user").setParameter("user", userId).executeUpdate();
    }

    // ---- helpers

    private CloudMemberEntity newMember(CloudEntity cloud, String userId, String accountId, MemberType type, boolean write,
                                       boolean order, String shareId) {
        CloudMemberEntity m = new CloudMemberEntity();
        m.setCloudId(cloud.getId());
        m.setUserId(userId);
        m.setAccountId(accountId);
        m.setType(type);
        m.setCanWrite(write);
        m.setCanOrder(order);
        m.setShareId(shareId);
        m.setCreatedAt(Time.currentTimeMillis());
        em.persist(m);
        ClaimCache.changed(session, realm, List.of(accountId));
        return m;
    }

    private void requireNameFree(String accountId, String name, String exceptId) {
        List<String> ids = em.createQuery("select c.id from CloudEntity c where c.accountId = :account and c.nameKey = :key", String.class)
                .setParameter("account", accountId).setParameter("key", name.toLowerCase(java.util.Locale.ROOT)).getResultList();
        if (ids.stream().anyMatch(id -> !id.equals(exceptId))) {
            throw new TerminalException(ErrorCode.CLOUD_NAME_TAKEN, name);
        }
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

    /** Cloud representations for a page: a bounded number of queries whatever its size. */
    private List<CloudRep> represent(Actor actor, List<CloudEntity> clouds) {
        if (clouds.isEmpty()) {
            return List.of();
        }
        List<String> ids = clouds.stream().map(CloudEntity::getId).toList();
        Map<String, Long> memberCounts = counts("select m.cloudId, count(m) from CloudMemberEntity m where m.cloudId in :ids group by m.cloudId", ids);
        Map<String, Long> productCounts = counts("select p.cloudId, count(p) from ProductEntity p where p.cloudId in :ids group by p.cloudId", ids);
        Map<String, Long> shareCounts = counts("select s.cloudId, count(s) from CloudShareEntity s where s.cloudId in :ids and s.status = 'ACCEPTED' group by s.cloudId", ids);
        Map<String, String> mine = new HashMap<>();
        if (!actor.staff()) {
            for (CloudMemberEntity m : em.createQuery("select m from CloudMemberEntity m where m.userId = :user and m.cloudId in :ids", CloudMemberEntity.class)
                    .setParameter("user", actor.userId()).setParameter("ids", ids).getResultList()) {
                mine.put(m.getCloudId(), m.getType() == MemberType.ADMIN && m.getAccountId().equals(actor.accountId()) ? Permissions.CLOUD_ADMIN : m.permissions());
            }
        }
        Map<String, String> accountNames = accountNames(clouds.stream().map(CloudEntity::getAccountId).distinct().toList());
        List<CloudRep> result = new ArrayList<>();
        for (CloudEntity c : clouds) {
            String permissions = mine.get(c.getId());
            if (!actor.staff() && actor.role() == TerminalRole.OWNER && c.getAccountId().equals(actor.accountId())) {
                permissions = Permissions.CLOUD_ADMIN; // S-CLD-7
            }
            result.add(new CloudRep(c.getId(), c.getAccountId(), accountNames.get(c.getAccountId()), c.getName(), c.getDescription(),
                    c.getIcon(), permissions, memberCounts.getOrDefault(c.getId(), 0L), productCounts.getOrDefault(c.getId(), 0L),
                    shareCounts.getOrDefault(c.getId(), 0L) > 0, c.getCreatedAt()));
        }
        return result;
    }

    private List<MemberRep> representMembers(CloudEntity cloud, List<CloudMemberEntity> members) {
        if (members.isEmpty()) {
            return List.of();
        }
        Map<String, ContactEntity> contacts = new HashMap<>();
        for (ContactEntity c : em.createQuery("select c from ContactEntity c where c.userId in :ids", ContactEntity.class)
                .setParameter("ids", members.stream().map(CloudMemberEntity::getUserId).toList()).getResultList()) {
            contacts.put(c.getUserId(), c);
        }
        List<MemberRep> result = new ArrayList<>();
        for (CloudMemberEntity m : members) {
            ContactEntity c = contacts.get(m.getUserId());
            boolean admin = m.getType() == MemberType.ADMIN;
            result.add(new MemberRep(c == null ? null : c.getId(), m.getUserId(), m.getAccountId(), c == null ? null : c.getFirstName(),
                    c == null ? null : c.getLastName(), c == null ? null : c.getEmail(), m.getType(), true, admin || m.isCanWrite(),
                    admin || m.isCanOrder(), m.permissions(), !m.getAccountId().equals(cloud.getAccountId()), m.getShareId()));
        }
        return result;
    }

    Map<String, String> accountNames(Collection<String> accountIds) {
        Map<String, String> names = new HashMap<>();
        if (accountIds.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select o.id, o.name from OrganizationEntity o where o.id in :ids", Object[].class)
                .setParameter("ids", accountIds).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    private Map<String, Long> counts(String jpql, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()) {
            counts.put((String) row[0], (Long) row[1]);
        }
        return counts;
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
