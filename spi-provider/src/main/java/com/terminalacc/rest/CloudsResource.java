package com.terminalacc.rest;

import java.io.InputStream;
import java.net.URI;

import jakarta.ws.rs.Consumes;
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
import com.terminalacc.cloud.CloudEntity;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.CreateCloud;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;

/**
 * Clouds of the customer API, {@code /realms/{realm}/acc/api/clouds} (S-CLD-1…9): the list and creation here, one
 * cloud in {@link CloudResource}. {@link CloudService} starts every method with its authorization check.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CloudsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AccessEvaluator auth;
    private final Audit audit;

    public CloudsResource(KeycloakSession session, RealmModel realm, AccessEvaluator auth, Audit audit) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.audit = audit;
    }

    /** S-CLD-7: the caller's clouds (with manage-all-clouds: all of the account's), paged. */
    @GET
    public Page<CloudRep> list(@QueryParam("first") String first, @QueryParam("max") String max) {
        return new CloudService(session, realm).list(auth, Paging.of(first, max));
    }

    /** Right create-cloud (Owners, Admins); the creator becomes Cloud-Admin (S-CLD-3). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateCloud.class)))
    @APIResponse(responseCode = "201", description = "Created; the caller is its first Cloud-Admin", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CloudRep.class)))
    public Response create(InputStream body) {
        CreateCloud req = JsonBodies.read(body, CreateCloud.class);
        CloudService clouds = new CloudService(session, realm);
        CloudEntity cloud = clouds.create(auth, req, audit);
        return Response.created(URI.create("clouds/" + cloud.getId())).entity(clouds.get(auth, cloud.getId())).build();
    }

    @Path("{id}")
    public CloudResource cloud(@PathParam("id") String id) {
        return new CloudResource(session, realm, auth, audit, id);
    }
}
