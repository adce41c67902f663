package com.terminalacc.owner;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the owner request endpoints. */
public final class OwnerRequests {

    private OwnerRequests() {
    }

    public record FileRequest(String contactId, String reason) {
    }

    /** Staff's decision: the reason is required to reject. */
    @Schema(name = "OwnerRequestDecision")
    public record Decision(String reason) {
    }
}
