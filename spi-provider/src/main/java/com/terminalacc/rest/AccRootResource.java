package com.terminalacc.rest;

import jakarta.ws.rs.Path;

import org.keycloak.models.KeycloakSession;

/** {@code /realms/{realm}/acc}: the customer API under {@code api}, the applications' API under {@code app}. */
public class AccRootResource {

    private final KeycloakSession session;

    public AccRootResource(KeycloakSession session) {
        this.session = session;
    }

    @Path("api")
    public CustomerApiResource api() {
        return new CustomerApiResource(session);
    }

    @Path("app")
    public AppApiResource app() {
        return new AppApiResource(session);
    }
}
