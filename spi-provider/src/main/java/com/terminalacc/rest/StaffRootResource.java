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

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.terminalacc.account.Account;
import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.CreateAccount;
import com.terminalacc.account.AccountRequests.UpdateAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.activity.ActivityPage;
import com.terminalacc.activity.ActivityService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.StaffAuthenticator;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.MemberRep;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.owner.OwnerRequestRepresentation;
import com.terminalacc.owner.OwnerRequestService;
import com.terminalacc.owner.OwnerRequests.Decision;

/**
 * The staff API (S-STF-1), {@code /admin/realms/{realm}/acc}: accounts, their contacts and logins (the same
 * {@link ContactsResource} the customer API uses), activity logs and owner requests. Who is staff, and which tokens
 * count, is {@link StaffAuthenticator}'s: the staff role or manage-realm change, view-realm reads (S-STF-1), and only
 * tokens meant for staff work are taken (S-ISO-2). Every service called starts with its authorization check.
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

    /** The staff member's evaluator; refuses everyone else (401 for a token of another application, 403 for no staff). */
    private AccessEvaluator staff() {
        return AccessEvaluator.of(session, realm, StaffAuthenticator.forApi(realm, auth));
    }

    @GET
    @Path("accounts")
    public Page<AccountRepresentation> accounts(@QueryParam("search") String search, @QueryParam("first") String first,
                                                @QueryParam("max") String max) {
        AccessEvaluator staff = staff();
        return new AccountService(session, realm).search(staff, search, Paging.of(first, max));
    }

    /** A new account with its first contact, who becomes its Owner (S-ACC-1, S-ACC-5). */
    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAccount.class)))
    @APIResponse(responseCode = "201", description = "Created with its Owner", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccountRepresentation.class)))
    public Response createAccount(InputStream body) {
        AccessEvaluator staff = staff();
        CreateAccount req = JsonBodies.read(body, CreateAccount.class);
        Account account = new AccountService(session, realm).create(staff, req, audit);
        return Response.created(URI.create("accounts/" + account.id())).entity(AccountRepresentation.of(account)).build();
    }

    @GET
    @Path("accounts/{id}")
    public AccountRepresentation account(@PathParam("id") String id) {
        AccessEvaluator staff = staff();
        return AccountRepresentation.of(new AccountService(session, realm).get(staff, id));
    }

    @PATCH
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateAccount.class)))
    public AccountRepresentation updateAccount(@PathParam("id") String id, InputStream body) {
        AccessEvaluator staff = staff();
        UpdateAccount req = JsonBodies.read(body, UpdateAccount.class);
        return AccountRepresentation.of(new AccountService(session, realm).update(staff, id, req, audit));
    }

    /** S-DOM-1: staff confirm a pending domain of the account. */
    @POST
    @Path("accounts/{id}/domains/{domain}/verify")
    public AccountRepresentation confirmDomain(@PathParam("id") String id, @PathParam("domain") String domain) {
        AccessEvaluator staff = staff();
        return AccountRepresentation.of(new AccountService(session, realm).confirmDomain(staff, id, domain, audit));
    }

    /** Deletes the account, its contacts and their users. */
    @DELETE
    @Path("accounts/{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response deleteAccount(@PathParam("id") String id) {
        AccessEvaluator staff = staff();
        new AccountService(session, realm).delete(staff, id, audit);
        return Response.noContent().build();
    }

    /** Everything recorded for the account, newest first. */
    @GET
    @Path("accounts/{id}/activity")
    public ActivityPage accountActivity(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        AccessEvaluator staff = staff();
        return new ActivityService(session, realm).accountLog(staff, id, Paging.of(first, max));
    }

    @Path("accounts/{id}/contacts")
    public ContactsResource contacts(@PathParam("id") String id) {
        AccessEvaluator staff = staff();
        new AccountService(session, realm).get(staff, id); // 404 for an unknown account before anything else
        return new ContactsResource(session, realm, staff, audit, id);
    }

    /** The clouds of an account (read-only for staff). */
    @GET
    @Path("accounts/{id}/clouds")
    public Page<CloudRep> clouds(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        AccessEvaluator staff = staff();
        return new CloudService(session, realm).listOfAccount(staff, id, Paging.of(first, max));
    }

    @GET
    @Path("clouds/{cloudId}")
    public CloudRep cloud(@PathParam("cloudId") String cloudId) {
        AccessEvaluator staff = staff();
        return new CloudService(session, realm).get(staff, cloudId);
    }

    @GET
    @Path("clouds/{cloudId}/members")
    public Page<MemberRep> cloudMembers(@PathParam("cloudId") String cloudId, @QueryParam("first") String first, @QueryParam("max") String max) {
        AccessEvaluator staff = staff();
        return new CloudService(session, realm).members(staff, cloudId, Paging.of(first, max));
    }

    /** Owner requests of all accounts, e.g. {@code ?status=PENDING}, newest first. */
    @GET
    @Path("owner-requests")
    public Page<OwnerRequestRepresentation> ownerRequests(@QueryParam("status") String status, @QueryParam("accountId") String accountId,
                                                          @QueryParam("first") String first, @QueryParam("max") String max) {
        AccessEvaluator staff = staff();
        return new OwnerRequestService(session, realm).listAll(staff, status, accountId, Paging.of(first, max));
    }

    @GET
    @Path("owner-requests/{id}")
    public OwnerRequestRepresentation ownerRequest(@PathParam("id") String id) {
        AccessEvaluator staff = staff();
        return new OwnerRequestService(session, realm).get(staff, id);
    }

    /** Approves: the named contact becomes an Owner, its login activated if needed (S-ROL-2). */
    @POST
    @Path("owner-requests/{id}/approve")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public OwnerRequestRepresentation approve(@PathParam("id") String id, InputStream body) {
        AccessEvaluator staff = staff();
        Decision decision = optionalDecision(body);
        OwnerRequestService service = new OwnerRequestService(session, realm);
        service.approve(staff, id, decision, audit);
        return service.get(staff, id);
    }

    /** Rejects with a reason the requester will see. */
    @POST
    @Path("owner-requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Decision.class)))
    public OwnerRequestRepresentation reject(@PathParam("id") String id, InputStream body) {
        AccessEvaluator staff = staff();
        Decision decision = JsonBodies.read(body, Decision.class);
        OwnerRequestService service = new OwnerRequestService(session, realm);
        service.reject(staff, id, decision, audit);
        return service.get(staff, id);
    }

    private static Decision optionalDecision(InputStream body) {
        try {
            return JsonBodies.read(body, Decision.class);
        } catch (com.terminalacc.common.TerminalException e) {
            if (e.getCode() == com.terminalacc.common.ErrorCode.BODY_REQUIRED) {
                return new Decision(null);
            }
            throw e;
        }
    }
}
