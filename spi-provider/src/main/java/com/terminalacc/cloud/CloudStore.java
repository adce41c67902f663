package com.terminalacc.cloud;

import java.util.List;

import jakarta.persistence.EntityManager;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.auth.Actor;
import com.terminalacc.auth.CloudTarget;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;

/** Clouds and shares at the bottom: finding them and the actor's relation to a cloud. No rules. */
public class CloudStore {

    private final RealmModel realm;
    private final EntityManager em;
    private final MembershipStore members;

    public CloudStore(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.em = Persistence.em(session);
        this.members = new MembershipStore(session, realm);
    }

    /** The cloud, or 404 {@code cloud_not_found}. */
    public CloudEntity find(String cloudId) {
        CloudEntity cloud = findOrNull(cloudId);
        if (cloud == null) {
            throw new TerminalException(ErrorCode.CLOUD_NOT_FOUND);
        }
        return cloud;
    }

    public CloudEntity findOrNull(String cloudId) {
        CloudEntity cloud = cloudId == null || cloudId.length() > 36 ? null : em.find(CloudEntity.class, cloudId);
        return cloud == null || !cloud.getRealmId().equals(realm.getId()) ? null : cloud;
    }

    /** The cloud as authorization sees it for the actor: its own membership and its account's accepted share. */
    public CloudTarget target(Actor actor, CloudEntity cloud) {
        CloudMemberEntity membership = actor.isCustomer() ? members.find(cloud.getId(), actor.userId()) : null;
        CloudTarget.Share share = null;
        if (actor.isCustomer() && !cloud.getAccountId().equals(actor.accountId())) {
            CloudShareEntity s = shareWith(cloud.getId(), actor.accountId());
            if (s != null && s.getStatus() == ShareStatus.ACCEPTED) {
                share = share(s);
            }
        }
        return new CloudTarget(cloud.getId(), cloud.getAccountId(), membership == null ? null : membership.getType(),
                membership != null && membership.isCanWrite(), membership != null && membership.isCanOrder(), share);
    }

    public static CloudTarget.Share share(CloudShareEntity s) {
        return new CloudTarget.Share(s.getId(), s.getPartnerAccountId(), s.isMaxWrite(), s.isMaxOrder());
    }

    /** The share of the cloud with the account, in any status, or null. */
    public CloudShareEntity shareWith(String cloudId, String accountId) {
        return em.createQuery("select s from CloudShareEntity s where s.cloudId = :cloud and s.partnerAccountId = :account", CloudShareEntity.class)
                .setParameter("cloud", cloudId).setParameter("account", accountId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    /** A share of the realm, or null. */
    public CloudShareEntity findShare(String shareId) {
        CloudShareEntity share = shareId == null || shareId.length() > 36 ? null : em.find(CloudShareEntity.class, shareId);
        if (share == null) {
            return null;
        }
        CloudEntity cloud = em.find(CloudEntity.class, share.getCloudId());
        return cloud == null || !cloud.getRealmId().equals(realm.getId()) ? null : share;
    }

    public boolean nameTaken(String accountId, String name, String exceptId) {
        List<String> ids = em.createQuery("select c.id from CloudEntity c where c.accountId = :account and c.nameKey = :key", String.class)
                .setParameter("account", accountId).setParameter("key", name.toLowerCase(java.util.Locale.ROOT)).getResultList();
        return ids.stream().anyMatch(id -> !id.equals(exceptId));
    }

    public long productCount(String cloudId) {
        return em.createQuery("select count(p) from ProductEntity p where p.cloudId = :cloud", Long.class)
                .setParameter("cloud", cloudId).getSingleResult();
    }
}
