package com.terminalacc.activity;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of an activity log (S-ACT-1, S-ACT-2): either a change made through Terminal ACC ({@code kind=CHANGE}:
 * resource type, operation, who, before → after) or something the contact's user did ({@code kind=USER_EVENT}:
 * Keycloak event type such as LOGIN, LOGIN_ERROR, UPDATE_PASSWORD). {@code actorKind} says whose the author is: the
 * viewer's own account ({@value #ACCOUNT}, named), another company ({@value #PARTNER}) or the provider
 * ({@value #PROVIDER}); customers see the latter two without name, id, address or resource path (S-ISO-1).
 */
@Schema(requiredProperties = {"time", "kind"})
public record ActivityEntry(
        long time,
        String kind,
        String type,
        String operation,
        String resourcePath,
        String actorUserId,
        String actorName,
        String actorKind,
        String ipAddress,
        String clientId,
        String error,
        @Schema(type = SchemaType.OBJECT, description = "the resource before the change") JsonNode before,
        @Schema(type = SchemaType.OBJECT, description = "the resource after the change") JsonNode after) {

    public static final String ACCOUNT = "ACCOUNT";
    public static final String PARTNER = "PARTNER";
    public static final String PROVIDER = "PROVIDER";
}
