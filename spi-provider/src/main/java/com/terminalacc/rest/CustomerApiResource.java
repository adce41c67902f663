package com.terminalacc.rest;

import java.io.IOException;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.cors.Cors;
import org.keycloak.models.RealmModel;

import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.UpdateOwnAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
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
import com.terminalacc.role.ModuleCatalog;

/**
 * The customer API, {@code /realms/{realm}/acc/api}, for users of a customer account with a bearer token for the
 * Terminal API. Every method first establishes the caller (a user of an account whose ACC is enabled, S-ACC-4) and its
 * {@link AccessEvaluator}; the service it calls starts with the authorization check.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CustomerApiResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public CustomerApiResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** The authenticated caller: its evaluator and the audit that names it. */
    private record Caller(CustomerRequest request, AccessEvaluator auth, Audit audit) {
        String accountId() {
            return request.actor().accountId();
        }
    }

    private Caller caller() {
        CustomerRequest req = CustomerAuthenticator.authenticate(session, realm);
        return new Caller(req, AccessEvaluator.of(session, realm, req.actor()), Audit.forCustomer(session, realm, req.adminAuth()));
    }

    /** Where the build puts the OpenAPI document (generated from these classes, see OpenApiDocumentTest). */
    static final String OPENAPI_DOCUMENT = "META-INF/terminal-acc/openapi.json";

    /**
     * S-APP-2: the OpenAPI 3.1 document of the customer, staff and app APIs, naming this server. Public, like the
     * realm's metadata documents; any origin may read it.
     */
    @GET
    @Path("openapi.json")
    @Operation(hidden = true)
    public Response openApi() {
        ObjectNode document;
        try (InputStream in = CustomerApiResource.class.getClassLoader().getResourceAsStream(OPENAPI_DOCUMENT)) {
            document = (ObjectNode) JsonBodies.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("The provider jar lacks " + OPENAPI_DOCUMENT, e);
        }
        String server = session.getContext().getUri().getBaseUri().toString().replaceAll("/$", "");
        document.putArray("servers").addObject().put("url", server);
        return Cors.builder().allowAllOrigins().add(Response.ok(document).type(MediaType.APPLICATION_JSON_TYPE));
    }

    /** The caller: contact, account, role and rights. Any customer user. */
    @GET
    @Path("me")
    public Map<String, Object> me() {
        Caller c = caller();
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("contact", new ContactService(session, realm).get(c.auth(), c.accountId(), c.request().actor().contactId()));
        me.put("account", AccountRepresentation.of(c.request().account()));
        me.put("role", c.request().actor().role().wire());
        me.put("rights", c.auth().rights());
        return me;
    }

    /** The caller's account. Any customer user. */
    @GET
    @Path("account")
    public AccountRepresentation account() {
        Caller c = caller();
        return AccountRepresentation.of(new AccountService(session, realm).get(c.auth(), c.accountId()));
    }

    /** Right manage-account (Owners): PERSONAL → BUSINESS, organisation domains. */
    @PATCH
    @Path("account")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateOwnAccount.class)))
    public AccountRepresentation updateAccount(InputStream body) {
        Caller c = caller();
        UpdateOwnAccount update = JsonBodies.read(body, UpdateOwnAccount.class);
        return AccountRepresentation.of(new AccountService(session, realm).updateSettings(c.auth(), c.accountId(), update, c.audit()));
    }

    /** S-DOM-1: checks the DNS TXT record of a pending domain now. Right manage-account (Owners). */
    @POST
    @Path("account/domains/{domain}/verify")
    public AccountRepresentation verifyDomain(@PathParam("domain") String domain) {
        Caller c = caller();
        return AccountRepresentation.of(new AccountService(session, realm).verifyDomain(c.auth(), c.accountId(), domain, c.audit()));
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
        Caller c = caller();
        return new ContactsResource(session, realm, c.auth(), c.audit(), c.accountId());
    }

    /** Clouds, their members, products and shares; see {@link CloudsResource}. */
    @Path("clouds")
    public CloudsResource clouds() {
        Caller c = caller();
        return new CloudsResource(session, realm, c.auth(), c.audit());
    }

    /** Clouds other companies share with this account (S-CLD-9, partner side). */
    @Path("shares")
    public SharesResource shares() {
        Caller c = caller();
        return new SharesResource(session, realm, c.auth(), c.audit());
    }

    /** S-CLD-8: moves a product to another cloud of the account. */
    @POST
    @Path("products/{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MoveProduct.class)))
    public ProductRep moveProduct(@PathParam("id") String id, InputStream body) {
        Caller c = caller();
        MoveProduct move = JsonBodies.read(body, MoveProduct.class);
        return new ProductService(session, realm).move(c.auth(), id, move.cloudId(), c.audit());
    }

    /** S-ROL-2: an Owner (right request-owner) requests a further Owner. */
    @POST
    @Path("owner-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FileRequest.class)))
    @APIResponse(responseCode = "201", description = "Filed", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OwnerRequestRepresentation.class)))
    public Response fileOwnerRequest(InputStream body) {
        Caller c = caller();
        FileRequest request = JsonBodies.read(body, FileRequest.class);
        OwnerRequestService service = new OwnerRequestService(session, realm);
        OwnerRequestEntity created = service.file(c.auth(), c.accountId(), request, c.audit());
        return Response.created(URI.create("owner-requests/" + created.getId())).entity(service.get(c.auth(), created.getId())).build();
    }

    /** The account's owner requests and their outcome. */
    @GET
    @Path("owner-requests")
    public Page<OwnerRequestRepresentation> ownerRequests(@QueryParam("first") String first, @QueryParam("max") String max) {
        Caller c = caller();
        return new OwnerRequestService(session, realm).listOfAccount(c.auth(), c.accountId(), Paging.of(first, max));
    }

    @GET
    @Path("owner-requests/{id}")
    public OwnerRequestRepresentation ownerRequest(@PathParam("id") String id) {
        Caller c = caller();
        return new OwnerRequestService(session, realm).get(c.auth(), id);
    }
}
