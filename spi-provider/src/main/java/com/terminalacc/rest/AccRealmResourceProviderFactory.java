package com.terminalacc.rest;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import com.terminalacc.common.ApiCors;
import com.terminalacc.user.OutsideChangeGuard;

/** Mounts the customer side of Terminal ACC under {@code /realms/{realm}/acc}. */
public class AccRealmResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "acc";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                // a CORS preflight of the customer or app API (S-APP-3) carries no token: answered before any resource
                // authenticates, as Keycloak's account API does
                RouteContract.requirePlainPath(session);
                return ApiCors.isApiPreflight(session) ? new ApiCors.Preflight(session) : new AccRootResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new OutsideChangeGuard()); // the account invariants also against the admin console
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
