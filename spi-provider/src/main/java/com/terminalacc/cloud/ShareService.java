package com.terminalacc.cloud;

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
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountStore;
import com.terminalacc.account.AccountType;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.CloudTarget;
import com.terminalacc.auth.Permissions;
import com.terminalacc.cloud.CloudRepresentations.ShareRep;
import com.terminalacc.cloud.CloudRepresentations.ShareRequest;
import com.terminalacc.cloud.CloudRepresentations.UpdateShare;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;

/**
 * S-CLD-9: sharing a cloud with another company. A Cloud-Admin holding the right "share a cloud" (S-ROL-4) offers
 * the share with a ceiling and changes it; the partner's Owners or Admins (right accept-shares) accept or decline and
 * then add their own users within the ceiling; either side ends it, which removes every partner membership at once.
 * Every change takes the lock of the cloud's account and re-reads the share under it, so an acceptance and a change
 * of the ceiling at the same moment do not overwrite each other.
 */
public class ShareService {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final CloudStore clouds;
    private final AccountStore accounts;
    private final MembershipStore members;

    public ShareService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.clouds = new CloudStore(session, realm);
        this.accounts = new AccountStore(session, realm);
        this.members = new MembershipStore(session, realm);
    }

    /** Offers the cloud to the business account that owns the partner domain. */
    public ShareRep share(AccessEvaluator auth, String cloudId, ShareRequest req, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.shares().requireShare(clouds.target(auth.actor(), cloud));
        Validator v = new Validator();
        String domain = v.domain("partnerDomain", req.partnerDomain());
        v.throwIfInvalid();
        OrganizationModel org = session.getProvider(OrganizationProvider.class).getByDomainName(domain);
        if (org != null && org.getDomains().noneMatch(d -> d.getName().equals(domain) && d.isVerified())) {
            org = null; // S-DOM-1: a pending domain finds no partner, exactly like an unknown one
        }
        Account partner;
        try {
            partner = org == null ? null : accounts.get(org.getId());
        } catch (TerminalException e) {
            partner = null;
        }
        if (partner == null) {
            throw new TerminalException(ErrorCode.PARTNER_NOT_FOUND, domain);
        }
        if (partner.id().equals(cloud.getAccountId())) {
            throw new TerminalException(ErrorCode.SHARE_WITH_SELF);
        }
        if (partner.type() != AccountType.BUSINESS) {
            throw new TerminalException(ErrorCode.PARTNER_NOT_BUSINESS);
        }
        accounts.lock(cloud.getAccountId(), partner.id()); // the new share refers to the partner's row too
        auth.shares().requireShare(clouds.target(auth.actor(), cloud)); // what the lock shows
        CloudShareEntity share = clouds.shareWith(cloud.getId(), partner.id());
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
        share.setCreatedBy(auth.actor().userId());
        share.setCreatedAt(Time.currentTimeMillis());
        share.setDecidedAt(null);
        if (created) {
            em.persist(share); // Hibernate checks not-null columns at persist time: all fields first
        }
        Persistence.flush(em);
        audit.record(Audit.CLOUD_SHARE, before == null ? OperationType.CREATE : OperationType.UPDATE, path(cloud, share), before, snapshot(share));
        return represent(List.of(share)).get(0);
    }

    /** The shares of a cloud, for its Cloud-Admins and staff, oldest first. */
    public Page<ShareRep> sharesOfCloud(AccessEvaluator auth, String cloudId, Paging paging) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.shares().requireListOfCloud(clouds.target(auth.actor(), cloud));
        return page("s.cloudId = :key", cloud.getId(), "s.createdAt, s.id", paging);
    }

    /** Shares offered to the actor's company, newest first, for its Owners and Admins (right accept-shares). */
    public Page<ShareRep> incoming(AccessEvaluator auth, Paging paging) {
        auth.shares().requireListIncoming();
        return page("s.partnerAccountId = :key", auth.actor().accountId(), "s.createdAt desc, s.id", paging);
    }

    public ShareRep accept(AccessEvaluator auth, String shareId, Audit audit) {
        return decide(auth, shareId, ShareStatus.ACCEPTED, audit);
    }

    public ShareRep decline(AccessEvaluator auth, String shareId, Audit audit) {
        return decide(auth, shareId, ShareStatus.DECLINED, audit);
    }

    private ShareRep decide(AccessEvaluator auth, String shareId, ShareStatus status, Audit audit) {
        CloudShareEntity share = find(shareId);
        auth.shares().requireDecide(share.getPartnerAccountId());
        CloudEntity cloud = clouds.find(share.getCloudId());
        accounts.lock(cloud.getAccountId());
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
    public ShareRep update(AccessEvaluator auth, String cloudId, String shareId, UpdateShare req, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.shares().requireShare(clouds.target(auth.actor(), cloud));
        CloudShareEntity share = shareOf(cloud, shareId);
        accounts.lock(cloud.getAccountId());
        auth.shares().requireShare(clouds.target(auth.actor(), cloud)); // what the lock shows
        em.refresh(share); // a decision of the partner that committed meanwhile stays
        Map<String, Object> before = snapshot(share);
        if (req.write() != null) {
            share.setMaxWrite(req.write());
        }
        if (req.order() != null) {
            share.setMaxOrder(req.order());
        }
        members.lowerToCeiling(share);
        Persistence.flush(em);
        audit.record(Audit.CLOUD_SHARE, OperationType.UPDATE, path(cloud, share), before, snapshot(share));
        return represent(List.of(share)).get(0);
    }

    /** The sharing side ends a share of its cloud; every partner membership goes with it (S-CLD-9). */
    public void endFromCloud(AccessEvaluator auth, String cloudId, String shareId, Audit audit) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.shares().requireEndFromCloud(clouds.target(auth.actor(), cloud));
        CloudShareEntity share = shareOf(cloud, shareId);
        accounts.lock(cloud.getAccountId());
        auth.shares().requireEndFromCloud(clouds.target(auth.actor(), cloud));
        end(cloud, share, audit);
    }

    /** The partner side ends a share offered to its company. */
    public void endAsPartner(AccessEvaluator auth, String shareId, Audit audit) {
        CloudShareEntity share = find(shareId);
        auth.shares().requireDecide(share.getPartnerAccountId());
        CloudEntity cloud = clouds.find(share.getCloudId());
        accounts.lock(cloud.getAccountId());
        end(cloud, share, audit);
    }

    private void end(CloudEntity cloud, CloudShareEntity share, Audit audit) {
        em.refresh(share);
        Map<String, Object> before = snapshot(share);
        int removed = members.removeAllOfShare(share);
        em.remove(share);
        Persistence.flush(em);
        before.put("partnerMembersRemoved", removed);
        audit.record(Audit.CLOUD_SHARE, OperationType.DELETE, path(cloud, share), before, null);
    }

    // ---- helpers

    private CloudShareEntity find(String shareId) {
        CloudShareEntity share = clouds.findShare(shareId);
        if (share == null) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        return share;
    }

    /** A share of this cloud; a share of another cloud answers exactly like one that does not exist (S-ISO-1). */
    private CloudShareEntity shareOf(CloudEntity cloud, String shareId) {
        CloudShareEntity share = clouds.findShare(shareId);
        if (share == null || !share.getCloudId().equals(cloud.getId())) {
            throw new TerminalException(ErrorCode.SHARE_NOT_FOUND);
        }
        return share;
    }

    private Page<ShareRep> page(String where, String key, String order, Paging paging) {
        TypedQuery<CloudShareEntity> query = em.createQuery("select s from CloudShareEntity s where " + where + " order by " + order, CloudShareEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from CloudShareEntity s where " + where, Long.class);
        query.setParameter("key", key);
        count.setParameter("key", key);
        List<CloudShareEntity> shares = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(represent(shares), paging.first(), paging.max(), count.getSingleResult());
    }

    private List<ShareRep> represent(List<CloudShareEntity> shares) {
        if (shares.isEmpty()) {
            return List.of();
        }
        List<String> cloudIds = shares.stream().map(CloudShareEntity::getCloudId).distinct().toList();
        Map<String, CloudEntity> byId = new HashMap<>();
        for (CloudEntity c : em.createQuery("select c from CloudEntity c where c.id in :ids", CloudEntity.class).setParameter("ids", cloudIds).getResultList()) {
            byId.put(c.getId(), c);
        }
        List<String> accountIds = new ArrayList<>(shares.stream().map(CloudShareEntity::getPartnerAccountId).toList());
        byId.values().forEach(c -> accountIds.add(c.getAccountId()));
        Map<String, String> names = new KeycloakQueries(em, realm).organizationNames(accountIds.stream().distinct().toList());
        Map<String, Long> partnerMembers = new HashMap<>();
        for (Object[] row : em.createQuery("select m.shareId, count(m) from CloudMemberEntity m where m.shareId in :ids group by m.shareId", Object[].class)
                .setParameter("ids", shares.stream().map(CloudShareEntity::getId).toList()).getResultList()) {
            partnerMembers.put((String) row[0], (Long) row[1]);
        }
        List<ShareRep> result = new ArrayList<>();
        for (CloudShareEntity s : shares) {
            CloudEntity c = byId.get(s.getCloudId());
            result.add(new ShareRep(s.getId(), s.getCloudId(), c == null ? null : c.getName(), c == null ? null : c.getAccountId(),
                    c == null ? null : names.get(c.getAccountId()), s.getPartnerAccountId(), names.get(s.getPartnerAccountId()),
                    s.isMaxWrite(), s.isMaxOrder(), Permissions.ceiling(s.isMaxWrite(), s.isMaxOrder()), s.getStatus(),
                    partnerMembers.getOrDefault(s.getId(), 0L), s.getCreatedAt(), s.getDecidedAt()));
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
        m.put("ceiling", Permissions.ceiling(s.isMaxWrite(), s.isMaxOrder()));
        m.put("status", s.getStatus().name());
        return m;
    }
}
