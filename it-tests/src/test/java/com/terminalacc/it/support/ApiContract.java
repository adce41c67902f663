package com.terminalacc.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * S-APP-2: holds every response of our three APIs that an integration test receives against the OpenAPI document the
 * provider serves ({@code META-INF/terminal-acc/openapi.json} of the provider jar): the path and method are documented,
 * the status is one the operation documents, and a JSON body fits the documented schema (required fields, types, enums;
 * refusals the error shape). {@link Api#send} calls it for every response, so the contract cannot drift from the code.
 * {@code -Dterminal.it.openapi=false} switches it off.
 */
public final class ApiContract {

    static final String DOCUMENT = "META-INF/terminal-acc/openapi.json";
    private static final Pattern API = Pattern.compile("^/(admin/)?realms/[^/]+/acc/(api|app)?/?.*");
    private static final JsonNode SPEC = load();
    private static final List<Route> ROUTES = routes();

    private ApiContract() {
    }

    private record Route(String template, Pattern pattern, int literals, JsonNode item) {
    }

    private static JsonNode load() {
        try (InputStream in = ApiContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException("The provider jar on the test classpath has no " + DOCUMENT);
            }
            return Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = SPEC.get("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String regex = "^" + e.getKey().replaceAll("\\{[^}]+}", "[^/]+") + "$";
            int literals = e.getKey().replaceAll("\\{[^}]+}", "").length();
            routes.add(new Route(e.getKey(), Pattern.compile(regex), literals, e.getValue()));
        }
        routes.sort((a, b) -> b.literals() - a.literals()); // the most literal template first, as JAX-RS matches
        return routes;
    }

    public static boolean enabled() {
        return !"false".equals(System.getProperty("terminal.it.openapi"));
    }

    /** Whether the request is one of our APIs (Keycloak's own endpoints and the ACC pages are not described). */
    static boolean describes(URI uri, String method) {
        String path = uri.getPath();
        return !"OPTIONS".equals(method) && !path.endsWith("/openapi.json") && API.matcher(path).matches()
                && (path.contains("/acc/api") || path.contains("/acc/app") || path.startsWith("/admin/"));
    }

    /** The problems of one response; empty when it keeps the contract. */
    public static List<String> check(String method, URI uri, int status, JsonNode body, String contentType) {
        List<String> problems = new ArrayList<>();
        String path = uri.getPath();
        Route route = ROUTES.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst().orElse(null);
        if (route == null) {
            if (status != 404 && status != 405) {
                problems.add("path not documented: " + path);
            }
            return problems;
        }
        JsonNode operation = route.item().get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            if (status != 405 && status != 404) {
                problems.add(method + " " + route.template() + " not documented (answered " + status + ")");
            }
            return problems;
        }
        JsonNode response = resolve(operation.path("responses").get(String.valueOf(status)));
        if (response == null) {
            response = resolve(operation.path("responses").get("default"));
        }
        if (response == null) {
            problems.add(method + " " + route.template() + " answered " + status + ", which the document does not list");
            return problems;
        }
        JsonNode schema = response.path("content").path("application/json").get("schema");
        if (schema == null) {
            return problems;
        }
        if (body == null) {
            if (status != 204) {
                problems.add(method + " " + route.template() + " " + status + ": a JSON body is documented, got " + contentType);
            }
            return problems;
        }
        validate(schema, body, "", problems);
        problems.replaceAll(p -> method + " " + route.template() + " " + status + ": " + p);
        return problems;
    }

    private static JsonNode resolve(JsonNode node) {
        while (node != null && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            node = SPEC.at(ref.substring(1));
            if (node.isMissingNode()) {
                throw new IllegalStateException("dangling " + ref);
            }
        }
        return node;
    }

    static void validate(JsonNode schema, JsonNode value, String at, List<String> problems) {
        schema = resolve(schema);
        if (schema == null || schema.isEmpty()) {
            return;
        }
        String where = at.isEmpty() ? "(body)" : at;
        if (schema.has("anyOf") || schema.has("oneOf")) {
            for (JsonNode option : schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf")) {
                List<String> mine = new ArrayList<>();
                validate(option, value, at, mine);
                if (mine.isEmpty()) {
                    return;
                }
            }
            problems.add(where + " fits none of the documented shapes: " + value);
            return;
        }
        if (schema.has("allOf")) {
            for (JsonNode part : schema.get("allOf")) {
                validate(part, value, at, problems);
            }
        }
        JsonNode type = schema.get("type");
        if (type != null && !fits(type, value)) {
            problems.add(where + " should be " + type + ", is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            return;
        }
        if (schema.has("enum") && !value.isNull()) {
            boolean listed = false;
            for (JsonNode allowed : schema.get("enum")) {
                listed |= allowed.equals(value);
            }
            if (!listed) {
                problems.add(where + " = " + value + " is not one of " + schema.get("enum"));
            }
        }
        if (value.isObject()) {
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) {
                    problems.add(where + " lacks the required field " + required.asText());
                }
            }
            JsonNode properties = schema.path("properties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                JsonNode property = properties.get(field.getKey());
                if (property == null) {
                    property = schema.get("additionalProperties");
                }
                if (property != null && property.isObject() && !field.getValue().isNull()) {
                    validate(property, field.getValue(), at + "/" + field.getKey(), problems);
                }
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                validate(schema.get("items"), value.get(i), at + "/" + i, problems);
            }
        }
    }

    private static boolean fits(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (fits(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> true;
        };
    }
}
