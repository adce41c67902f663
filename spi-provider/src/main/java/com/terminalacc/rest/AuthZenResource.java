package com.terminalacc.rest;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;

import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.CustomerAuthenticator;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.TerminalException;
import com.terminalacc.token.AuthZen;
import com.terminalacc.token.PermissionService;

/**
 * The OpenID AuthZEN Authorization API 1.0 (S-APP-1) at {@code /realms/{realm}/acc/app/access/v1}: the Access Evaluation
 * and Access Evaluations endpoints, under the app API's authentication ({@code terminal-app} service accounts about any
 * user, a user about itself) and with the check API's answers ({@link PermissionService#decide}). Every answer echoes the
 * request's {@code X-Request-ID} (AuthZEN §10.1.3) and carries {@code Server-Timing} like the check API.
 */
@Produces(MediaType.APPLICATION_JSON)
public class AuthZenResource {

    static final String REQUEST_ID = "X-Request-ID";

    private final KeycloakSession session;
    private final RealmModel realm;

    public AuthZenResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    /** One decision: {@code {"subject", "action", "resource", "context"?}} → {@code {"decision": true|false, "context"?}}. */
    @POST
    @Path("evaluation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthZen.EvaluationRequest.class)))
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthZen.Decision.class)))
    public Response evaluation(InputStream body) {
        return answer(body, AuthZen::evaluation);
    }

    /** Up to 100 decisions with defaults and evaluation semantics → {@code {"evaluations": [...]}}. */
    @POST
    @Path("evaluations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuthZen.EvaluationsRequest.class)))
    @APIResponse(responseCode = "200", description = "The decisions in the order of the evaluations (cut short by the evaluation semantics); without an evaluations array a single decision as from /evaluation", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {AuthZen.Decisions.class, AuthZen.Decision.class})))
    public Response evaluations(InputStream body) {
        return answer(body, AuthZen::evaluations);
    }

    /** An AuthZEN operation: the request of an authenticated caller to its answer. */
    @FunctionalInterface
    private interface Operation {
        Object apply(AuthZen authZen, AccessEvaluator auth, ObjectNode request);
    }

    private Response answer(InputStream body, Operation operation) {
        long start = System.nanoTime();
        String requestId = requestId();
        Response.ResponseBuilder response;
        try {
            AuthResult authenticated = CustomerAuthenticator.bearer(session, realm); // 401 before the body is read
            AccessEvaluator auth = AccessEvaluator.of(session, realm, CustomerAuthenticator.application(session, realm, authenticated));
            ObjectNode request = JsonBodies.readObject(body);
            response = AppApiResource.timed(operation.apply(new AuthZen(new PermissionService(session, realm)), auth, request), start);
        } catch (TerminalException e) {
            response = Response.fromResponse(e.getResponse());
        }
        if (requestId != null) {
            response.header(REQUEST_ID, requestId);
        }
        return response.build();
    }

    /** The PEP's request identifier, echoed when it is a reasonable header value. */
    private String requestId() {
        String id = session.getContext().getRequestHeaders().getHeaderString(REQUEST_ID);
        return id != null && !id.isBlank() && id.length() <= 256 && id.chars().allMatch(c -> c >= 0x20 && c < 0x7f) ? id : null;
    }
}
