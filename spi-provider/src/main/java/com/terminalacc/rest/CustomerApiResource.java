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
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.UpdateOwnAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.auth.CustomerAuthenticator;
import com.terminalacc.auth.CustomerAuthenticator.CustomerRequest;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.contact.ContactService;
import com.terminalacc.role.AccessPolicy;

/**
 * The customer API, {@code /realms/{realm}/acc/api}, for users of a customer account with a bearer token.
 * Every method first establishes the caller ({@link #caller()}: a user of an account whose ACC is enabled,
 * S-ACC-4); what that caller may do is decided by the service it calls ({@link AccessPolicy}).
 */
@Produces(MediaType.APPLICATION_JSON)
public class CustomerApiResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public CustomerApiResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    private CustomerRequest caller() {
        return CustomerAuthenticator.authenticate(session, realm);
    }

    private Audit audit(CustomerRequest req) {
        return Audit.forCustomer(session, realm, req.adminAuth());
    }

    /** The caller: user, contact, account, role and rights. Any customer user. */
    @GET
    @Path("me")
    public Map<String, Object> me() {
        CustomerRequest req = caller();
        Actor actor = req.actor();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("contact", new ContactService(session, realm).get(actor, actor.accountId(), actor.contactId()));
        me.put("account", AccountRepresentation.of(req.account()));
        me.put("role", actor.role().wire());
        me.put("rights", new AccessPolicy(realm).matrix().rightsOf(actor.role()).stream().map(r -> r.key()).sorted().toList());
        return me;
    }

    /** The caller's account. Any customer user. */
    @GET
    @Path("account")
    public AccountRepresentation account() {
        CustomerRequest req = caller();
        return AccountRepresentation.of(req.account());
    }

    /** Owner only: PERSONAL → BUSINESS, organisation domains. */
    @PATCH
    @Path("account")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountRepresentation updateAccount(InputStream body) {
        CustomerRequest req = caller();
        UpdateOwnAccount update = JsonBodies.read(body, UpdateOwnAccount.class);
        return AccountRepresentation.of(new AccountService(session, realm).updateOwn(req.actor(), update, audit(req)));
    }

    /** Owners and Admins (right manage-contacts): the account's contacts, searchable by name and e-mail. */
    @GET
    @Path("contacts")
    public Page<ContactRepresentation> contacts(@QueryParam("search") String search, @QueryParam("first") String first,
                                                @QueryParam("max") String max) {
        CustomerRequest req = caller();
        Actor actor = req.actor();
        return new ContactService(session, realm).list(actor, actor.accountId(), search, Paging.of(first, max));
    }

    /** Owners and Admins: a new contact (S-CON-1, S-CON-2, S-ACC-2, S-ACC-3, S-CON-5). */
    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createContact(InputStream body) {
        CustomerRequest req = caller();
        ContactInput input = JsonBodies.read(body, ContactInput.class);
        ContactService contacts = new ContactService(session, realm);
        ContactEntity contact = contacts.create(req.actor(), req.actor().accountId(), input, audit(req));
        return Response.created(URI.create("contacts/" + contact.getId())).entity(contacts.represent(contact)).build();
    }

    @GET
    @Path("contacts/{id}")
    public ContactRepresentation contact(@PathParam("id") String id) {
        CustomerRequest req = caller();
        Actor actor = req.actor();
        return new ContactService(session, realm).get(actor, actor.accountId(), id);
    }

    /** Owners and Admins within the hierarchy (S-ROL-1, S-ROL-4); a user's e-mail is fixed (S-CON-4). */
    @PATCH
    @Path("contacts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ContactRepresentation updateContact(@PathParam("id") String id, InputStream body) {
        CustomerRequest req = caller();
        ContactUpdate update = JsonBodies.read(body, ContactUpdate.class);
        ContactService contacts = new ContactService(session, realm);
        return contacts.represent(contacts.update(req.actor(), req.actor().accountId(), id, update, audit(req)));
    }

    @DELETE
    @Path("contacts/{id}")
    public Response deleteContact(@PathParam("id") String id) {
        CustomerRequest req = caller();
        new ContactService(session, realm).delete(req.actor(), req.actor().accountId(), id, audit(req));
        return Response.noContent().build();
    }
}
