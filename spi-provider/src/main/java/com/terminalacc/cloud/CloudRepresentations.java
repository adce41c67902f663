package com.terminalacc.cloud;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Clouds, members, shares and products on the wire, and the request bodies. */
public final class CloudRepresentations {

    private CloudRepresentations() {
    }

    /**
     * A cloud as the caller sees it: {@code permissions} are the caller's own effective permissions (r, w, o, a),
     * {@code cloudAdmin} whether they are a Cloud-Admin's, {@code accountName} names the owning company and
     * {@code sharedWithUs} says that it is another company's cloud shared with the caller's; {@code memberCount} counts
     * the members the caller sees.
     */
    @Schema(requiredProperties = {"id", "accountId", "name", "cloudAdmin", "sharedWithUs", "memberCount", "productCount", "createdAt"})
    public record CloudRep(String id, String accountId, String accountName, String name, String description, String icon,
                           String permissions, boolean cloudAdmin, boolean sharedWithUs, long memberCount, long productCount,
                           boolean shared, long createdAt) {
    }

    /**
     * A member; {@code contactId} identifies it in the API, {@code partner} marks members of a partner company,
     * {@code canEdit} whether the caller may change or remove it.
     */
    @Schema(requiredProperties = {"contactId", "type", "read", "write", "order", "partner", "canEdit"})
    public record MemberRep(String contactId, String userId, String accountId, String firstName, String lastName, String email,
                            MemberType type, boolean read, boolean write, boolean order, String permissions, boolean partner,
                            String shareId, boolean canEdit) {
    }

    /** A share; {@code ceiling} is the most a partner member may get, as permissions ({@code r}, {@code rw}, …). */
    @Schema(requiredProperties = {"id", "cloudId", "maxWrite", "maxOrder", "ceiling", "status", "createdAt"})
    public record ShareRep(String id, String cloudId, String cloudName, String ownerAccountId, String ownerAccountName,
                           String partnerAccountId, String partnerAccountName, boolean maxWrite, boolean maxOrder, String ceiling,
                           ShareStatus status, long partnerMembers, long createdAt, Long decidedAt) {
    }

    @Schema(requiredProperties = {"id", "cloudId", "createdAt", "updatedAt"})
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
