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

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.cloud.CloudRepresentations.AddMember;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.MemberRep;
import com.terminalacc.cloud.CloudRepresentations.ProductRep;
import com.terminalacc.cloud.CloudRepresentations.ShareRep;
import com.terminalacc.cloud.CloudRepresentations.ShareRequest;
import com.terminalacc.cloud.CloudRepresentations.UpdateCloud;
import com.terminalacc.cloud.CloudRepresentations.UpdateMember;
import com.terminalacc.cloud.CloudRepresentations.UpdateShare;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.cloud.ProductService;
import com.terminalacc.cloud.ShareService;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;

/**
 * One cloud of the customer API, {@code /realms/{realm}/acc/api/clouds/{id}}: its details, members, products and
 * shares. Every path here concerns this cloud; the services start with the authorization check against it.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CloudResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessEvaluator auth;
    private final Audit audit;
    private final String cloudId;

    public CloudResource(KeycloakSession session, RealmModel realm, AccessEvaluator auth, Audit audit, String cloudId) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
        this.cloudId = cloudId;
    }

    @GET
    public CloudRep get() {
        return clouds().get(auth, cloudId);
    }

    /** Cloud-Admins: name, description, icon (S-CLD-4). */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateCloud.class)))
    public CloudRep update(InputStream body) {
        UpdateCloud req = JsonBodies.read(body, UpdateCloud.class);
        clouds().update(auth, cloudId, req, audit);
        return clouds().get(auth, cloudId);
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Done")
    public Response delete() {
        clouds().delete(auth, cloudId, audit);
        return Response.noContent().build();
    }

    /** The members the caller sees (a partner: the sharing company's and its own). */
    @GET
    @Path("members")
    public Page<MemberRep> members(@QueryParam("first") String first, @QueryParam("max") String max) {
        return clouds().members(auth, cloudId, Paging.of(first, max));
    }

    /** Cloud-Admins add users of the account; partner Owners/Admins add their own users (S-CLD-4, S-CLD-9). */
    @POST
    @Path("members")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AddMember.class)))
    @APIResponse(responseCode = "201", description = "Added", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MemberRep.class)))
    public Response addMember(InputStream body) {
        AddMember req = JsonBodies.read(body, AddMember.class);
        MemberRep member = clouds().addMember(auth, cloudId, req, audit);
        return Response.created(URI.create("clouds/" + cloudId + "/members/" + member.contactId())).entity(member).build();
    }

    @PATCH
    @Path("members/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateMember.class)))
    public MemberRep updateMember(@PathParam("contactId") String contactId, InputStream body) {
        UpdateMember req = JsonBodies.read(body, UpdateMember.class);
        return clouds().updateMember(auth, cloudId, contactId, req, audit);
    }

    @DELETE
    @Path("members/{contactId}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response removeMember(@PathParam("contactId") String contactId) {
        clouds().removeMember(auth, cloudId, contactId, audit);
        return Response.noContent().build();
    }

    @GET
    @Path("products")
    public Page<ProductRep> products(@QueryParam("first") String first, @QueryParam("max") String max) {
        return new ProductService(session, realm).listForCloud(auth, cloudId, Paging.of(first, max));
    }

    /** The cloud's shares, for its Cloud-Admins. */
    @GET
    @Path("shares")
    public Page<ShareRep> shares(@QueryParam("first") String first, @QueryParam("max") String max) {
        return shares().sharesOfCloud(auth, cloudId, Paging.of(first, max));
    }

    /** S-CLD-9: a Cloud-Admin with the right to share offers the cloud to another business account. */
    @POST
    @Path("shares")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareRequest.class)))
    @APIResponse(responseCode = "201", description = "Offered to the partner company", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShareRep.class)))
    public Response share(InputStream body) {
        ShareRequest req = JsonBodies.read(body, ShareRequest.class);
        ShareRep share = shares().share(auth, cloudId, req, audit);
        return Response.created(URI.create("clouds/" + cloudId + "/shares/" + share.id())).entity(share).build();
    }

    /** Changes the share's ceiling (Cloud-Admin with the right to share). */
    @PATCH
    @Path("shares/{shareId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UpdateShare.class)))
    public ShareRep updateShare(@PathParam("shareId") String shareId, InputStream body) {
        UpdateShare req = JsonBodies.read(body, UpdateShare.class);
        return shares().update(auth, cloudId, shareId, req, audit);
    }

    /** Ends the share: all partner memberships go. */
    @DELETE
    @Path("shares/{shareId}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response endShare(@PathParam("shareId") String shareId) {
        shares().endFromCloud(auth, cloudId, shareId, audit);
        return Response.noContent().build();
    }

    private CloudService clouds() {
        return new CloudService(session, realm);
    }

    private ShareService shares() {
        return new ShareService(session, realm);
    }
}
