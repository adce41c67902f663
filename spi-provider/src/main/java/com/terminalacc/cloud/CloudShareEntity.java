package com.terminalacc.cloud;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** S-CLD-9: a cloud shared with a partner account, with a ceiling for the partner members' permissions. */
@Entity
@Table(name = "TACC_CLOUD_SHARE")
public class CloudShareEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "CLOUD_ID", length = 36, nullable = false)
    private String cloudId;

    @Column(name = "PARTNER_ACCOUNT_ID", length = 36, nullable = false)
    private String partnerAccountId;

    @Column(name = "MAX_WRITE", nullable = false)
    private boolean maxWrite;

    @Column(name = "MAX_ORDER", nullable = false)
    private boolean maxOrder;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private ShareStatus status;

    @Column(name = "CREATED_BY", length = 36)
    private String createdBy;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getCloudId() { return cloudId; }
    public void setCloudId(String cloudId) { this.cloudId = cloudId; }
    public String getPartnerAccountId() { return partnerAccountId; }
    public void setPartnerAccountId(String partnerAccountId) { this.partnerAccountId = partnerAccountId; }
    public boolean isMaxWrite() { return maxWrite; }
    public void setMaxWrite(boolean maxWrite) { this.maxWrite = maxWrite; }
    public boolean isMaxOrder() { return maxOrder; }
    public void setMaxOrder(boolean maxOrder) { this.maxOrder = maxOrder; }
    public ShareStatus getStatus() { return status; }
    public void setStatus(ShareStatus status) { this.status = status; }
    public String getCreatedBy() { return createdBy; }
    public void setCreatedBy(String createdBy) { this.createdBy = createdBy; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Long decidedAt) { this.decidedAt = decidedAt; }
}
