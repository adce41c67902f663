package com.terminalacc.cloud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** S-CLD-1: a cloud of an account: name (unique in the account), description and icon. */
@Entity
@Table(name = "TACC_CLOUD")
public class CloudEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "NAME", length = 400, nullable = false)
    private String name;

    /** Lower-case name, for the unique constraint per account. */
    @Column(name = "NAME_KEY", length = 400, nullable = false)
    private String nameKey;

    @Column(name = "DESCRIPTION", length = 4000)
    private String description;

    @Column(name = "ICON", length = 32, nullable = false)
    private String icon;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    /** The name in lower case: what lists sort by and uniqueness compares. */
    public String getNameKey() { return nameKey; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getName() { return name; }

    public void setName(String name) {
        this.name = name;
        this.nameKey = name.toLowerCase(java.util.Locale.ROOT);
    }

    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getIcon() { return icon; }
    public void setIcon(String icon) { this.icon = icon; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
}
