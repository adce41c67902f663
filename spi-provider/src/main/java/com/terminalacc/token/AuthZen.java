package com.terminalacc.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.TerminalException;
import com.terminalacc.token.PermissionService.Question;

/**
 * The OpenID AuthZEN Authorization API 1.0 (S-APP-1) on top of {@link PermissionService#decide}: the same answers as the
 * check API. Subjects are {@code {"type": "user", "id": <Keycloak user id>}}, resources {@code cloud} (a cloud id) or
 * {@code product} (the application's product id), actions {@code read|write|order|move}.
 *
 * <p>Request shape (AuthZEN §6, §7): {@code subject}, {@code action} and {@code resource} are required (a missing one is
 * 400 {@code validation_failed}); in a batch the top-level ones are defaults that each evaluation may override; an absent
 * or empty {@code evaluations} array makes the batch a single evaluation; {@code options.evaluations_semantic} is
 * {@code execute_all} (default), {@code deny_on_first_deny} or {@code permit_on_first_permit}; unknown fields are ignored
 * (§10.1.1). A subject, resource type or action this PDP does not know is not an error but a refusal with its reason —
 * decisions default to closed (§7.2).
 */
public final class AuthZen {

    public static final String SUBJECT_TYPE = "user";
    public static final Set<String> RESOURCE_TYPES = Set.of("cloud", "product");
    public static final List<String> SEMANTICS = List.of("execute_all", "deny_on_first_deny", "permit_on_first_permit");

    /** Reasons of refusals that never reach the permission function. */
    static final String UNSUPPORTED_SUBJECT_TYPE = "unsupported_subject_type";
    static final String UNSUPPORTED_RESOURCE_TYPE = "unsupported_resource_type";
    static final String UNSUPPORTED_ACTION = "unsupported_action";

    private final PermissionService permissions;

    public AuthZen(PermissionService permissions) {
        this.permissions = permissions;
    }

    // ---- the wire shapes (AuthZEN §5–§7); requests are read leniently from the JSON tree, these document them

    /** A subject or resource: {@code type} and {@code id}; {@code properties} are accepted and not used. */
    @Schema(requiredProperties = {"type", "id"})
    public record Entity(String type, String id, Map<String, Object> properties) {
    }

    /** An action: {@code read}, {@code write}, {@code order} or {@code move}. */
    @Schema(requiredProperties = {"name"})
    public record Action(@Schema(examples = "write") String name, Map<String, Object> properties) {
    }

    /** The Access Evaluation request. */
    @Schema(requiredProperties = {"subject", "action", "resource"})
    public record EvaluationRequest(Entity subject, Action action, Entity resource, Map<String, Object> context) {
    }

    /** One item of a batch: what it leaves out, the request's top-level values give (§7.1.1). */
    public record Evaluation(Entity subject, Action action, Entity resource, Map<String, Object> context) {
    }

    public record Options(@Schema(enumeration = {"execute_all", "deny_on_first_deny", "permit_on_first_permit"}) String evaluations_semantic) {
    }

    /** The Access Evaluations request: defaults, up to 100 evaluations, options. */
    public record EvaluationsRequest(Entity subject, Action action, Entity resource, Map<String, Object> context,
                                     List<Evaluation> evaluations, Options options) {
    }

    /** A decision; a refusal carries {@code context.reason} (subject_unknown, no_access, permission_missing, ...). */
    @Schema(requiredProperties = {"decision"})
    public record Decision(boolean decision, Map<String, Object> context) {
        static final Decision PERMIT = new Decision(true, null);

        static Decision refused(String reason) {
            return new Decision(false, Map.of("reason", reason));
        }
    }

    /** The Access Evaluations response. */
    @Schema(requiredProperties = {"evaluations"})
    public record Decisions(List<Decision> evaluations) {
    }

    /** One evaluation as read from the request: the question, or the reason it is refused without asking. */
    private record Item(Question question, String unsupported) {
    }

    /** {@code POST /access/v1/evaluation}: the decision object. */
    public Decision evaluation(AccessEvaluator auth, ObjectNode request) {
        List<FieldError> errors = new ArrayList<>();
        Item evaluation = read(request, null, "", errors);
        if (!errors.isEmpty()) {
            throw TerminalException.validation(errors);
        }
        return decide(auth, List.of(evaluation)).get(0);
    }

