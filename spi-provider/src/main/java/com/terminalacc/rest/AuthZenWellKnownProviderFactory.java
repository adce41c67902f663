package com.terminalacc.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.wellknown.WellKnownProvider;
import org.keycloak.wellknown.WellKnownProviderFactory;

/**
 * The AuthZEN Policy Decision Point metadata (AuthZEN 1.0 §9, S-APP-1). The PDP identifier is the realm's URL
 * {@code {base}/realms/{realm}}; its metadata lies where the standard puts it, the well-known string inserted after the
 * host ({@code /.well-known/authzen-configuration/realms/{realm}}, served by Keycloak's server metadata resource), and at
 * Keycloak's usual {@code /realms/{realm}/.well-known/authzen-configuration}. The endpoints are the app API's.
 */
public class AuthZenWellKnownProviderFactory implements WellKnownProviderFactory {

    /** Our id; the alias is the standard's well-known name, which Keycloak's own experimental AuthZEN also claims. */
    public static final String ID = "terminal-authzen";
    public static final String ALIAS = "authzen-configuration";

    @Override
    public WellKnownProvider create(KeycloakSession session) {
        return new WellKnownProvider() {
            @Override
            public Object getConfig() {
                return metadata(session);
            }

            @Override
            public void close() {
            }
        };
    }

    static Map<String, Object> metadata(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        UriBuilder pdp = session.getContext().getUri().getBaseUriBuilder().path("realms").path(realm.getName());
        String base = pdp.build().toString();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("policy_decision_point", base);
        metadata.put("access_evaluation_endpoint", base + "/acc/app/access/v1/evaluation");
        metadata.put("access_evaluations_endpoint", base + "/acc/app/access/v1/evaluations");
        return metadata;
    }

    @Override
    public String getAlias() {
        return ALIAS;
    }

    /** Above Keycloak's own (feature {@code authzen}, Authorization Services only), should both be present. */
    @Override
    public int getPriority() {
        return 100;
    }

    @Override
    public boolean isAvailableViaServerMetadata() {
        return true; // also at /.well-known/authzen-configuration/realms/{realm}, the standard's place
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
