package com.terminalacc.rest;

import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.CreateAccount;
import com.terminalacc.account.AccountRequests.UpdateAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.auth.StaffAuthenticator;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;

/**
 * The staff API (S-STF-1), {@code /admin/realms/{realm}/acc}: accounts and, below each, its contacts. Reading needs
 * view-realm or the staff role, changing needs manage-realm or the staff role ({@link StaffAuthenticator}).
 */
@Produces(MediaType.APPLICATION_JSON)
public class StaffRootResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final Audit audit;

    public StaffRootResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = new Audit(adminEvent);
    }

    @GET
    @Path("accounts")
    public Page<AccountRepresentation> accounts(@QueryParam("search") String search, @QueryParam("first") String first,
                                                @QueryParam("max") String max) {
        StaffAuthenticator.require(realm, auth, false);
        return new AccountService(session, realm).search(search, Paging.of(first, max));
    }

    /** A new account with its first contact, who becomes its Owner (S-ACC-1, S-ACC-5). */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createAccount(InputStream body) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        CreateAccount req = JsonBodies.read(body, CreateAccount.class);
        Account account = new AccountService(session, realm).create(staff, req, audit);
        return Response.created(URI.create("accounts/" + account.id())).entity(AccountRepresentation.of(account)).build();
    }

    @GET
    @Path("accounts/{id}")
    public AccountRepresentation account(@PathParam("id") String id) {
        StaffAuthenticator.require(realm, auth, false);
        return AccountRepresentation.of(new AccountService(session, realm).get(id));
    }

    @PATCH
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountRepresentation updateAccount(@PathParam("id") String id, InputStream body) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        UpdateAccount req = JsonBodies.read(body, UpdateAccount.class);
        return AccountRepresentation.of(new AccountService(session, realm).update(staff, id, req, audit));
    }

    /** Deletes the account, its contacts and their users. */
    @DELETE
    @Path("accounts/{id}")
    public Response deleteAccount(@PathParam("id") String id) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        new AccountService(session, realm).delete(staff, id, audit);
        return Response.noContent().build();
    }

    @Path("accounts/{id}/contacts")
    public StaffContactsResource contacts(@PathParam("id") String id) {
        new AccountService(session, realm).get(id); // 404 for an unknown account before anything else
        return new StaffContactsResource(session, realm, auth, audit, id);
    }
}
