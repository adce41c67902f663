package com.terminalacc.owner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** S-ROL-2: an Owner's request that staff make a contact of the account an Owner, and staff's decision. */
@Entity
@Table(name = "TACC_OWNER_REQUEST")
public class OwnerRequestEntity {

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "CONTACT_ID", length = 36, nullable = false)
    private String contactId;

    /** S-ROL-5: the person as named when the request was filed. */
    @Column(name = "REQUESTED_FIRST_NAME", length = 400)
    private String requestedFirstName;

    @Column(name = "REQUESTED_LAST_NAME", length = 400)
    private String requestedLastName;

    @Column(name = "REQUESTED_EMAIL", length = 254)
    private String requestedEmail;

    @Column(name = "REQUESTED_BY", length = 36)
    private String requestedBy;

    @Column(name = "REQUESTED_BY_NAME")
    private String requestedByName;

    @Column(name = "REASON", length = 2000, nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "STATUS", length = 16, nullable = false)
    private Status status;

    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "DECIDED_BY_NAME")
    private String decidedByName;

    @Column(name = "DECISION_REASON", length = 2000)
    private String decisionReason;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getRealmId() { return realmId; }
    public void setRealmId(String realmId) { this.realmId = realmId; }
    public String getAccountId() { return accountId; }
    public void setAccountId(String accountId) { this.accountId = accountId; }
    public String getContactId() { return contactId; }
    public void setContactId(String contactId) { this.contactId = contactId; }
    public String getRequestedFirstName() { return requestedFirstName; }
    public void setRequestedFirstName(String requestedFirstName) { this.requestedFirstName = requestedFirstName; }
    public String getRequestedLastName() { return requestedLastName; }
    public void setRequestedLastName(String requestedLastName) { this.requestedLastName = requestedLastName; }
    public String getRequestedEmail() { return requestedEmail; }
    public void setRequestedEmail(String requestedEmail) { this.requestedEmail = requestedEmail; }
    public String getRequestedBy() { return requestedBy; }
    public void setRequestedBy(String requestedBy) { this.requestedBy = requestedBy; }
    public String getRequestedByName() { return requestedByName; }
    public void setRequestedByName(String requestedByName) { this.requestedByName = requestedByName; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getDecidedBy() { return decidedBy; }
    public void setDecidedBy(String decidedBy) { this.decidedBy = decidedBy; }
    public String getDecidedByName() { return decidedByName; }
    public void setDecidedByName(String decidedByName) { this.decidedByName = decidedByName; }
    public String getDecisionReason() { return decisionReason; }
    public void setDecisionReason(String decisionReason) { this.decisionReason = decisionReason; }
    public long getCreatedAt() { return createdAt; }
    public void setCreatedAt(long createdAt) { this.createdAt = createdAt; }
    public Long getDecidedAt() { return decidedAt; }
    public void setDecidedAt(Long decidedAt) { this.decidedAt = decidedAt; }
}
