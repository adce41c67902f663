package com.terminalacc.cloud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** S-CLD-8: a reference to a product the provider's applications manage; we only know which cloud it is in. */
@Entity
@Table(name = "TACC_PRODUCT")
public class ProductEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** The application's id of the product; the API calls it {@code id}. */
    @Column(name = "EXTERNAL_ID", length = 128, nullable = false)
    private String externalId;

    @Column(name = "NAME", length = 400, nullable = false)
    private String name;

    @Column(name = "PRODUCT_TYPE", length = 64, nullable = false)
    private String type;

    @Column(name = "CLOUD_ID", length = 36, nullable = false)
    private String cloudId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getExternalId() { return externalId; }
    public void setExternalId(String externalId) { this.externalId = externalId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getType() { return type; }
    public void setType(String type) { this.type = type; }
    public String getCloudId() { return cloudId; }
    public void setCloudId(String cloudId) { this.cloudId = cloudId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public long getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(long updatedAt) { this.updatedAt = updatedAt; }
}
