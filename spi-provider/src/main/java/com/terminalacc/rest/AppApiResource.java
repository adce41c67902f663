package com.terminalacc.rest;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.Actor;
import com.terminalacc.auth.CustomerAuthenticator;
import com.terminalacc.cloud.CloudRepresentations.ProductRep;
import com.terminalacc.cloud.CloudRepresentations.PutProduct;
import com.terminalacc.cloud.ProductService;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;
import com.terminalacc.token.PermissionService;
import com.terminalacc.token.PermissionService.Check;
import com.terminalacc.token.PermissionService.Result;

/**
 * The API for the provider's applications, {@code /realms/{realm}/acc/app} (S-CLD-8, S-TOK-2, S-TOK-3). A user asks
 * about itself with its own access token; a service account whose client holds the realm role
 * {@value CustomerAuthenticator#APP_ROLE} asks about any user and maintains the product registry. Who may ask what is
 * the {@link AccessEvaluator}'s.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AppApiResource {

    private final KeycloakSession session;
    private final RealmModel realm;

    public AppApiResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** The authenticated caller: its evaluator and the audit that names it. */
    private record Caller(AccessEvaluator auth, Audit audit) {
    }

    private Caller caller() {
        AuthResult auth = CustomerAuthenticator.bearer(session, realm);
        Actor actor = CustomerAuthenticator.application(session, realm, auth);
        return new Caller(AccessEvaluator.of(session, realm, actor),
                Audit.forCustomer(session, realm, new AdminAuth(realm, auth.token(), auth.user(), auth.client())));
    }

    /** The id of the user asked about: the caller itself when none is given. */
    private static String subjectId(Caller caller, String userId) {
        return userId == null || userId.isBlank() ? caller.auth().actor().userId() : userId;
    }

    // ---- check API (S-TOK-2, S-TOK-3)

    /** The batch body: {@code {"userId": "...", "checks": [{"cloudId"|"productId": "...", "action": "write"}]}}. */
    public record CheckRequest(String userId, List<Check> checks) {
    }

    /** The batch answer: the user asked about and one result per question, in order. */
    @Schema(requiredProperties = {"userId", "results"})
    public record CheckAnswers(String userId, List<Result> results) {
    }

    /** The answer to one question. */
    @Schema(requiredProperties = {"userId", "action", "allowed"})
    public record CheckAnswer(String userId, String cloudId, String productId, String action, boolean allowed) {
    }

    /** Answers a batch of up to 100 questions from the current state (S-TOK-3). */
    @POST
    @Path("check")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckRequest.class)))
    @APIResponse(responseCode = "200", description = "The answers, in the order asked", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckAnswers.class)))
    public Response check(InputStream body) {
        long start = System.nanoTime();
        Caller caller = caller();
        CheckRequest req = JsonBodies.read(body, CheckRequest.class);
        String userId = subjectId(caller, req.userId());
        List<Result> results = new PermissionService(session, realm).check(caller.auth(), userId, req.checks() == null ? new ArrayList<>() : req.checks());
        return timed(new CheckAnswers(userId, results), start).build();
    }

    /** One question: {@code ?cloudId=…|productId=…&action=write[&userId=…]} → {@code {"allowed": true}}. */
    @GET
    @Path("check")
    @APIResponse(responseCode = "200", description = "The answer", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckAnswer.class)))
    public Response checkOne(@QueryParam("userId") String userId, @QueryParam("cloudId") String cloudId,
                             @QueryParam("productId") String productId, @QueryParam("action") String action) {
        long start = System.nanoTime();
        Caller caller = caller();
        String subject = subjectId(caller, userId);
        Result result = new PermissionService(session, realm).check(caller.auth(), subject, List.of(new Check(cloudId, productId, action))).get(0);
        return timed(new CheckAnswer(subject, cloudId, productId, action, result.allowed()), start).build();
    }

    /**
     * The answer with a {@code Server-Timing} header: the time the check took inside Keycloak (token verification,
     * caller and subject, permission query), so an application can tell the server's share of a slow answer from the
     * network's.
     */
    static Response.ResponseBuilder timed(Object entity, long start) {
        double millis = (System.nanoTime() - start) / 1e6;
        return Response.ok(entity).header("Server-Timing", String.format(Locale.ROOT, "acc;dur=%.2f", millis));
    }

    /** AuthZEN 1.0 (S-APP-1): the check API's decisions under the standard's paths. */
    @Path("access/v1")
    public AuthZenResource authZen() {
        return new AuthZenResource(session);
    }

    /** S-TOK-2: the full permission map the token's {@code cloudsRef} points to, paged. */
    @GET
    @Path("permissions")
    public Map<String, Object> permissions(@QueryParam("userId") String userId, @QueryParam("first") String first,
                                           @QueryParam("max") String max) {
        Caller caller = caller();
        String id = subjectId(caller, userId);
        caller.auth().applications().requireAskAbout(id);
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            throw new TerminalException(ErrorCode.NOT_FOUND);
        }
        return new PermissionService(session, realm).permissions(caller.auth(), user, Paging.of(first, max == null ? "100" : max));
    }

    // ---- product registry (S-CLD-8), applications only

    @GET
    @Path("products")
    public Page<ProductRep> products(@QueryParam("cloudId") String cloudId, @QueryParam("first") String first, @QueryParam("max") String max) {
        return new ProductService(session, realm).listForApp(caller().auth(), cloudId, Paging.of(first, max));
    }

    @GET
    @Path("products/{id}")
    public ProductRep product(@PathParam("id") String id) {
        return new ProductService(session, realm).get(caller().auth(), id);
    }

    /** Registers or updates the product with the application's id: 201 when new, 200 otherwise. */
    @PUT
    @Path("products/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PutProduct.class)))
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductRep.class)))
    @APIResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProductRep.class)))
    public Response putProduct(@PathParam("id") String id, InputStream body) {
        Caller caller = caller();
        PutProduct req = JsonBodies.read(body, PutProduct.class);
        ProductService products = new ProductService(session, realm);
        boolean created = products.put(caller.auth(), id, req, caller.audit());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(products.get(caller.auth(), id)).build();
    }

    @DELETE
    @Path("products/{id}")
    @APIResponse(responseCode = "204", description = "Done")
    public Response deleteProduct(@PathParam("id") String id) {
        Caller caller = caller();
        new ProductService(session, realm).delete(caller.auth(), id, caller.audit());
        return Response.noContent().build();
    }
}