    /** {@code POST /access/v1/evaluations}: {@code {"evaluations": [...]}}, or one decision without an evaluations array. */
    public Object evaluations(AccessEvaluator auth, ObjectNode request) {
        JsonNode items = request.get("evaluations");
        if (items == null || items.isNull() || items.isArray() && items.isEmpty()) {
            return evaluation(auth, request); // §7.1: behaves as the single evaluation
        }
        if (!items.isArray()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, "evaluations");
        }
        if (items.size() > PermissionService.MAX_CHECKS) {
            throw new TerminalException(ErrorCode.TOO_MANY_CHECKS, PermissionService.MAX_CHECKS);
        }
        List<FieldError> errors = new ArrayList<>();
        String semantic = semantic(request, errors);
        List<Item> evaluations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, "evaluations[" + i + "]");
            }
            evaluations.add(read((ObjectNode) item, request, "evaluations[" + i + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw TerminalException.validation(errors);
        }
        List<Decision> decisions = decide(auth, evaluations);
        // §7.1.2: all questions are answered at once (one batch, same cost); the short-circuit semantics cut the answer
        List<Decision> answered = new ArrayList<>();
        for (Decision decision : decisions) {
            answered.add(decision);
            if ("deny_on_first_deny".equals(semantic) && !decision.decision() || "permit_on_first_permit".equals(semantic) && decision.decision()) {
                break;
            }
        }
        return new Decisions(answered);
    }

    private List<Decision> decide(AccessEvaluator auth, List<Item> evaluations) {
        List<Question> questions = new ArrayList<>();
        for (Item e : evaluations) {
            if (e.question() != null) {
                questions.add(e.question());
            }
        }
        List<PermissionService.Decision> decisions = permissions.decide(auth, questions);
        List<Decision> result = new ArrayList<>(evaluations.size());
        int next = 0;
        for (Item e : evaluations) {
            if (e.question() == null) {
                result.add(Decision.refused(e.unsupported()));
            } else {
                PermissionService.Decision d = decisions.get(next++);
                result.add(d.allowed() ? Decision.PERMIT : Decision.refused(d.refusal().code()));
            }
        }
        return result;
    }

    private static String semantic(ObjectNode request, List<FieldError> errors) {
        JsonNode options = request.get("options");
        if (options == null || options.isNull()) {
            return SEMANTICS.get(0);
        }
        if (!options.isObject()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, "options");
        }
        JsonNode semantic = options.get("evaluations_semantic");
        if (semantic == null || semantic.isNull()) {
            return SEMANTICS.get(0);
        }
        if (!semantic.isTextual() || !SEMANTICS.contains(semantic.asText())) {
            errors.add(new FieldError("options.evaluations_semantic", ErrorCode.VALUE_NOT_ALLOWED, String.join(", ", SEMANTICS)));
            return SEMANTICS.get(0);
        }
        return semantic.asText();
    }

    /** One evaluation: its own {@code subject}, {@code action}, {@code resource}, else the request's defaults (§7.1.1). */
    private static Item read(ObjectNode item, ObjectNode defaults, String prefix, List<FieldError> errors) {
        JsonNode subject = entity(item, defaults, "subject", prefix, errors);
        JsonNode resource = entity(item, defaults, "resource", prefix, errors);
        JsonNode action = entity(item, defaults, "action", prefix, errors);
        object(item, defaults, "context", prefix);
        String subjectType = subject == null ? null : text(subject, "type", prefix + "subject.", errors);
        String subjectId = subject == null ? null : text(subject, "id", prefix + "subject.", errors);
        String resourceType = resource == null ? null : text(resource, "type", prefix + "resource.", errors);
        String resourceId = resource == null ? null : text(resource, "id", prefix + "resource.", errors);
        String actionName = action == null ? null : text(action, "name", prefix + "action.", errors);
        if (subjectType == null || subjectId == null || resourceType == null || resourceId == null || actionName == null) {
            return null; // errors were recorded
        }
        if (!SUBJECT_TYPE.equals(subjectType)) {
            return new Item(null, UNSUPPORTED_SUBJECT_TYPE);
        }
        if (!RESOURCE_TYPES.contains(resourceType)) {
            return new Item(null, UNSUPPORTED_RESOURCE_TYPE);
        }
        if (!PermissionService.ACTIONS.contains(actionName)) {
            return new Item(null, UNSUPPORTED_ACTION);
        }
        boolean cloud = "cloud".equals(resourceType);
        return new Item(new Question(subjectId, cloud ? resourceId : null, cloud ? null : resourceId, actionName), null);
    }

    /** A required entity, from the evaluation or else the defaults; must be an object with object {@code properties}. */
    private static JsonNode entity(ObjectNode item, ObjectNode defaults, String name, String prefix, List<FieldError> errors) {
        JsonNode value = object(item, defaults, name, prefix);
        if (value == null) {
            errors.add(new FieldError(prefix + name, ErrorCode.FIELD_REQUIRED));
            return null;
        }
        JsonNode properties = value.get("properties");
        if (properties != null && !properties.isNull() && !properties.isObject()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, prefix + name + ".properties");
        }
        return value;
    }

    private static JsonNode object(ObjectNode item, ObjectNode defaults, String name, String prefix) {
        JsonNode own = item.get(name);
        boolean inherited = own == null || own.isNull();
        JsonNode value = inherited && defaults != null ? defaults.get(name) : own;
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isObject()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, inherited && defaults != null ? name : prefix + name);
        }
        return value;
    }

    private static String text(JsonNode entity, String field, String prefix, List<FieldError> errors) {
        JsonNode value = entity.get(field);
        if (value == null || value.isNull()) {
            errors.add(new FieldError(prefix + field, ErrorCode.FIELD_REQUIRED));
            return null;
        }
        if (!value.isTextual()) {
            throw new TerminalException(ErrorCode.INVALID_FIELD_TYPE, prefix + field);
        }
        if (value.asText().isBlank()) {
            errors.add(new FieldError(prefix + field, ErrorCode.FIELD_BLANK));
            return null;
        }
        return value.asText();
    }
}
