package com.terminalacc.contact;

import java.util.List;

/**
 * A contact on the wire. {@code role} and {@code modules} are set when the contact is a user.
 */
public record ContactRepresentation(
        String id,
        String accountId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String jobTitle,
        String locale,
        boolean supportPermission,
        LoginStatus loginStatus,
        String userId,
        String role,
        List<String> modules,
        long createdAt,
        long updatedAt) {
}
