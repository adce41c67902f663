package com.terminalacc.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * Our data of a customer account; the account itself is the Keycloak organization with the same id (S-ACC-1).
 * The row is deleted by the database when the organization is ({@code ON DELETE CASCADE}).
 */
@Entity
@Table(name = "TACC_ACCOUNT")
public class AccountEntity {

    @Id
    @Column(name = "ORG_ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ACCOUNT_TYPE", length = 16, nullable = false)
    private AccountType type;

    @Column(name = "ACC_ENABLED", nullable = false)
    private boolean accEnabled;

    @Column(name = "ALLOW_EXTERNAL_EMAILS", nullable = false)
    private boolean allowExternalEmails;

    @Column(name = "CUSTOMER_NUMBER", length = 64)
    private String customerNumber;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "REQUIRE_TWO_FACTOR", nullable = false)
    private boolean requireTwoFactor;

    @Column(name = "DOMAIN_TOKEN", length = 64)
    private String domainToken;

    @Version
    @Column(name = "VERSION", nullable = false)
    private int version;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public AccountType getType() {
        return type;
    }

    public void setType(AccountType type) {
        this.type = type;
    }

    public boolean isAccEnabled() {
        return accEnabled;
    }

    public void setAccEnabled(boolean accEnabled) {
        this.accEnabled = accEnabled;
    }

    public boolean isAllowExternalEmails() {
        return allowExternalEmails;
    }

    public void setAllowExternalEmails(boolean allowExternalEmails) {
        this.allowExternalEmails = allowExternalEmails;
    }

    /** S-SEC-1: every user of the account must log in with a second factor. */
    public boolean isRequireTwoFactor() {
        return requireTwoFactor;
    }

    public void setRequireTwoFactor(boolean requireTwoFactor) {
        this.requireTwoFactor = requireTwoFactor;
    }

    /** S-DOM-1: the value of the account's DNS TXT records; made when an Owner first adds a domain. */
    public String getDomainToken() {
        return domainToken;
    }

    public void setDomainToken(String domainToken) {
        this.domainToken = domainToken;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public void setCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public int getVersion() {
        return version;
    }
}
