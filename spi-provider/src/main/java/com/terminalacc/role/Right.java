package com.terminalacc.role;

/**
 * The rights of the S-ROL-4 table, plus the decisions the SPEC gives to a role ("Owner only", "Owners and Admins")
 * made rights as well, with the SPEC's defaults. Which role holds which right is configuration ({@link RightsMatrix},
 * realm attributes {@code terminal.rights.<key>}); the hierarchy (nobody acts on a role at or above their own, Owner
 * only through staff) is not, it is code in {@link com.terminalacc.auth.AccessEvaluator}.
 */
public enum Right {
    SEE_OWN_TICKETS("see-own-tickets", "owner,admin,user"),
    CREATE_TICKETS("create-tickets", "owner,admin,user"),
    /** S-CLD-7: the cloud pages and the cloud list of the customer API. */
    SEE_ASSIGNED_CLOUDS("see-assigned-clouds", "owner,admin,user"),
    SHARE_CLOUD("share-cloud", "owner,admin"),
    CREATE_USER("create-user", "owner,admin"),
    CREATE_ADMIN("create-admin", "owner"),
    EDIT_USER("edit-user", "owner,admin"),
    EDIT_ADMIN("edit-admin", "owner"),
    ACTIVATE_LOGIN("activate-login", "owner,admin"),
    /** Plain contacts (no login yet): see, create, edit, delete. */
    MANAGE_CONTACTS("manage-contacts", "owner,admin"),
    /** S-ACC-2, S-ACC-3: the account settings (type, organisation domains). */
    MANAGE_ACCOUNT("manage-account", "owner"),
    /** S-ROL-2: file owner requests and follow them. */
    REQUEST_OWNER("request-owner", "owner"),
    /** S-CLD-3: create clouds. */
    CREATE_CLOUD("create-cloud", "owner,admin"),
    /** S-CLD-7: see every cloud of the account and act as its Cloud-Admin. */
    MANAGE_ALL_CLOUDS("manage-all-clouds", "owner"),
    /** S-CLD-9, partner side: accept, decline and end shares offered to the account, add its people to them. */
    ACCEPT_SHARES("accept-shares", "owner,admin"),
    /** S-MOD-1: grant every module permission, not only those one holds. */
    GRANT_ALL_MODULES("grant-all-modules", "owner");

    private final String key;
    private final String defaultRoles;

    Right(String key, String defaultRoles) {
        this.key = key;
        this.defaultRoles = defaultRoles;
    }

    public String key() {
        return key;
    }

    public String defaultRoles() {
        return defaultRoles;
    }
}
