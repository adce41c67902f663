package com.terminalacc.it.support;

import java.net.http.HttpHeaders;

import com.fasterxml.jackson.databind.JsonNode;

/** A response of our API: status, parsed JSON body (or null) and headers. */
public record ApiResponse(int status, JsonNode body, String raw, HttpHeaders headers) {

    /** The stable error code of an error body, e.g. {@code email_taken}. */
    public String code() {
        return body == null || !body.has("code") ? null : body.get("code").asText();
    }

    public String message() {
        return body == null || !body.has("message") ? null : body.get("message").asText();
    }

    public String text(String field) {
        JsonNode node = body == null ? null : body.at(field.startsWith("/") ? field : "/" + field);
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
    }

    /** Codes of the field errors of a validation_failed body, as "field:code". */
    public java.util.List<String> fieldErrors() {
        java.util.List<String> list = new java.util.ArrayList<>();
        if (body != null && body.has("errors")) {
            body.get("errors").forEach(e -> list.add(e.get("field").asText() + ":" + e.get("code").asText()));
        }
        return list;
    }

    @Override
    public String toString() {
        return status + " " + raw;
    }
}
