package com.terminalacc.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A contact of a customer account (S-CON-1): name, e-mail and the support permission (S-CON-2). When its login is
 * activated it is linked to a Keycloak user ({@link #userId}, S-CON-3). The e-mail is unique in the realm (S-CON-5,
 * enforced by a unique index). Rows go away with their organization or realm ({@code ON DELETE CASCADE}); a deleted
 * Keycloak user leaves a plain contact behind ({@code ON DELETE SET NULL}).
 */
@Entity
@Table(name = "TACC_CONTACT")
public class ContactEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "ACCOUNT_ID", length = 36, nullable = false)
    private String accountId;

    @Column(name = "FIRST_NAME", length = 400, nullable = false)
    private String firstName;

    @Column(name = "LAST_NAME", length = 400, nullable = false)
    private String lastName;

    @Column(name = "EMAIL", length = 254, nullable = false)
    private String email;

    @Column(name = "PHONE", length = 400)
    private String phone;

    @Column(name = "JOB_TITLE", length = 400)
    private String jobTitle;

    @Column(name = "LOCALE", length = 16)
    private String locale;

    @Column(name = "SUPPORT_PERMISSION", nullable = false)
    private boolean supportPermission;

    @Column(name = "USER_ID", length = 36)
    private String userId;

    /** Id of the password credential that was e-mailed as initial password (S-LOG-3); null once replaced. */
    @Column(name = "INITIAL_CREDENTIAL_ID", length = 36)
    private String initialCredentialId;

    @Column(name = "INITIAL_PASSWORD_EXPIRES_AT")
    private Long initialPasswordExpiresAt;

    /** The last onboarding e-mail (issue 12); null when none was sent or an Owner/Admin set a password since. */
    @Enumerated(EnumType.STRING)
    @Column(name = "ONBOARDING_MAIL", length = 16)
    private OnboardingMail onboardingMail;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

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

    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(String accountId) {
        this.accountId = accountId;
    }

    public String getFirstName() {
        return firstName;
    }

    public void setFirstName(String firstName) {
        this.firstName = firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public void setLastName(String lastName) {
        this.lastName = lastName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public void setJobTitle(String jobTitle) {
        this.jobTitle = jobTitle;
    }

    public String getLocale() {
        return locale;
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public boolean isSupportPermission() {
        return supportPermission;
    }

    public void setSupportPermission(boolean supportPermission) {
        this.supportPermission = supportPermission;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getInitialCredentialId() {
        return initialCredentialId;
    }

    public void setInitialCredentialId(String initialCredentialId) {
        this.initialCredentialId = initialCredentialId;
    }

    public Long getInitialPasswordExpiresAt() {
        return initialPasswordExpiresAt;
    }

    public void setInitialPasswordExpiresAt(Long initialPasswordExpiresAt) {
        this.initialPasswordExpiresAt = initialPasswordExpiresAt;
    }

    public OnboardingMail getOnboardingMail() {
        return onboardingMail;
    }

    public void setOnboardingMail(OnboardingMail onboardingMail) {
        this.onboardingMail = onboardingMail;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public int getVersion() {
        return version;
    }
}
