package com.terminalacc.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import com.terminalacc.activity.ActivityPage;
import com.terminalacc.activity.ActivityService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.contact.ContactService;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.user.LoginRequests.ActivateLogin;
import com.terminalacc.user.LoginRequests.ChangeRole;
import com.terminalacc.user.LoginRequests.SetModules;
import com.terminalacc.user.LoginRequests.SetPassword;
import com.terminalacc.user.LoginRequests.Step;
import com.terminalacc.user.LoginService;
import com.terminalacc.user.LoginService.Activation;

/**
 * Contacts of one account and their logins, for the customer API ({@code /realms/{realm}/acc/api/contacts}) and the
 * staff API ({@code /admin/realms/{realm}/acc/accounts/{id}/contacts}) alike. The caller's {@link AccessEvaluator} comes
 * from the API it serves; every service method called here starts with its authorization check.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessEvaluator auth;
    private final Audit audit;
    private final String accountId;

    public ContactsResource(KeycloakSession session, RealmModel realm, AccessEvaluator auth, Audit audit, String accountId) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
        this.accountId = accountId;
    }

    /** Owners, Admins, staff: the account's contacts, searchable by name and e-mail, paged. */
    @GET
    public Page<ContactRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                            @QueryParam("max") String max) {
        return contacts().list(auth, accountId, search, Paging.of(first, max));
    }

    /** A new contact (S-CON-1, S-CON-2, S-ACC-2, S-ACC-3, S-CON-5). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactInput.class)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactRepresentation.class)))
    public Response create(InputStream body) {
        ContactInput input = JsonBodies.read(body, ContactInput.class);
        ContactEntity contact = contacts().create(auth, accountId, input, audit);
        return Response.created(URI.create("contacts/" + contact.getId())).entity(store().represent(contact)).build();
    }

    @GET
    @Path("{id}")
    public ContactRepresentation get(@PathParam("id") String id) {
        return contacts().get(auth, accountId, id);
    }

    /** Within the hierarchy (S-ROL-1, S-ROL-4); a user's e-mail is fixed (S-CON-4). */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactUpdate.class)))
    public ContactRepresentation update(@PathParam("id") String id, InputStream body) {
        ContactUpdate update = JsonBodies.read(body, ContactUpdate.class);
        return store().represent(contacts().update(auth, accountId, id, update, audit));
    }

    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete(@PathParam("id") String id) {
        contacts().delete(auth, accountId, id, audit);
        return Response.noContent().build();
    }

    /**
     * The login activation wizard (S-LOG-1) in one request. {@code validateOnly=true} checks (optionally one
     * {@code step}: details, role, modules) without saving and answers 200 with the summary.
     */
    @POST
    @Path("{id}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivateLogin.class)))
    @APIResponse(responseCode = "201", description = "The login is active", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ContactRepresentation.class)))
    @APIResponse(responseCode = "200", description = "validateOnly=true: valid; the summary (contact, role, modules)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ActivationSummary.class)))
    public Response activate(@PathParam("id") String id, @QueryParam("validateOnly") String validateOnly,
                             @QueryParam("step") String step, InputStream body) {
        ActivateLogin req = JsonBodies.read(body, ActivateLogin.class);
        boolean dryRun = "true".equalsIgnoreCase(validateOnly);
        if (!dryRun && step != null && !step.isBlank()) {
            // a step alone is only checked, never saved: a login needs all of them (S-LOG-1)
            throw new TerminalException(ErrorCode.INVALID_QUERY_PARAMETER, "step");
        }
        Activation result = new LoginService(session, realm).activate(auth, accountId, id, req, Step.parse(step), dryRun, audit);
        if (dryRun) {
            return Response.ok(new ActivationSummary(true, store().represent(result.contact()),
                    result.role() == null ? null : result.role().wire(), result.modules())).build();
        }
        return Response.status(Response.Status.CREATED).entity(store().represent(result.contact())).build();
    }

    /** The answer of a dry run of the wizard: what activating would do. */
    @Schema(requiredProperties = {"valid", "contact"})
    public record ActivationSummary(boolean valid, ContactRepresentation contact, String role, java.util.Collection<String> modules) {
    }

    /** Deactivates the login: the user becomes a plain contact again (S-CON-3). */
    @DELETE
    @Path("{id}/login")
    public ContactRepresentation deactivate(@PathParam("id") String id) {
        new LoginService(session, realm).deactivate(auth, accountId, id, audit);
        return contacts().get(auth, accountId, id);
    }

    @PUT
    @Path("{id}/login/role")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChangeRole.class)))
    public ContactRepresentation changeRole(@PathParam("id") String id, InputStream body) {
        ChangeRole req = JsonBodies.read(body, ChangeRole.class);
        new LoginService(session, realm).changeRole(auth, accountId, id, req.role(), audit);
        return contacts().get(auth, accountId, id);
    }

    @PUT
    @Path("{id}/login/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SetModules.class)))
    public ContactRepresentation setModules(@PathParam("id") String id, InputStream body) {
        SetModules req = JsonBodies.read(body, SetModules.class);
        new LoginService(session, realm).setModules(auth, accountId, id, req.modules(), audit);
        return contacts().get(auth, accountId, id);
    }

    /** S-LOG-4: sets the user's password; temporary unless {@code "temporary": false}. */
    @PUT
    @Path("{id}/login/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SetPassword.class)))
    @APIResponse(responseCode = "204", description = "Done")
    public Response setPassword(@PathParam("id") String id, InputStream body) {
        SetPassword req = JsonBodies.read(body, SetPassword.class);
        new LoginService(session, realm).setPassword(auth, accountId, id, req, audit);
        return Response.noContent().build();
    }

    /** Sends a new initial password (or set-password link) to a user who has not chosen one yet. */
    @POST
    @Path("{id}/login/onboarding")
    @APIResponse(responseCode = "204", description = "Done")
    public Response resendOnboarding(@PathParam("id") String id) {
        new LoginService(session, realm).resendOnboarding(auth, accountId, id, audit);
        return Response.noContent().build();
    }

    /** S-SEC-2: removes the user's second factors (OTP, passkeys); with the account's policy on, it sets one up again. */
    @DELETE
    @Path("{id}/login/two-factor")
    @APIResponse(responseCode = "204", description = "Done")
    public Response resetTwoFactor(@PathParam("id") String id) {
        new LoginService(session, realm).resetTwoFactor(auth, accountId, id, audit);
        return Response.noContent().build();
    }

    /** S-ACT-2: the contact's activity log, newest first. */
    @GET
    @Path("{id}/activity")
    public ActivityPage activity(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        return new ActivityService(session, realm).contactLog(auth, accountId, id, Paging.of(first, max));
    }

    private ContactStore store() {
        return new ContactStore(session, realm);
    }

    private ContactService contacts() {
        return new ContactService(session, realm);
    }
}
