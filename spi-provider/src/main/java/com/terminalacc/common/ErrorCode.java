package com.terminalacc.common;

import jakarta.ws.rs.core.Response.Status;

/**
 * Stable, machine-readable error codes of the Terminal ACC API. The {@link #code()} string is part of the public
 * API contract (documented in the README); the human message comes from {@code com/terminalacc/messages*.properties}
 * under the key {@code error.<code>}.
 */
public enum ErrorCode {

    // request shape
    MALFORMED_JSON(Status.BAD_REQUEST),
    UNKNOWN_FIELD(Status.BAD_REQUEST),
    INVALID_FIELD_TYPE(Status.BAD_REQUEST),
    DUPLICATE_FIELD(Status.BAD_REQUEST),
    UNSUPPORTED_MEDIA_TYPE(Status.UNSUPPORTED_MEDIA_TYPE),
    NOT_ACCEPTABLE(Status.NOT_ACCEPTABLE),
    METHOD_NOT_ALLOWED(Status.METHOD_NOT_ALLOWED),
    BODY_REQUIRED(Status.BAD_REQUEST),
    BODY_TOO_LARGE(Status.REQUEST_ENTITY_TOO_LARGE),
    VALIDATION_FAILED(Status.BAD_REQUEST),
    INVALID_PAGING(Status.BAD_REQUEST),
    INVALID_QUERY_PARAMETER(Status.BAD_REQUEST),

    // field level (used inside VALIDATION_FAILED)
    FIELD_REQUIRED(Status.BAD_REQUEST),
    FIELD_TOO_LONG(Status.BAD_REQUEST),
    FIELD_BLANK(Status.BAD_REQUEST),
    FIELD_INVALID_CHARACTERS(Status.BAD_REQUEST),
    EMAIL_INVALID(Status.BAD_REQUEST),
    DOMAIN_INVALID(Status.BAD_REQUEST),
    DOMAIN_PUBLIC_SUFFIX(Status.BAD_REQUEST),
    VALUE_NOT_ALLOWED(Status.BAD_REQUEST),
    PASSWORDS_DIFFER(Status.BAD_REQUEST),

    // authentication / authorization
    NOT_AUTHENTICATED(Status.UNAUTHORIZED),
    TOKEN_AUDIENCE(Status.UNAUTHORIZED),
    NOT_A_CUSTOMER_USER(Status.FORBIDDEN),
    ACC_DISABLED(Status.FORBIDDEN),
    FORBIDDEN(Status.FORBIDDEN),
    STAFF_ONLY(Status.FORBIDDEN),
    ORIGIN_NOT_ALLOWED(Status.FORBIDDEN),

    // accounts
    ACCOUNT_NOT_FOUND(Status.NOT_FOUND),
    ACCOUNT_NAME_TAKEN(Status.CONFLICT),
    DOMAIN_TAKEN(Status.CONFLICT),
    DOMAIN_REQUIRED(Status.CONFLICT),
    DOMAIN_IN_USE(Status.CONFLICT),
    DOMAIN_NOT_FOUND(Status.NOT_FOUND),
    DOMAIN_ALREADY_VERIFIED(Status.CONFLICT),
    DOMAIN_RECORD_MISSING(Status.CONFLICT),
    DOMAIN_RECORD_MISMATCH(Status.CONFLICT),
    DOMAIN_NXDOMAIN(Status.CONFLICT),
    DNS_UNAVAILABLE(Status.SERVICE_UNAVAILABLE),
    PERSONAL_ACCOUNT_SINGLE_CONTACT(Status.CONFLICT),
    ACCOUNT_TYPE_DOWNGRADE(Status.CONFLICT),
    CUSTOMER_NUMBER_TAKEN(Status.CONFLICT),

    // contacts
    CONTACT_NOT_FOUND(Status.NOT_FOUND),
    EMAIL_TAKEN(Status.CONFLICT),
    EMAIL_OUTSIDE_DOMAIN(Status.CONFLICT),
    EMAIL_IMMUTABLE_FOR_USER(Status.CONFLICT),
    CONCURRENT_MODIFICATION(Status.CONFLICT),
    LAST_OWNER(Status.CONFLICT),

    // logins, roles, module permissions, passwords
    LOGIN_ALREADY_ACTIVE(Status.CONFLICT),
    LOGIN_NOT_ACTIVE(Status.CONFLICT),
    ROLE_NOT_GRANTABLE(Status.FORBIDDEN),
    OWNER_ONLY_BY_STAFF(Status.FORBIDDEN),
    NOT_ON_YOURSELF(Status.FORBIDDEN),
    UNKNOWN_MODULE(Status.BAD_REQUEST),
    MODULE_NOT_HELD(Status.FORBIDDEN),
    PASSWORD_POLICY(Status.BAD_REQUEST),
    NO_ONBOARDING_PENDING(Status.CONFLICT),

    // owner requests
    OWNER_REQUEST_NOT_FOUND(Status.NOT_FOUND),
    OWNER_REQUEST_PENDING(Status.CONFLICT),
    OWNER_REQUEST_DECIDED(Status.CONFLICT),
    OWNER_REQUEST_OUTDATED(Status.CONFLICT),
    EMAIL_FROZEN_OWNER_REQUEST(Status.CONFLICT),
    ALREADY_OWNER(Status.CONFLICT),

    // clouds, shares, products
    CLOUD_NOT_FOUND(Status.NOT_FOUND),
    CLOUD_NAME_TAKEN(Status.CONFLICT),
    CLOUD_HAS_PRODUCTS(Status.CONFLICT),
    NOT_CLOUD_ADMIN(Status.FORBIDDEN),
    LAST_CLOUD_ADMIN(Status.CONFLICT),
    LAST_CLOUD_ADMIN_OF(Status.CONFLICT),
    MEMBER_NOT_FOUND(Status.NOT_FOUND),
    ALREADY_MEMBER(Status.CONFLICT),
    READ_NOT_REMOVABLE(Status.BAD_REQUEST),
    MEMBER_NOT_ACTIVE(Status.CONFLICT),
    SHARE_CEILING(Status.FORBIDDEN),
    PARTNER_MEMBER_TYPE(Status.FORBIDDEN),
    PARTNER_NOT_FOUND(Status.NOT_FOUND),
    PARTNER_NOT_BUSINESS(Status.CONFLICT),
    SHARE_WITH_SELF(Status.CONFLICT),
    ALREADY_SHARED(Status.CONFLICT),
    SHARE_NOT_FOUND(Status.NOT_FOUND),
    SHARE_NOT_PENDING(Status.CONFLICT),
    SHARE_NOT_ACCEPTED(Status.CONFLICT),
    PRODUCT_NOT_FOUND(Status.NOT_FOUND),
    MOVE_RIGHT_REQUIRED(Status.FORBIDDEN),
    MOVE_ACROSS_ACCOUNTS(Status.CONFLICT),
    APP_ROLE_REQUIRED(Status.FORBIDDEN),
    TOO_MANY_CHECKS(Status.BAD_REQUEST),

    NOT_FOUND(Status.NOT_FOUND),

    // the server: the database connection is not READ COMMITTED (AccountStore), a misconfiguration
    DATABASE_ISOLATION(Status.INTERNAL_SERVER_ERROR);

    private final Status status;

    ErrorCode(Status status) {
        this.status = status;
    }

    public Status status() {
        return status;
    }

    /** The wire form, e.g. {@code email_taken}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public String messageKey() {
        return "error." + code();
    }
}
