package com.terminalacc.cloud;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * S-CLD-2, S-CLD-5: a user's membership in a cloud. Read is implied by membership; a Cloud-Admin has write and order
 * implicitly (S-CLD-6), so the stored flags matter for Cloud-Members. {@code accountId} is the member's own account
 * (a partner's for shared clouds, S-CLD-9), {@code shareId} the share a partner membership belongs to.
 */
@Entity
@Table(name = "TACC_CLOUD_MEMBER")
@IdClass(CloudMemberEntity.Key.class)
public class CloudMemberEntity {

    @Id
    @Column(name = "CLOUD_ID", length = 36)
    private String cloudId;

    @Id
    @Column(name = "USER_ID", length = 36)
    private String userId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Enumerated(EnumType.STRING)
    @Column(name = "MEMBER_TYPE", length = 16, nullable = false)
    private MemberType type;

    @Column(name = "CAN_WRITE", nullable = false)
    private boolean canWrite;

    @Column(name = "CAN_ORDER", nullable = false)
    private boolean canOrder;

    @Column(name = "SHARE_ID", length = 36)
    private String shareId;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getCloudId() { return cloudId; }
    public void setCloudId(String cloudId) { this.cloudId = cloudId; }
    public String getUserId() { return userId; }
    public void setUserId(String userId) { this.userId = userId; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public MemberType getType() { return type; }
    public void setType(MemberType type) { this.type = type; }
    public boolean isCanWrite() { return canWrite; }
    public void setCanWrite(boolean canWrite) { this.canWrite = canWrite; }
    public boolean isCanOrder() { return canOrder; }
    public void setCanOrder(boolean canOrder) { this.canOrder = canOrder; }
    public String getShareId() { return shareId; }
    public void setShareId(String shareId) { this.shareId = shareId; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }

    /** Effective permissions as the token writes them: r, w, o and a (Cloud-Admin). */
    public String permissions() {
        return com.terminalacc.auth.Permissions.effective(type, canWrite, canOrder, false);
    }

    public static class Key implements Serializable {
        private String cloudId;
        private String userId;

        public Key() {
        }

        public Key(String cloudId, String userId) {
            this.cloudId = cloudId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cloudId, k.cloudId) && Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cloudId, userId);
        }
    }
}
