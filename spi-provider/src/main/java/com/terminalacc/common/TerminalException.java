package com.terminalacc.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * The one way a Terminal rule says no. Thrown by the service layer and rendered by JAX-RS as a JSON body
 * {@code {"code": "...", "message": "...", "errors": [...]}} in the caller's language. Rendering marks the
 * Keycloak transaction rollback-only, so a rejected request changes nothing (same approach as Keycloak's
 * {@code ErrorResponseException}).
 */
public class TerminalException extends WebApplicationException {

    private final ErrorCode code;
    private final transient Object[] args;
    private final List<FieldError> fieldErrors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public TerminalException(ErrorCode code, Object... args) {
        this(code, List.of(), args);
    }

    private TerminalException(ErrorCode code, List<FieldError> fieldErrors, Object... args) {
        super(code.code(), code.status());
        this.code = code;
        this.args = args;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static TerminalException validation(List<FieldError> errors) {
        return new TerminalException(ErrorCode.VALIDATION_FAILED, errors);
    }

    /**
     * A refusal of the request's shape (not a validation of its values): its own code, and the field it concerns
     * also in {@code errors}, so a client finds the field where it finds it for {@code validation_failed}.
     */
    public static TerminalException request(ErrorCode code, String field, Object... args) {
        return new TerminalException(code, List.of(new FieldError(field, code, args)), args);
    }

    public static TerminalException field(String field, ErrorCode code, Object... args) {
        return validation(List.of(new FieldError(field, code, args)));
    }

    /** A header the refusal carries, e.g. {@code Allow} of a 405. */
    public TerminalException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ErrorCode getCode() {
        return code;
    }

    public List<FieldError> getFieldErrors() {
        return fieldErrors;
    }

    public Object[] getArgs() {
        return args.clone();
    }

    /** The message in the given language; the UI uses this for the same text the API sends. */
    public String getLocalizedMessage(Locale locale) {
        return ApiMessages.get(locale, code.messageKey(), args);
    }

    @Override
    public Response getResponse() {
        KeycloakSession session = KeycloakSessionUtil.getKeycloakSession();
        Locale locale = Locale.ENGLISH;
        if (session != null) {
            session.getTransactionManager().setRollbackOnly();
            Object page = session.getAttribute(ErrorPage.SESSION_ATTRIBUTE);
            if (page instanceof ErrorPage renderer) {
                return renderer.render(this);
            }
            if (session.getContext().getRealm() != null) {
                locale = session.getContext().resolveLocale(null);
            }
        }
        Response.ResponseBuilder response = Response.status(code.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(toBody(locale));
        headers.forEach(response::header);
        return response.build();
    }

    public Map<String, Object> toBody(Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code.code());
        body.put("message", getLocalizedMessage(locale));
        if (!fieldErrors.isEmpty()) {
            List<Map<String, Object>> errors = new ArrayList<>();
            for (FieldError e : fieldErrors) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", e.field());
                error.put("code", e.code().code());
                error.put("message", ApiMessages.get(locale, e.code().messageKey(), e.args().toArray()));
                errors.add(error);
            }
            body.put("errors", errors);
        }
        return body;
    }
}
