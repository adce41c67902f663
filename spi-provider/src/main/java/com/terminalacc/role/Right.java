package com.terminalacc.role;

/**
 * The rights of the S-ROL-4 table plus managing plain contacts. Which role holds which right is configuration
 * ({@link RightsMatrix}); the hierarchy (nobody acts on a role at or above their own) is not, it is code.
 */
public enum Right {
    SEE_OWN_TICKETS("see-own-tickets", "owner,admin,user"),
    CREATE_TICKETS("create-tickets", "owner,admin,user"),
    SEE_ASSIGNED_CLOUDS("see-assigned-clouds", "owner,admin,user"),
    SHARE_CLOUD("share-cloud", "owner,admin"),
    CREATE_USER("create-user", "owner,admin"),
    CREATE_ADMIN("create-admin", "owner"),
    EDIT_USER("edit-user", "owner,admin"),
    EDIT_ADMIN("edit-admin", "owner"),
    ACTIVATE_LOGIN("activate-login", "owner,admin"),
    MANAGE_CONTACTS("manage-contacts", "owner,admin");

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
