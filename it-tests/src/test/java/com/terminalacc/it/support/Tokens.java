package com.terminalacc.it.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the payload of a JWT the server issued (no verification: the server under test made it). */
public final class Tokens {

    private Tokens() {
    }

    public static JsonNode payload(String jwt) {
        try {
            return Api.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> realmRoles(JsonNode token) {
        List<String> roles = new ArrayList<>();
        token.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    public static List<String> clientRoles(JsonNode token, String client) {
        List<String> roles = new ArrayList<>();
        token.path("resource_access").path(client).path("roles").forEach(r -> roles.add(r.asText()));
        roles.sort(null);
        return roles;
    }
}
