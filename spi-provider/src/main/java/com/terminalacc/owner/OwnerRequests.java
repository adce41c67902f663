package com.terminalacc.owner;

/** Request bodies of the owner request endpoints. */
public final class OwnerRequests {

    private OwnerRequests() {
    }

    public record FileRequest(String contactId, String reason) {
    }

    public record Decision(String reason) {
    }
}
