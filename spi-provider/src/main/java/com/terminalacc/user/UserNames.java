package com.terminalacc.user;

import org.keycloak.models.UserModel;

/** How a Keycloak user is named to people: "First Last", or the username when no name is set. */
public final class UserNames {

    private UserNames() {
    }

    /** "First Last" stripped, the username when both are empty, {@code null} for no user. */
    public static String displayName(UserModel user) {
        if (user == null) {
            return null;
        }
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        String name = (first + " " + last).strip();
        return name.isEmpty() ? user.getUsername() : name;
    }
}
