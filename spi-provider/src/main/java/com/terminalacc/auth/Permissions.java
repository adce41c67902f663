package com.terminalacc.auth;

import com.terminalacc.cloud.MemberType;

/**
 * A user's effective permissions on one cloud, as the token claim, the check API, AuthZEN, the APIs and the pages
 * all state them (S-TOK-1): {@code r} read (every member), {@code w} write, {@code o} order, {@code a} Cloud-Admin,
 * which implies write and order (S-CLD-6). E.g. {@code "r"}, {@code "rw"}, {@code "rwoa"}. This class is the only
 * place that turns a membership into permissions and permissions into answers.
 */
public final class Permissions {

    private static final String CLOUD_ADMIN = "rwoa";

    private Permissions() {
    }

    /**
     * The effective permissions from a membership (type and flags; {@code type} null: no membership) and whether the
     * user manages every cloud of the cloud's account (S-CLD-7: the right {@code manage-all-clouds} of its Owners).
     * Null when the user has none.
     */
    public static String effective(MemberType type, boolean write, boolean order, boolean managesAllOfAccount) {
        if (managesAllOfAccount || type == MemberType.ADMIN) {
            return CLOUD_ADMIN;
        }
        if (type == null) {
            return null;
        }
        return "r" + (write ? "w" : "") + (order ? "o" : "");
    }

    /** The permissions a partner's share allows at most (its ceiling): never Cloud-Admin. */
    public static String ceiling(boolean write, boolean order) {
        return effective(MemberType.MEMBER, write, order, false);
    }

    /** Whether the permissions allow the action {@code read}, {@code write}, {@code order}, {@code admin} or {@code move}. */
    public static boolean allows(String permissions, String action) {
        if (permissions == null || action == null) {
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

    /** Whether the permissions are a Cloud-Admin's. */
    public static boolean isCloudAdmin(String permissions) {
        return allows(permissions, "admin");
    }
}
