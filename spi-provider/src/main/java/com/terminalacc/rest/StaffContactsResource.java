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
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.auth.StaffAuthenticator;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.contact.ContactService;

/** Staff view of one account's contacts: {@code /admin/realms/{realm}/acc/accounts/{id}/contacts}. */
@Produces(MediaType.APPLICATION_JSON)
public class StaffContactsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final Audit audit;
    private final String accountId;

    StaffContactsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, Audit audit, String accountId) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
        this.accountId = accountId;
    }

    @GET
    public Page<ContactRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                            @QueryParam("max") String max) {
        Actor staff = StaffAuthenticator.require(realm, auth, false);
        return new ContactService(session, realm).list(staff, accountId, search, Paging.of(first, max));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        ContactInput input = JsonBodies.read(body, ContactInput.class);
        ContactService contacts = new ContactService(session, realm);
        ContactEntity contact = contacts.create(staff, accountId, input, audit);
        return Response.created(URI.create("contacts/" + contact.getId())).entity(contacts.represent(contact)).build();
    }

    @GET
    @Path("{contactId}")
    public ContactRepresentation get(@PathParam("contactId") String contactId) {
        Actor staff = StaffAuthenticator.require(realm, auth, false);
        return new ContactService(session, realm).get(staff, accountId, contactId);
    }

    @PATCH
    @Path("{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactRepresentation update(@PathParam("contactId") String contactId, InputStream body) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        ContactUpdate update = JsonBodies.read(body, ContactUpdate.class);
        ContactService contacts = new ContactService(session, realm);
        return contacts.represent(contacts.update(staff, accountId, contactId, update, audit));
    }

    @DELETE
    @Path("{contactId}")
    public Response delete(@PathParam("contactId") String contactId) {
        Actor staff = StaffAuthenticator.require(realm, auth, true);
        new ContactService(session, realm).delete(staff, accountId, contactId, audit);
        return Response.noContent().build();
    }
}
