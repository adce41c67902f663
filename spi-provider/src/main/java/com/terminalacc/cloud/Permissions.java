package com.terminalacc.cloud;

/**
 * The compact permission string of the token claim and the APIs (S-TOK-1): {@code r} read (always), {@code w} write,
 * {@code o} order, {@code a} Cloud-Admin (which implies w and o, S-CLD-6). E.g. {@code "r"}, {@code "rw"},
 * {@code "rwoa"}.
 */
public final class Permissions {

    public static final String CLOUD_ADMIN = "rwoa";

    private Permissions() {
    }

    public static String of(boolean admin, boolean write, boolean order) {
        if (admin) {
            return CLOUD_ADMIN;
        }
        return "r" + (write ? "w" : "") + (order ? "o" : "");
    }

    public static boolean allows(String permissions, String action) {
        if (permissions == null) {
            return false;
        }
        return switch (action) {
            case "read" -> permissions.indexOf('r') >= 0;
            case "write" -> permissions.indexOf('w') >= 0;
            case "order" -> permissions.indexOf('o') >= 0;
            case "admin", "move" -> permissions.indexOf('a') >= 0;
            default -> false;
        };
    }
}
