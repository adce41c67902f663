package com.terminalacc.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigValue;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.Converter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.Indexer;

import io.smallrye.openapi.api.SmallRyeOpenAPI;

import com.terminalacc.rest.CustomerApiResource;

/**
 * Generates the OpenAPI 3.1 document of the customer, staff and app APIs (S-APP-2) from the code: the JAX-RS and
 * MicroProfile OpenAPI annotations of the resource classes, read by SmallRye OpenAPI (the scanner Keycloak's own build
 * uses), on top of {@code openapi-base.json} (info, security, the error shape). A filter adds the refusals every
 * operation can answer in the one error shape and tags operations by API.
 */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static String generate() {
        SmallRyeOpenAPI api = SmallRyeOpenAPI.builder()
                .withConfig(new SettingsConfig(Map.of()))
                .withIndex(index())
                .withCustomStaticFile(() -> OpenApiDocument.class.getResourceAsStream("openapi-base.json"))
                .enableModelReader(false)
                .enableStandardStaticFiles(false)
                .enableStandardFilter(false)
                .addFilter(new Refusals())
                .build();
        return api.toJSON() + "\n";
    }

    /** Every class of the provider plus the roots the scanner starts from. */
    private static IndexView index() {
        Indexer indexer = new Indexer();
        try {
            Path classes = Path.of(CustomerApiResource.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        indexer.index(in);
                    }
                }
            }
            for (Class<?> root : List.of(ApiRoots.Realm.class, ApiRoots.Admin.class)) {
                indexer.indexClass(root);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return indexer.complete();
    }

    /**
     * Adds the refusals in the one error shape ({@code #/components/responses/...}) that the APIs answer beyond what the
     * annotations say, and tags operations by API.
     */
    static final class Refusals implements OASFilter {

        @Override
        public void filterOpenAPI(OpenAPI openAPI) {
            distinctParameterNames(openAPI);
            openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, op) -> complete(path, method, op)));
        }

        /**
         * The staff API's contact routes nest the contact's {@code {id}} below the account's {@code {id}} (JAX-RS
         * takes the innermost); OpenAPI needs distinct names, so the account's becomes {@code {accountId}}.
         */
        private static void distinctParameterNames(OpenAPI openAPI) {
            for (Map.Entry<String, PathItem> e : new java.util.TreeMap<>(openAPI.getPaths().getPathItems()).entrySet()) {
                String path = e.getKey();
                if (path.indexOf("{id}") != path.lastIndexOf("{id}")) {
                    openAPI.getPaths().removePathItem(path);
                    PathItem item = e.getValue();
                    item.addParameter(OASFactory.createParameter().name("accountId").in(Parameter.In.PATH).required(true)
                            .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)));
                    openAPI.getPaths().addPathItem(path.replaceFirst("\\{id}", "{accountId}"), item);
                }
            }
        }

        private static void complete(String path, PathItem.HttpMethod method, Operation op) {
            String tag = tag(path);
            op.setTags(List.of(tag));
            op.setOperationId(operationId(tag, path, method));
            boolean decisions = tag.equals("AuthZEN") || path.endsWith("/app/check");
            APIResponses responses = op.getResponses();
            add(responses, "400", "BadRequest");
            add(responses, "401", tag.equals("Staff API") ? "StaffUnauthorized" : "Unauthorized");
            add(responses, "403", "Forbidden");
            boolean namesAnId = path.replace("{realm}", "").contains("{") || op.getParameters() != null
                    && op.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY && p.getName().endsWith("Id"));
            // a body that names an id (contactId, cloudId, ...) answers 404 for an id that does not exist
            if ((namesAnId || op.getRequestBody() != null && method != PathItem.HttpMethod.GET) && !decisions) {
                add(responses, "404", "NotFound");
            }
            if (method != PathItem.HttpMethod.GET && !decisions) {
                add(responses, "409", "Conflict");
            }
            add(responses, "406", "NotAcceptable"); // an Accept header without JSON (RouteContract)
            if (method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.DELETE) {
                add(responses, "413", "TooLarge");
                add(responses, "415", "UnsupportedMediaType"); // a body that is not JSON (RouteContract)
            }
            if (path.endsWith("/domains/{domain}/verify") && path.startsWith("/realms/")) {
                add(responses, "503", "DnsUnavailable"); // asks the DNS (S-DOM-1)
            }
        }

        private static void add(APIResponses responses, String status, String name) {
            if (!responses.hasAPIResponse(status)) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(name));
            }
        }

        /** E.g. {@code customer.post.contacts.login} for POST /realms/{realm}/acc/api/contacts/{id}/login. */
        private static String operationId(String tag, String path, PathItem.HttpMethod method) {
            String api = switch (tag) {
                case "Staff API" -> "staff";
                case "AuthZEN" -> "authzen";
                case "App API" -> "app";
                default -> "customer";
            };
            String rest = path.replaceFirst("^/(admin/)?realms/\\{realm}/acc/(api|app)?/?", "").replaceAll("[{}]", "");
            return api + "." + method.name().toLowerCase(java.util.Locale.ROOT) + (rest.isEmpty() ? "" : "." + rest.replaceAll("/+$", "").replace('/', '.'));
        }

        private static String tag(String path) {
            if (path.startsWith("/admin/")) {
                return "Staff API";
            }
            if (path.startsWith("/realms/{realm}/acc/app/access/v1/")) {
                return "AuthZEN";
            }
            return path.startsWith("/realms/{realm}/acc/app/") ? "App API" : "Customer API";
        }
    }

    /** The generator's few settings; SmallRye asks a MicroProfile Config for them. */
    private record SettingsConfig(Map<String, String> values) implements Config {

        @Override
        public <T> T getValue(String name, Class<T> type) {
            return getOptionalValue(name, type).orElseThrow(() -> new NoSuchElementException(name));
        }

        @Override
        public ConfigValue getConfigValue(String name) {
            throw new UnsupportedOperationException(name);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> Optional<T> getOptionalValue(String name, Class<T> type) {
            String value = values.get(name);
            if (value == null || type != String.class) {
                return Optional.empty();
            }
            return Optional.of((T) value);
        }

        @Override
        public Iterable<String> getPropertyNames() {
            return Set.copyOf(values.keySet());
        }

        @Override
        public Iterable<ConfigSource> getConfigSources() {
            return List.of();
        }

        @Override
        public <T> Optional<Converter<T>> getConverter(Class<T> type) {
            return Optional.empty();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new IllegalArgumentException(type.getName());
        }
    }
}
