package com.terminalacc.rest;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudRepresentations.ShareRep;
import com.terminalacc.cloud.ShareService;

/** The partner side of S-CLD-9, {@code /realms/{realm}/acc/api/shares}: clouds other companies share with us. */
@Produces(MediaType.APPLICATION_JSON)
public class SharesResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final Caller caller;

    public SharesResource(KeycloakSession session, RealmModel realm, Caller caller) {
        this.session = session;
        this.realm = realm;
        this.caller = caller;
    }

    /** Owners and Admins: shares offered to the account, with their status. */
    @GET
    public List<ShareRep> incoming() {
        Actor actor = caller.read();
        return new ShareService(session, realm).incoming(actor);
    }

    @POST
    @Path("{id}/accept")
    public ShareRep accept(@PathParam("id") String id) {
        Actor actor = caller.write();
        return new ShareService(session, realm).accept(actor, id, caller.audit());
    }

    @POST
    @Path("{id}/decline")
    public ShareRep decline(@PathParam("id") String id) {
        Actor actor = caller.write();
        return new ShareService(session, realm).decline(actor, id, caller.audit());
    }

    /** The partner ends the share; its members lose access at once. */
    @DELETE
    @Path("{id}")
    public Response end(@PathParam("id") String id) {
        Actor actor = caller.write();
        new ShareService(session, realm).end(actor, id, caller.audit());
        return Response.noContent().build();
    }
}
