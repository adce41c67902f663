package com.terminalacc.cloud;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountService;
import com.terminalacc.account.AccountType;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudRepresentations.ShareRep;
import com.terminalacc.cloud.CloudRepresentations.ShareRequest;
import com.terminalacc.cloud.CloudRepresentations.UpdateShare;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.role.AccessPolicy;
import com.terminalacc.role.Right;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.token.ClaimCache;

/**
 * S-CLD-9: sharing a cloud with another company. A Cloud-Admin holding the right "share a cloud" (S-ROL-4) offers
 * the share with a ceiling; the partner's Owners or Admins accept or decline and then add their own users within the
 * ceiling; either side ends it, which removes every partner membership at once.
 */
public class ShareService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ShareService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** The share of the cloud with the account, in any status, or null. */
    public CloudShareEntity shareWith(String cloudId, String accountId) {
        return em.createQuery("select s from CloudShareEntity s where s.cloudId = :cloud and s.partnerAccountId = :account", CloudShareEntity.class)
                .setParameter("cloud", cloudId).setParameter("account", accountId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    public ShareRep share(Actor actor, String cloudId, ShareRequest req, Audit audit) {
        CloudService clouds = new CloudService(session, realm);
        CloudService.Access access = clouds.access(actor, cloudId);
        if (actor.staff() || !access.manage()) {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
        }
        new AccessPolicy(realm).require(actor, Right.SHARE_CLOUD);
        Validator v = new Validator();
        String domain = v.domain("partnerDomain", req.partnerDomain());
        v.throwIfInvalid();
        OrganizationModel org = session.getProvider(OrganizationProvider.class).getByDomainName(domain);
        if (org == null) {
            throw new TerminalException(ErrorCode.PARTNER_NOT_FOUND, domain);
        }
        Account partner;
        try {
            partner = new AccountService(session, realm).get(org.getId());
        } catch (TerminalException e) {
            throw new TerminalException(ErrorCode.PARTNER_NOT_FOUND, domain);
        }
        CloudEntity cloud = access.cloud();
        if (partner.id().equals(cloud.getAccountId())) {
            throw new TerminalException(ErrorCode.SHARE_WITH_SELF);
        }
        if (partner.type() != AccountType.BUSINESS) {
            throw new TerminalException(ErrorCode.PARTNER_NOT_BUSINESS);
        }
        new AccountService(session, realm).lock(cloud.getAccountId());
        CloudShareEntity share = shareWith(cloud.getId(), partner.id());
        Map<String, Object> before = share == null ? null : snapshot(share);
        if (share != null && share.getStatus() != ShareStatus.DECLINED) {
            throw new TerminalException(ErrorCode.ALREADY_SHARED);
        }
        boolean created = share == null;
        if (created) {
            share = new CloudShareEntity();
            share.setId(KeycloakModelUtils.generateId());
            share.setCloudId(cloud.getId());
            share.setPartnerAccountId(partner.id());
        }
        share.setMaxWrite(Boolean.TRUE.equals(req.write()));
        share.setMaxOrder(Boolean.TRUE.equals(req.order()));
        share.setStatus(ShareStatus.PENDING);
        share.setCreatedBy(actor.userId());
        share.setCreatedAt(Time.currentTimeMillis());
        share.setDecidedAt(null);
        if (created) {
            em.persist(share); // Hibernate checks not-null columns at persist time: all fields first
        }
        Persistence.flush(em);
        audit.record(Audit.CLOUD_SHARE, before == null ? OperationType.CREATE : OperationType.UPDATE, path(cloud, share), before, snapshot(share));
        return represent(List.of(share)).get(0);
    }

    /** The shares of a cloud, for those who see it. */
    public List<ShareRep> sharesOfCloud(Actor actor, String cloudId) {
        CloudService.Access access = new CloudService(session, realm).access(actor, cloudId);
        if (!actor.staff() && !access.manage()) {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
        }
        return represent(em.createQuery("select s from CloudShareEntity s where s.cloudId = :cloud order by s.createdAt", CloudShareEntity.class)
                .setParameter("cloud", cloudId).getResultList());
    }

    /** Shares offered to the actor's company, for its Owners and Admins. */
    public List<ShareRep> incoming(Actor actor) {
        requirePartnerManager(actor);
        return represent(em.createQuery("select s from CloudShareEntity s where s.partnerAccountId = :account order by s.createdAt desc", CloudShareEntity.class)
                .setParameter("account", actor.accountId()).setMaxResults(500).getResultList());
    }

    public ShareRep accept(Actor actor, String shareId, Audit audit) {
        return decide(actor, shareId, ShareStatus.ACCEPTED, audit);
    }

    public ShareRep decline(Actor actor, String shareId, Audit audit) {
        return decide(actor, shareId, ShareStatus.DECLINED, audit);
    }

    private ShareRep decide(Actor actor, String shareId, ShareStatus status, Audit audit) {
        requirePartnerManager(actor);
        CloudShareEntity share = find(shareId);
        if (!share.getPartnerAccountId().equals(actor.accountId())) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        CloudEntity cloud = new CloudService(session, realm).find(share.getCloudId());
        new AccountService(session, realm).lock(cloud.getAccountId());
        em.refresh(share);
        if (share.getStatus() != ShareStatus.PENDING) {
            throw new TerminalException(ErrorCode.SHARE_NOT_PENDING);
        }
        Map<String, Object> before = snapshot(share);
        share.setStatus(status);
        share.setDecidedAt(Time.currentTimeMillis());
        Persistence.flush(em);
        audit.record(Audit.CLOUD_SHARE, OperationType.UPDATE, path(cloud, share), before, snapshot(share));
        return represent(List.of(share)).get(0);
    }

    /** The sharing side lowers or raises the ceiling; partner members above a lowered ceiling are brought down to it. */
    public ShareRep update(Actor actor, String cloudId, String shareId, UpdateShare req, Audit audit) {
        CloudService.Access access = new CloudService(session, realm).access(actor, cloudId);
        if (actor.staff() || !access.manage()) {
            throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
        }
        CloudShareEntity share = find(shareId);
        if (!share.getCloudId().equals(cloudId)) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        new AccountService(session, realm).lock(access.cloud().getAccountId());
        Map<String, Object> before = snapshot(share);
        if (req.write() != null) {
            share.setMaxWrite(req.write());
        }
        if (req.order() != null) {
            share.setMaxOrder(req.order());
        }
        ClaimCache.changed(session, realm, List.of(share.getPartnerAccountId())); // partner members may lose rights
        if (!share.isMaxWrite()) {
            em.createQuery("update CloudMemberEntity m set m.canWrite = false where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
        }
        if (!share.isMaxOrder()) {
            em.createQuery("update CloudMemberEntity m set m.canOrder = false where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
        }
        Persistence.flush(em);
        audit.record(Audit.CLOUD_SHARE, OperationType.UPDATE, path(access.cloud(), share), before, snapshot(share));
        return represent(List.of(share)).get(0);
    }

    /** Either side ends the share; every partner membership goes with it (S-CLD-9). */
    public void end(Actor actor, String shareId, Audit audit) {
        CloudShareEntity share = find(shareId);
        CloudService clouds = new CloudService(session, realm);
        CloudEntity cloud = clouds.find(share.getCloudId());
        boolean partnerSide = actor.isCustomer() && share.getPartnerAccountId().equals(actor.accountId())
                && (actor.role() == TerminalRole.OWNER || actor.role() == TerminalRole.ADMIN);
        if (!partnerSide) {
            CloudService.Access access = clouds.access(actor, cloud);
            if (actor.staff() || !access.manage()) {
                throw new TerminalException(ErrorCode.NOT_CLOUD_ADMIN);
            }
        }
        new AccountService(session, realm).lock(cloud.getAccountId());
        Map<String, Object> before = snapshot(share);
        ClaimCache.changed(session, realm, List.of(share.getPartnerAccountId()));
        int removed = em.createQuery("delete from CloudMemberEntity m where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
        em.remove(share);
        Persistence.flush(em);
        before.put("partnerMembersRemoved", removed);
        audit.record(Audit.CLOUD_SHARE, OperationType.DELETE, path(cloud, share), before, null);
    }

    // ---- helpers

    private CloudShareEntity find(String shareId) {
        CloudShareEntity share = shareId == null ? null : em.find(CloudShareEntity.class, shareId);
        if (share == null) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        CloudEntity cloud = em.find(CloudEntity.class, share.getCloudId());
        if (cloud == null || !cloud.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        return share;
    }

    private static void requirePartnerManager(Actor actor) {
        if (actor.staff() || (actor.role() != TerminalRole.OWNER && actor.role() != TerminalRole.ADMIN)) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
    }

    private List<ShareRep> represent(List<CloudShareEntity> shares) {
        if (shares.isEmpty()) {
            return List.of();
        }
        List<String> cloudIds = shares.stream().map(CloudShareEntity::getCloudId).distinct().toList();
        Map<String, CloudEntity> clouds = new HashMap<>();
        for (CloudEntity c : em.createQuery("select c from CloudEntity c where c.id in :ids", CloudEntity.class).setParameter("ids", cloudIds).getResultList()) {
            clouds.put(c.getId(), c);
        }
        List<String> accountIds = new ArrayList<>(shares.stream().map(CloudShareEntity::getPartnerAccountId).toList());
        clouds.values().forEach(c -> accountIds.add(c.getAccountId()));
        Map<String, String> names = new CloudService(session, realm).accountNames(accountIds.stream().distinct().toList());
        Map<String, Long> members = new HashMap<>();
        for (Object[] row : em.createQuery("select m.shareId, count(m) from CloudMemberEntity m where m.shareId in :ids group by m.shareId", Object[].class)
                .setParameter("ids", shares.stream().map(CloudShareEntity::getId).toList()).getResultList()) {
            members.put((String) row[0], (Long) row[1]);
        }
        List<ShareRep> result = new ArrayList<>();
        for (CloudShareEntity s : shares) {
            CloudEntity c = clouds.get(s.getCloudId());
            result.add(new ShareRep(s.getId(), s.getCloudId(), c == null ? null : c.getName(), c == null ? null : c.getAccountId(),
                    c == null ? null : names.get(c.getAccountId()), s.getPartnerAccountId(), names.get(s.getPartnerAccountId()),
                    s.isMaxWrite(), s.isMaxOrder(), s.getStatus(), members.getOrDefault(s.getId(), 0L), s.getCreatedAt(), s.getDecidedAt()));
        }
        return result;
    }

    private static String path(CloudEntity cloud, CloudShareEntity share) {
        return Audit.cloudPath(cloud) + "/shares/" + share.getId();
    }

    private static Map<String, Object> snapshot(CloudShareEntity s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.getId());
        m.put("cloudId", s.getCloudId());
        m.put("partnerAccountId", s.getPartnerAccountId());
        m.put("ceiling", Permissions.of(false, s.isMaxWrite(), s.isMaxOrder()));
        m.put("status", s.getStatus().name());
        return m;
    }
}
