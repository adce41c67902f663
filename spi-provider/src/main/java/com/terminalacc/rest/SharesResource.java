package com.terminalacc.rest;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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
import com.terminalacc.cloud.CloudRepresentations.ShareRep;
import com.terminalacc.cloud.ShareService;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;

/** The partner side of S-CLD-9, {@code /realms/{realm}/acc/api/shares}: clouds other companies share with us. */
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessEvaluator auth;
    private final Audit audit;

    public SharesResource(KeycloakSession session, RealmModel realm, AccessEvaluator auth, Audit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    /** Owners and Admins (right accept-shares): shares offered to the account, newest first. */
    @GET
    public Page<ShareRep> incoming(@QueryParam("first") String first, @QueryParam("max") String max) {
        return shares().incoming(auth, Paging.of(first, max));
    }

    @POST
    @Path("{id}/accept")
    public ShareRep accept(@PathParam("id") String id) {
        return shares().accept(auth, id, audit);
    }

    @POST
    @Path("{id}/decline")
    public ShareRep decline(@PathParam("id") String id) {
        return shares().decline(auth, id, audit);
    }

    /** The partner ends the share; its members lose access at once. */
    @DELETE
    @Path("{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response end(@PathParam("id") String id) {
        shares().endAsPartner(auth, id, audit);
        return Response.noContent().build();
    }

    private ShareService shares() {
        return new ShareService(session, realm);
    }
}
