package com.terminalacc.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
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
import com.terminalacc.cloud.CloudRepresentations.MoveProduct;
import com.terminalacc.cloud.CloudRepresentations.ProductRep;
import com.terminalacc.cloud.ProductService;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.contact.ContactService;
import com.terminalacc.owner.OwnerRequestEntity;
import com.terminalacc.owner.OwnerRequestRepresentation;
import com.terminalacc.owner.OwnerRequestService;
import com.terminalacc.owner.OwnerRequests.FileRequest;
import com.terminalacc.role.AccessPolicy;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.Right;

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

    /** The caller: contact, account, role and rights. Any customer user. */
    @GET
    @Path("me")
    public Map<String, Object> me() {
        CustomerRequest req = caller();
        Actor actor = req.actor();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("contact", new ContactService(session, realm).get(actor, actor.accountId(), actor.contactId()));
        me.put("account", AccountRepresentation.of(req.account()));
        me.put("role", actor.role().wire());
        me.put("rights", new AccessPolicy(realm).matrix().rightsOf(actor.role()).stream().map(Right::key).sorted().toList());
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

    /** The module permission catalogue (S-MOD-1). Any customer user. */
    @GET
    @Path("modules")
    public List<Map<String, Object>> modules() {
        caller();
        return ModuleCatalog.of(realm).describe();
    }

    /** The account's contacts and their logins; see {@link ContactsResource}. */
    @Path("contacts")
    public ContactsResource contacts() {
        CustomerRequest req = caller();
        Audit audit = audit(req);
        return new ContactsResource(session, realm, Caller.of(req::actor, req::actor, audit), req.actor().accountId());
    }

    /** Clouds, their members, products and shares; see {@link CloudsResource}. */
    @Path("clouds")
    public CloudsResource clouds() {
        CustomerRequest req = caller();
        Audit audit = audit(req);
        return new CloudsResource(session, realm, Caller.of(req::actor, req::actor, audit));
    }

    /** Clouds other companies share with this account (S-CLD-9, partner side). */
    @Path("shares")
    public SharesResource shares() {
        CustomerRequest req = caller();
        Audit audit = audit(req);
        return new SharesResource(session, realm, Caller.of(req::actor, req::actor, audit));
    }

    /** S-CLD-8: moves a product to another cloud of the account. */
    @POST
    @Path("products/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    public ProductRep moveProduct(@PathParam("id") String id, InputStream body) {
        CustomerRequest req = caller();
        MoveProduct move = JsonBodies.read(body, MoveProduct.class);
        return new ProductService(session, realm).move(req.actor(), id, move.cloudId(), audit(req));
    }

    /** S-ROL-2: an Owner requests a further Owner. */
    @POST
    @Path("owner-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response fileOwnerRequest(InputStream body) {
        CustomerRequest req = caller();
        FileRequest request = JsonBodies.read(body, FileRequest.class);
        OwnerRequestService service = new OwnerRequestService(session, realm);
        OwnerRequestEntity created = service.file(req.actor(), request, audit(req));
        return Response.created(URI.create("owner-requests/" + created.getId())).entity(service.get(req.actor(), created.getId())).build();
    }

    /** The account's owner requests and their outcome. Owners only. */
    @GET
    @Path("owner-requests")
    public Page<OwnerRequestRepresentation> ownerRequests(@QueryParam("first") String first, @QueryParam("max") String max) {
        CustomerRequest req = caller();
        return new OwnerRequestService(session, realm).listForAccount(req.actor(), Paging.of(first, max));
    }

    @GET
    @Path("owner-requests/{id}")
    public OwnerRequestRepresentation ownerRequest(@PathParam("id") String id) {
        CustomerRequest req = caller();
        return new OwnerRequestService(session, realm).get(req.actor(), id);
    }
}
