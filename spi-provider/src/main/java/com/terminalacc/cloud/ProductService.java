package com.terminalacc.cloud;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.AccountStore;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.CloudTarget;
import com.terminalacc.cloud.CloudRepresentations.ProductRep;
import com.terminalacc.cloud.CloudRepresentations.PutProduct;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;

/**
 * S-CLD-8: the registry of product references. Applications (service accounts with role {@code terminal-app})
 * register, rename and remove products; customers see the products of their clouds and move them between clouds.
 */
public class ProductService {

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");

    private final RealmModel realm;
    private final EntityManager em;
    private final CloudStore clouds;
    private final AccountStore accounts;

    public ProductService(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.em = Persistence.em(session);
        this.clouds = new CloudStore(session, realm);
        this.accounts = new AccountStore(session, realm);
    }

    /** One product of the registry, for applications. */
    public ProductRep get(AccessEvaluator auth, String externalId) {
        auth.products().requireRegister();
        return represent(find(externalId));
    }

    private ProductEntity find(String externalId) {
        ProductEntity p = externalId == null ? null : em.createQuery("select p from ProductEntity p where p.realmId = :realm and p.externalId = :id", ProductEntity.class)
                .setParameter("realm", realm.getId()).setParameter("id", externalId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (p == null) {
            throw new TerminalException(ErrorCode.PRODUCT_NOT_FOUND);
        }
        return p;
    }

    // ---- applications

    /** Registers or updates a product reference; answers whether it was new. */
    public boolean put(AccessEvaluator auth, String externalId, PutProduct req, Audit audit) {
        auth.products().requireRegister();
        Validator v = new Validator();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            v.add(new FieldError("id", ErrorCode.FIELD_INVALID_CHARACTERS));
        }
        String name = v.text("name", req.name(), true, 200);
        String type = v.text("type", req.type(), true, 64);
        String cloudId = v.text("cloudId", req.cloudId(), true, 36);
        v.throwIfInvalid();
        CloudEntity cloud = clouds.find(cloudId);
        // A product enters a cloud under the lock of the cloud's account, the lock under which a cloud is deleted only
        // when it has no products: the two never interleave (the cloud deleted first answers 404, the product first 409).
        // Two registrations of one id into clouds of one account follow each other (the second updates).
        accounts.lock(cloud.getAccountId());
        CloudService.refreshOrNotFound(em, cloud);
        ProductEntity p = em.createQuery("select p from ProductEntity p where p.realmId = :realm and p.externalId = :id", ProductEntity.class)
                .setParameter("realm", realm.getId()).setParameter("id", externalId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        Map<String, Object> before = p == null ? null : snapshot(p);
        boolean created = p == null;
        long now = Time.currentTimeMillis();
        if (created) {
            p = new ProductEntity();
            p.setId(KeycloakModelUtils.generateId());
            p.setRealmId(realm.getId());
            p.setExternalId(externalId);
            p.setCreatedAt(now);
        }
        p.setName(name);
        p.setType(type);
        p.setCloudId(cloud.getId());
        p.setUpdatedAt(now);
        if (created) {
            em.persist(p); // Hibernate checks not-null columns at persist time: all fields first
        }
        Persistence.flush(em);
        Map<String, Object> after = snapshot(p);
        if (!after.equals(before)) {
            audit.record(Audit.PRODUCT, created ? OperationType.CREATE : OperationType.UPDATE, Audit.cloudPath(cloud) + "/products/" + externalId, before, after);
        }
        return created;
    }

    public void delete(AccessEvaluator auth, String externalId, Audit audit) {
        auth.products().requireRegister();
        ProductEntity p = find(externalId);
        CloudEntity cloud = em.find(CloudEntity.class, p.getCloudId());
        Map<String, Object> before = snapshot(p);
        em.remove(p);
        Persistence.flush(em);
        audit.record(Audit.PRODUCT, OperationType.DELETE, Audit.cloudPath(cloud) + "/products/" + externalId, before, null);
    }

    public Page<ProductRep> listForApp(AccessEvaluator auth, String cloudId, Paging paging) {
        auth.products().requireRegister();
        if (cloudId == null || cloudId.isBlank()) {
            List<ProductEntity> rows = em.createQuery("select p from ProductEntity p where p.realmId = :realm order by p.externalId", ProductEntity.class)
                    .setParameter("realm", realm.getId()).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
            long total = em.createQuery("select count(p) from ProductEntity p where p.realmId = :realm", Long.class)
                    .setParameter("realm", realm.getId()).getSingleResult();
            return new Page<>(rows.stream().map(ProductService::represent).toList(), paging.first(), paging.max(), total);
        }
        return inCloud(clouds.find(cloudId), paging);
    }

    // ---- customers

    /** The products of a cloud, for whoever sees the cloud. */
    public Page<ProductRep> listForCloud(AccessEvaluator auth, String cloudId, Paging paging) {
        CloudEntity cloud = clouds.find(cloudId);
        auth.clouds().requireView(clouds.target(auth.actor(), cloud));
        return inCloud(cloud, paging);
    }

    /** S-CLD-8: Cloud-Admin on both clouds and the module right {@code clouds:move-products}. */
    public ProductRep move(AccessEvaluator auth, String externalId, String targetCloudId, Audit audit) {
        ProductEntity p = find(externalId);
        CloudTarget source = clouds.target(auth.actor(), clouds.find(p.getCloudId()));
        CloudEntity target = targetCloudId == null || targetCloudId.isBlank() ? null : clouds.findOrNull(targetCloudId);
        auth.products().requireMove(source, target == null ? null : clouds.target(auth.actor(), target));
        if (!source.accountId().equals(target.getAccountId())) {
            throw new TerminalException(ErrorCode.MOVE_ACROSS_ACCOUNTS);
        }
        accounts.lock(target.getAccountId()); // as in put: not into a cloud being deleted
        CloudService.refreshOrNotFound(em, target);
        Persistence.refresh(em, p, ErrorCode.PRODUCT_NOT_FOUND);
        Map<String, Object> before = snapshot(p);
        p.setCloudId(target.getId());
        p.setUpdatedAt(Time.currentTimeMillis());
        Persistence.flush(em);
        audit.record(Audit.PRODUCT, OperationType.UPDATE, Audit.cloudPath(target) + "/products/" + externalId, before, snapshot(p));
        return represent(p);
    }

    private Page<ProductRep> inCloud(CloudEntity cloud, Paging paging) {
        List<ProductEntity> rows = em.createQuery("select p from ProductEntity p where p.cloudId = :cloud order by lower(p.name), p.externalId", ProductEntity.class)
                .setParameter("cloud", cloud.getId()).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        long total = em.createQuery("select count(p) from ProductEntity p where p.cloudId = :cloud", Long.class)
                .setParameter("cloud", cloud.getId()).getSingleResult();
        return new Page<>(rows.stream().map(ProductService::represent).toList(), paging.first(), paging.max(), total);
    }

    public static ProductRep represent(ProductEntity p) {
        return new ProductRep(p.getExternalId(), p.getName(), p.getType(), p.getCloudId(), p.getCreatedAt(), p.getUpdatedAt());
    }

    private static Map<String, Object> snapshot(ProductEntity p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.getExternalId());
        m.put("name", p.getName());
        m.put("type", p.getType());
        m.put("cloudId", p.getCloudId());
        return m;
    }
}
