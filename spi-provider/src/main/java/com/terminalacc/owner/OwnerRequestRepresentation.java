package com.terminalacc.owner;

/** An owner request on the wire, with the named contact's name and e-mail for display. */
public record OwnerRequestRepresentation(
        String id,
        String accountId,
        String accountName,
        String contactId,
        String contactName,
        String contactEmail,
        String reason,
        String status,
        String requestedBy,
        String requestedByName,
        long createdAt,
        String decidedByName,
        String decisionReason,
        Long decidedAt) {
}
