package com.terminalacc.rest;

import java.io.InputStream;
import java.net.URI;
import java.util.List;

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

import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudEntity;
import com.terminalacc.cloud.CloudRepresentations.AddMember;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.CreateCloud;
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
 * Clouds of the customer API, {@code /realms/{realm}/acc/api/clouds} (S-CLD-1…9). Each method obtains its actor
 * first; {@link CloudService} decides who may see or manage a cloud.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CloudsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;

    public CloudsResource(KeycloakSession session, RealmModel realm, Caller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    /** S-CLD-7: the caller's clouds (an Owner: all of the account's), paged. */
    @GET
    public Page<CloudRep> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        Actor actor = caller.read();
        return clouds().list(actor, Paging.of(first, max));
    }

    /** Owners and Admins; the creator becomes Cloud-Admin (S-CLD-3). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(InputStream body) {
        Actor actor = caller.write();
        CreateCloud req = JsonBodies.read(body, CreateCloud.class);
        CloudService clouds = clouds();
        CloudEntity cloud = clouds.create(actor, req, caller.audit());
        return Response.created(URI.create("clouds/" + cloud.getId())).entity(clouds.get(actor, cloud.getId())).build();
    }

    @GET
    @Path("{id}")
    public CloudRep get(@PathParam("id") String id) {
        Actor actor = caller.read();
        return clouds().get(actor, id);
    }

    /** Cloud-Admins: name, description, icon (S-CLD-4). */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CloudRep update(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        UpdateCloud req = JsonBodies.read(body, UpdateCloud.class);
        clouds().update(actor, id, req, caller.audit());
        return clouds().get(actor, id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        Actor actor = caller.write();
        clouds().delete(actor, id, caller.audit());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/members")
    public Page<MemberRep> members(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        Actor actor = caller.read();
        return clouds().members(actor, id, Paging.of(first, max));
    }

    /** Cloud-Admins add users of the account; partner Owners/Admins add their own users (S-CLD-4, S-CLD-9). */
    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addMember(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        AddMember req = JsonBodies.read(body, AddMember.class);
        MemberRep member = clouds().addMember(actor, id, req, caller.audit());
        return Response.created(URI.create("clouds/" + id + "/members/" + member.contactId())).entity(member).build();
    }

    @PATCH
    @Path("{id}/members/{contactId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberRep updateMember(@PathParam("id") String id, @PathParam("contactId") String contactId, InputStream body) {
        Actor actor = caller.write();
        UpdateMember req = JsonBodies.read(body, UpdateMember.class);
        return clouds().updateMember(actor, id, contactId, req, caller.audit());
    }

    @DELETE
    @Path("{id}/members/{contactId}")
    public Response removeMember(@PathParam("id") String id, @PathParam("contactId") String contactId) {
        Actor actor = caller.write();
        clouds().removeMember(actor, id, contactId, caller.audit());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/products")
    public Page<ProductRep> products(@PathParam("id") String id, @QueryParam("first") String first, @QueryParam("max") String max) {
        Actor actor = caller.read();
        return new ProductService(session, realm).listForCloud(actor, id, Paging.of(first, max));
    }

    @GET
    @Path("{id}/shares")
    public List<ShareRep> shares(@PathParam("id") String id) {
        Actor actor = caller.read();
        return new ShareService(session, realm).sharesOfCloud(actor, id);
    }

    /** S-CLD-9: a Cloud-Admin with the right to share offers the cloud to another business account. */
    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response share(@PathParam("id") String id, InputStream body) {
        Actor actor = caller.write();
        ShareRequest req = JsonBodies.read(body, ShareRequest.class);
        ShareRep share = new ShareService(session, realm).share(actor, id, req, caller.audit());
        return Response.created(URI.create("clouds/" + id + "/shares/" + share.id())).entity(share).build();
    }

    @PATCH
    @Path("{id}/shares/{shareId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ShareRep updateShare(@PathParam("id") String id, @PathParam("shareId") String shareId, InputStream body) {
        Actor actor = caller.write();
        UpdateShare req = JsonBodies.read(body, UpdateShare.class);
        return new ShareService(session, realm).update(actor, id, shareId, req, caller.audit());
    }

    /** Ends the share: all partner memberships go. */
    @DELETE
    @Path("{id}/shares/{shareId}")
    public Response endShare(@PathParam("id") String id, @PathParam("shareId") String shareId) {
        Actor actor = caller.write();
        new ShareService(session, realm).end(actor, shareId, caller.audit());
        return Response.noContent().build();
    }

    private CloudService clouds() {
        return new CloudService(session, realm);
    }
}
