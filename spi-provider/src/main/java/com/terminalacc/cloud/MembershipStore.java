package com.terminalacc.cloud;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.token.ClaimCache;

/**
 * Cloud memberships at the bottom, and their only writer: every change here also tells the claim cache which
 * accounts' token claims it touched ({@link ClaimCache#changed}), so no other class writes memberships.
 */
public class MembershipStore {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public MembershipStore(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    // ---- reading

    public CloudMemberEntity find(String cloudId, String userId) {
        return cloudId == null || userId == null ? null : em.find(CloudMemberEntity.class, new CloudMemberEntity.Key(cloudId, userId));
    }

    /**
     * The cloud's members of the given accounts (null: all), Cloud-Admins first, by name; and how many there are.
     * Two queries.
     */
    public Page<CloudMemberEntity> page(String cloudId, Set<String> accounts, Paging paging) {
        String where = " from CloudMemberEntity m, ContactEntity c where m.cloudId = :cloud and c.userId = m.userId"
                + (accounts == null ? "" : " and m.accountId in :accounts");
        TypedQuery<CloudMemberEntity> query = em.createQuery("select m" + where
                + " order by m.type, lower(c.lastName), lower(c.firstName), c.id", CloudMemberEntity.class);
        TypedQuery<Long> count = em.createQuery("select count(m)" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("cloud", cloudId);
            if (accounts != null) {
                q.setParameter("accounts", accounts);
            }
        }
        List<CloudMemberEntity> members = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(members, paging.first(), paging.max(), count.getSingleResult());
    }

    public long countAdmins(String cloudId) {
        return em.createQuery("select count(m) from CloudMemberEntity m where m.cloudId = :cloud and m.type = :type", Long.class)
                .setParameter("cloud", cloudId).setParameter("type", MemberType.ADMIN).getSingleResult();
    }

    // ---- writing (each tells the claim cache)

    public CloudMemberEntity add(CloudEntity cloud, String userId, String accountId, MemberType type, boolean write, boolean order, String shareId) {
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
        changed(List.of(accountId));
        return m;
    }

    public void update(CloudMemberEntity member, MemberType type, boolean write, boolean order) {
        member.setType(type);
        member.setCanWrite(write);
        member.setCanOrder(order);
        changed(List.of(member.getAccountId()));
    }

    public void remove(CloudMemberEntity member) {
        changed(List.of(member.getAccountId()));
        em.remove(member);
    }

    /** All memberships of a user (its login goes away). */
    public void removeAllOfUser(String userId) {
        changed(em.createQuery("select distinct m.accountId from CloudMemberEntity m where m.userId = :user", String.class)
                .setParameter("user", userId).getResultList());
        em.createQuery("delete from CloudMemberEntity m where m.userId = :user").setParameter("user", userId).executeUpdate();
    }

    /** All memberships of a cloud (it is deleted); the cloud's account is told as well (its Owners see every cloud). */
    public void removeAllOfCloud(CloudEntity cloud) {
        Set<String> touched = new HashSet<>(em.createQuery("select distinct m.accountId from CloudMemberEntity m where m.cloudId = :cloud", String.class)
                .setParameter("cloud", cloud.getId()).getResultList());
        touched.add(cloud.getAccountId());
        changed(touched);
        em.createQuery("delete from CloudMemberEntity m where m.cloudId = :cloud").setParameter("cloud", cloud.getId()).executeUpdate();
    }

    /** Every partner membership of a share (it ends); returns how many. */
    public int removeAllOfShare(CloudShareEntity share) {
        changed(List.of(share.getPartnerAccountId()));
        return em.createQuery("delete from CloudMemberEntity m where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
    }

    /** Partner memberships above a lowered ceiling come down to it (S-CLD-9). */
    public void lowerToCeiling(CloudShareEntity share) {
        changed(List.of(share.getPartnerAccountId()));
        if (!share.isMaxWrite()) {
            em.createQuery("update CloudMemberEntity m set m.canWrite = false where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
        }
        if (!share.isMaxOrder()) {
            em.createQuery("update CloudMemberEntity m set m.canOrder = false where m.shareId = :share").setParameter("share", share.getId()).executeUpdate();
        }
    }

    /** Memberships of every user of an account's clouds and of the account's users (the account is deleted). */
    public void removeAllOfAccount(String accountId) {
        changed(em.createQuery("select distinct m.accountId from CloudMemberEntity m, CloudEntity c"
                + " where m.cloudId = c.id and c.accountId = :account", String.class).setParameter("account", accountId).getResultList());
        changed(List.of(accountId));
        em.createQuery("delete from CloudMemberEntity m where m.accountId = :account"
                + " or m.cloudId in (select c.id from CloudEntity c where c.accountId = :account)").setParameter("account", accountId).executeUpdate();
    }

    /** A cloud came or went: the account's claims change (its Owners see every cloud of the account). */
    public void cloudsChanged(String accountId) {
        changed(List.of(accountId));
    }

    private void changed(Collection<String> accounts) {
        ClaimCache.changed(session, realm, accounts);
    }
}
