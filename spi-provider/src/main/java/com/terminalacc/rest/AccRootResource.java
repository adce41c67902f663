package com.terminalacc.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

import com.terminalacc.ui.AccountPages;
import com.terminalacc.ui.CloudPages;
import com.terminalacc.ui.ContactPages;
import com.terminalacc.ui.HomePage;
import com.terminalacc.ui.SharePages;
import com.terminalacc.ui.StaffPages;

/**
 * {@code /realms/{realm}/acc}: the Access Control Center pages at the root, the customer API under {@code api},
 * the applications' API under {@code app}.
 */
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

    /** The entry: the settings menu with the Access Control Center (when enabled for the account). */
    @GET
    @Path("/")
    public Response home() {
        return new HomePage(session).render();
    }

    @Path("contacts")
    public ContactPages contacts() {
        return new ContactPages(session);
    }

    @Path("account")
    public AccountPages account() {
        return new AccountPages(session);
    }

    @Path("clouds")
    public CloudPages clouds() {
        return new CloudPages(session);
    }

    @Path("shares")
    public SharePages shares() {
        return new SharePages(session);
    }

    @Path("staff")
    public StaffPages staff() {
        return new StaffPages(session);
    }
}
