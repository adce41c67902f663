package com.terminalacc.ui;

import java.util.Map;

import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

/**
 * The entry page (seed step 2): the customer zone's settings menu with "Access Control Center" — shown only when
 * the account's ACC is enabled; otherwise the menu says how to reach support (S-ACC-4).
 */
public class HomePage {

    private final KeycloakSession session;

    public HomePage(KeycloakSession session) {
        this.session = session;
    }

    public Response render() {
        PageContext ctx = PageContext.signedIn(session);
        if (ctx.customerRequest() == null && ctx.isStaff()) {
            return ctx.redirect("staff/accounts", null);
        }
        if (ctx.customerRequest() == null) {
            return ctx.page("acc/no-account.ftl", Map.of(), 403);
        }
        return ctx.page("acc/home.ftl", Map.of("accEnabled", ctx.customerRequest().account().entity().isAccEnabled()));
    }
}
