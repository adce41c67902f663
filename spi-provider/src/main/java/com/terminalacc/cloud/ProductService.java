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

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudRepresentations.ProductRep;
import com.terminalacc.cloud.CloudRepresentations.PutProduct;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.role.ModuleCatalog;

/**
 * S-CLD-8: the registry of product references. Applications (service accounts with role {@code terminal-app})
 * register, rename and remove products; customers see the products of their clouds and move them between clouds.
 */
public class ProductService {

    public static final String MOVE_RIGHT = "clouds:move-products";
    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@/-]{0,127}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ProductService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    public ProductEntity find(String externalId) {
        ProductEntity p = externalId == null ? null : em.createQuery("select p from ProductEntity p where p.realmId = :realm and p.externalId = :id", ProductEntity.class)
                .setParameter("realm", realm.getId()).setParameter("id", externalId).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (p == null) {
            throw new TerminalException(ErrorCode.PRODUCT_NOT_FOUND);
        }
        return p;
    }

    // ---- applications

    /** Registers or updates a product reference; answers whether it was new. */
    public boolean put(String externalId, PutProduct req, Audit audit) {
        Validator v = new Validator();
        if (externalId == null || !EXTERNAL_ID.matcher(externalId).matches()) {
            v.add(new FieldError("id", ErrorCode.FIELD_INVALID_CHARACTERS));
        }
        String name = v.text("name", req.name(), true, 200);
        String type = v.text("type", req.type(), true, 64);
        String cloudId = v.text("cloudId", req.cloudId(), true, 36);
        v.throwIfInvalid();
        CloudEntity cloud = new CloudService(session, realm).find(cloudId);
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

    public void delete(String externalId, Audit audit) {
        ProductEntity p = find(externalId);
        CloudEntity cloud = em.find(CloudEntity.class, p.getCloudId());
        Map<String, Object> before = snapshot(p);
        em.remove(p);
        Persistence.flush(em);
        audit.record(Audit.PRODUCT, OperationType.DELETE, Audit.cloudPath(cloud) + "/products/" + externalId, before, null);
    }

    public Page<ProductRep> listForApp(String cloudId, Paging paging) {
        if (cloudId == null || cloudId.isBlank()) {
            List<ProductEntity> rows = em.createQuery("select p from ProductEntity p where p.realmId = :realm order by p.externalId", ProductEntity.class)
                    .setParameter("realm", realm.getId()).setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
            long total = em.createQuery("select count(p) from ProductEntity p where p.realmId = :realm", Long.class)
                    .setParameter("realm", realm.getId()).getSingleResult();
            return new Page<>(rows.stream().map(ProductService::represent).toList(), paging.first(), paging.max(), total);
        }
        return inCloud(new CloudService(session, realm).find(cloudId), paging);
    }

    // ---- customers

    /** The products of a cloud, for whoever sees the cloud. */
    public Page<ProductRep> listForCloud(Actor actor, String cloudId, Paging paging) {
        return inCloud(new CloudService(session, realm).access(actor, cloudId).cloud(), paging);
    }

    /** S-CLD-8: Cloud-Admin on both clouds and the module right {@value #MOVE_RIGHT}. */
    public ProductRep move(Actor actor, String externalId, String targetCloudId, Audit audit) {
        ProductEntity p = find(externalId);
        CloudService clouds = new CloudService(session, realm);
        CloudService.Access source;
        try {
            source = clouds.access(actor, p.getCloudId());
        } catch (TerminalException e) {
            throw new TerminalException(ErrorCode.PRODUCT_NOT_FOUND); // a product in a cloud one cannot see does not exist for one
        }
        if (targetCloudId == null || targetCloudId.isBlank()) {
            throw TerminalException.field("cloudId", ErrorCode.FIELD_REQUIRED);
        }
        CloudService.Access target = clouds.access(actor, targetCloudId);
        if (actor.staff() || !source.manage() || !target.manage() || !ModuleCatalog.of(realm).held(actor.user()).contains(MOVE_RIGHT)) {
            throw new TerminalException(ErrorCode.MOVE_RIGHT_REQUIRED);
        }
        if (!source.cloud().getAccountId().equals(target.cloud().getAccountId())) {
            throw new TerminalException(ErrorCode.MOVE_ACROSS_ACCOUNTS);
        }
        Map<String, Object> before = snapshot(p);
        p.setCloudId(target.cloud().getId());
        p.setUpdatedAt(Time.currentTimeMillis());
        Persistence.flush(em);
        audit.record(Audit.PRODUCT, OperationType.UPDATE, Audit.cloudPath(target.cloud()) + "/products/" + externalId, before, snapshot(p));
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
