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

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.activity.ActivityPage;
import com.terminalacc.activity.ActivityService;
import com.terminalacc.auth.Actor;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.contact.ContactService;
import com.terminalacc.user.LoginRequests.ActivateLogin;
import com.terminalacc.user.LoginRequests.ChangeRole;
import com.terminalacc.user.LoginRequests.SetModules;
import com.terminalacc.user.LoginRequests.SetPassword;
import com.terminalacc.user.LoginRequests.Step;
import com.terminalacc.user.LoginService;
import com.terminalacc.user.LoginService.Activation;

/**
 * Contacts of one account and their logins, for the customer API ({@code /realms/{realm}/acc/api/contacts}) and the
 * staff API ({@code /admin/realms/{realm}/acc/accounts/{id}/contacts}) alike. Each method first obtains its actor
 * from the {@link Caller} (the authorization check of the API it serves); the services decide the rest.
 */
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;
    private final String accountId;

    public ContactsResource(KeycloakSession session, RealmModel realm, Caller caller, String accountId) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
        this.accountId = accountId;
    }

    /** Owners, Admins, staff: the account's contacts, searchable by name and e-mail, paged. */
    @GET
    public Page<ContactRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                            @QueryParam("max") String max) {
        Actor actor = caller.read();
        return contacts().list(actor, accountId, search, Paging.of(first, max));
    }

    /** A new contact (S-CON-1, S-CON-2, S-ACC-2, S-ACC-3, S-CON-5). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        Actor actor = caller.write();
        ContactInput input = JsonBodies.read(body, ContactInput.class);
        ContactService contacts = contacts();
        ContactEntity contact = contacts.create(actor, accountId, input, caller.audit());
        return Response.created(URI.create("contacts/" + contact.getId())).entity(contacts.represent(contact)).build();
    }

    @GET
    @Path("{id}")
    public ContactRepresentation get(@PathParam("id") String id) {
        Actor actor = caller.read();
        return contacts().get(actor, accountId, id);
    }

    /** Within the hierarchy (S-ROL-1, S-ROL-4); a user's e-mail is fixed (S-CON-4). */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactRepresentation update(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        ContactUpdate update = JsonBodies.read(body, ContactUpdate.class);
        ContactService contacts = contacts();
        return contacts.represent(contacts.update(actor, accountId, id, update, caller.audit()));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        Actor actor = caller.write();
        contacts().delete(actor, accountId, id, caller.audit());
        return Response.noContent().build();
    }

    /**
     * The login activation wizard (S-LOG-1) in one request. {@code validateOnly=true} checks (optionally one
     * {@code step}: details, role, modules) without saving and answers 200 with the summary.
     */
    @POST
    @Path("{id}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response activate(@PathParam("id") String id, @QueryParam("validateOnly") String validateOnly,
                             @QueryParam("step") String step, InputStream body) {
        Actor actor = caller.write();
        ActivateLogin req = JsonBodies.read(body, ActivateLogin.class);
        boolean dryRun = "true".equalsIgnoreCase(validateOnly);
        Activation result = new LoginService(session, realm).activate(actor, accountId, id, req, Step.parse(step), dryRun, caller.audit());
        if (dryRun) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("valid", true);
            summary.put("contact", contacts().represent(result.contact()));
            summary.put("role", result.role() == null ? null : result.role().wire());
            summary.put("modules", result.modules());
            return Response.ok(summary).build();
        }
        return Response.status(Response.Status.CREATED).entity(contacts().represent(result.contact())).build();
    }

    /** Deactivates the login: the user becomes a plain contact again (S-CON-3). */
    @DELETE
    @Path("{id}/login")
    public ContactRepresentation deactivate(@PathParam("id") String id) {
        Actor actor = caller.write();
        new LoginService(session, realm).deactivate(actor, accountId, id, caller.audit());
        return contacts().get(actor, accountId, id);
    }

    @PUT
    @Path("{id}/login/role")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactRepresentation changeRole(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        ChangeRole req = JsonBodies.read(body, ChangeRole.class);
        new LoginService(session, realm).changeRole(actor, accountId, id, req.role(), caller.audit());
        return contacts().get(actor, accountId, id);
    }

    @PUT
    @Path("{id}/login/modules")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactRepresentation setModules(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        SetModules req = JsonBodies.read(body, SetModules.class);
        new LoginService(session, realm).setModules(actor, accountId, id, req.modules(), caller.audit());
        return contacts().get(actor, accountId, id);
    }

    /** S-LOG-4: sets the user's password; temporary unless {@code "temporary": false}. */
    @PUT
    @Path("{id}/login/password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setPassword(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        SetPassword req = JsonBodies.read(body, SetPassword.class);
        new LoginService(session, realm).setPassword(actor, accountId, id, req, caller.audit());
        return Response.noContent().build();
    }

    /** Sends a new initial password (or set-password link) to a user who has not chosen one yet. */
    @POST
    @Path("{id}/login/onboarding")
    public Response resendOnboarding(@PathParam("id") String id) {
        Actor actor = caller.write();
        new LoginService(session, realm).resendOnboarding(actor, accountId, id, caller.audit());
        return Response.noContent().build();
    }

    /** S-ACT-2: the contact's activity log, newest first. */
    @GET
    @Path("{id}/activity")
    public ActivityPage activity(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        Actor actor = caller.read();
        return new ActivityService(session, realm).contactLog(actor, accountId, id, Paging.of(first, max));
    }

    private ContactService contacts() {
        return new ContactService(session, realm);
    }
}
