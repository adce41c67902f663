package com.terminalacc.common;

import java.util.List;
import java.util.Set;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.utils.WebOriginsUtils;
import org.keycloak.services.cors.Cors;

/**
 * CORS for the customer API and the app API (S-APP-3), with Keycloak's own {@link Cors} as its account REST API uses it:
 * a request with a bearer token may be read by the web origins of the token's client (the client's "Web origins",
 * {@code +} for the origins of its redirect URIs); a preflight, which carries no token, is answered for an origin that
 * some enabled client of the realm lists. Any other origin gets no CORS headers, so the browser refuses; a request that
 * carries a token from another origin is refused by the server too.
 */
public final class ApiCors {

    private static final String[] METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"};
    /** Response headers a browser application may read beyond the simple ones. */
    private static final String[] EXPOSED = {"Server-Timing", "X-Request-ID", "Location"};

    private ApiCors() {
    }

    /**
     * An authenticated request: the web origins of the token's client (Keycloak resolves them). A request from another
     * origin is refused (403 {@code origin_not_allowed}, Keycloak's Cors refuses it) and changes nothing.
     */
    public static void forClient(KeycloakSession session, ClientModel client) {
        Cors cors;
        try {
            cors = Cors.builder().checkAllowedOrigins(session, client);
        } catch (ForbiddenException e) {
            throw new TerminalException(ErrorCode.ORIGIN_NOT_ALLOWED);
        }
        cors.allowedMethods(METHODS).exposedHeaders(EXPOSED).auth().add();
    }

    /** A request refused before a client is known (no or an invalid token): any web origin of the realm may read why. */
    public static void forRealm(KeycloakSession session) {
        String origin = origin(session);
        if (origin != null && realmOrigin(session, origin)) {
            Cors.builder().checkAllowedOrigins(List.of(origin)).allowedMethods(METHODS).exposedHeaders(EXPOSED).auth().add();
        }
    }

    private static final java.util.regex.Pattern API_PATH = java.util.regex.Pattern.compile("^/?realms/[^/]+/acc/(api|app)(/.*)?$");

    /** Whether the request is a preflight (OPTIONS) of a path of the customer API or the app API. */
    public static boolean isApiPreflight(KeycloakSession session) {
        return jakarta.ws.rs.HttpMethod.OPTIONS.equals(session.getContext().getHttpRequest().getHttpMethod())
                && API_PATH.matcher(session.getContext().getUri().getPath()).matches();
    }

    private static String origin(KeycloakSession session) {
        return session.getContext().getRequestHeaders().getHeaderString(Cors.ORIGIN_HEADER);
    }

    /** Whether an enabled client of the realm lists the origin (every client is in Keycloak's realm cache). */
    static boolean realmOrigin(KeycloakSession session, String origin) {
        return session.getContext().getRealm().getClientsStream().filter(ClientModel::isEnabled).anyMatch(client -> {
            Set<String> origins = WebOriginsUtils.resolveValidWebOrigins(session, client);
            return origins.contains(origin) || origins.contains(Cors.ACCESS_CONTROL_ALLOW_ORIGIN_WILDCARD);
        });
    }

    /** The preflight of every path below {@code /realms/{realm}/acc/api} and {@code /acc/app}. */
    public static final class Preflight {

        private final KeycloakSession session;

        public Preflight(KeycloakSession session) {
            this.session = session;
        }

        @OPTIONS
        @Path("{any:.*}")
        public Response preflight() {
            String origin = origin(session);
            if (origin == null || !realmOrigin(session, origin)) {
                return Response.ok().build(); // no CORS headers: the browser refuses the request
            }
            // Keycloak's preflight answers every origin it is given: it is given only the realm's own
            return Cors.builder().preflight().allowedMethods(METHODS).auth().add(Response.ok());
        }
    }
}
