package com.terminalacc.cloud;

import java.util.List;

/** Clouds, members, shares and products on the wire, and the request bodies. */
public final class CloudRepresentations {

    private CloudRepresentations() {
    }

    /**
     * A cloud as the caller sees it: {@code permissions} are the caller's own effective permissions (r, w, o, a),
     * {@code accountName} names the owning company (interesting for clouds shared with the caller's company).
     */
    public record CloudRep(String id, String accountId, String accountName, String name, String description, String icon,
                           String permissions, long memberCount, long productCount, boolean shared, long createdAt) {
    }

    /** A member; {@code contactId} identifies it in the API, {@code partner} marks members of a partner company. */
    public record MemberRep(String contactId, String userId, String accountId, String firstName, String lastName, String email,
                            MemberType type, boolean read, boolean write, boolean order, String permissions, boolean partner,
                            String shareId) {
    }

    public record ShareRep(String id, String cloudId, String cloudName, String ownerAccountId, String ownerAccountName,
                           String partnerAccountId, String partnerAccountName, boolean maxWrite, boolean maxOrder,
                           ShareStatus status, long partnerMembers, long createdAt, Long decidedAt) {
    }

    public record ProductRep(String id, String name, String type, String cloudId, long createdAt, long updatedAt) {
    }

    public record CreateCloud(String name, String description, String icon) {
    }

    public record UpdateCloud(String name, String description, String icon) {
    }

    /** Adds the user of a contact; {@code read} may be given but only as true (S-CLD-5). */
    public record AddMember(String contactId, String type, Boolean read, Boolean write, Boolean order) {
    }

    public record UpdateMember(String type, Boolean read, Boolean write, Boolean order) {
    }

    public record ShareRequest(String partnerDomain, Boolean write, Boolean order) {
    }

    public record UpdateShare(Boolean write, Boolean order) {
    }

    public record PutProduct(String name, String type, String cloudId) {
    }

    public record MoveProduct(String cloudId) {
    }

    /** The icons a cloud may have; the ACC shows them, applications may map them to their own. */
    public static final List<String> ICONS = List.of("cloud", "server", "database", "globe", "mail", "shop", "code",
            "rocket", "shield", "folder");
}
