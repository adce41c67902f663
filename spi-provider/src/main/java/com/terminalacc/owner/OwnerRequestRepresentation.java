package com.terminalacc.owner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An owner request on the wire. {@code requestedName}/{@code requestedEmail} name the person as it was when the
 * request was filed (S-ROL-5); {@code contactName}/{@code contactEmail} name the contact as it is now, and
 * {@code contactChanged} says whether they differ — staff approve only what was requested.
 */
@Schema(requiredProperties = {"id", "accountId", "contactId", "status", "contactChanged", "createdAt"})
public record OwnerRequestRepresentation(
        String id,
        String accountId,
        String accountName,
        String contactId,
        String requestedName,
        String requestedEmail,
        String contactName,
        String contactEmail,
        boolean contactChanged,
        String reason,
        String status,
        String requestedBy,
        String requestedByName,
        long createdAt,
        String decidedByName,
        String decisionReason,
        Long decidedAt) {
}
