package com.terminalacc.contact;

/** Whether a contact is a user (S-CON-3): no login, an active login, or a deactivated one. */
public enum LoginStatus {
    NONE,
    ACTIVE,
    DEACTIVATED
}
