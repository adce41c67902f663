package com.terminalacc.activity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One line of an activity log (S-ACT-1, S-ACT-2): either a change made through Terminal ACC ({@code kind=CHANGE}:
 * resource type, operation, who, before → after) or something the contact's user did ({@code kind=USER_EVENT}:
 * Keycloak event type such as LOGIN, LOGIN_ERROR, UPDATE_PASSWORD).
 */
public record ActivityEntry(
        long time,
        String kind,
        String type,
        String operation,
        String resourcePath,
        String actorUserId,
        String actorName,
        String ipAddress,
        String clientId,
        String error,
        JsonNode before,
        JsonNode after) {
}
