package com.terminalacc.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

/**
 * S-ACT-1: every change is an admin event of one of our resource types with the representation
 * {@code {"before": ..., "after": ...}}, so it lands in Keycloak's own event store (and its listeners), inside the
 * same transaction as the change. The resource path always names the account and, where there is one, the contact:
 * {@code terminal/accounts/<account>/contacts/<contact>} — the contact's activity log is a query on that prefix (plus
 * its cloud memberships, {@code terminal/accounts/<account>/clouds/<cloud>/members/<contact>}).
 */
public final class Audit {

    public static final String ACCOUNT = "TERMINAL_ACCOUNT";
    public static final String CONTACT = "TERMINAL_CONTACT";
    public static final String USER = "TERMINAL_USER";
    public static final String OWNER_REQUEST = "TERMINAL_OWNER_REQUEST";
    public static final String CLOUD = "TERMINAL_CLOUD";
    public static final String CLOUD_MEMBER = "TERMINAL_CLOUD_MEMBER";
    public static final String CLOUD_SHARE = "TERMINAL_CLOUD_SHARE";
    public static final String PRODUCT = "TERMINAL_PRODUCT";

    private final AdminEventBuilder events;

    public Audit(AdminEventBuilder events) {
        this.events = events;
    }

    /** For the customer API, which is not under Keycloak's admin root: the customer user is the event's author. */
    public static Audit forCustomer(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        return new Audit(new AdminEventBuilder(realm, auth, session, session.getContext().getConnection()));
    }

    public static String accountPath(String accountId) {
        return "terminal/accounts/" + accountId;
    }

    public static String contactPath(String accountId, String contactId) {
        return accountPath(accountId) + "/contacts/" + contactId;
    }

    public static String cloudPath(com.terminalacc.cloud.CloudEntity cloud) {
        return accountPath(cloud.getAccountId()) + "/clouds/" + cloud.getId();
    }

    /** A membership is recorded under the cloud; the contact's log finds it by the trailing contact id. */
    public static String memberPath(com.terminalacc.cloud.CloudEntity cloud, String contactId) {
        return cloudPath(cloud) + "/members/" + contactId;
    }

    /** Records one change; {@code before} is null for a creation, {@code after} for a deletion. */
    public void record(String resourceType, OperationType operation, String path, Object before, Object after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        // The builder is reused for several events of one request; every field that varies is set each time.
        events.resource(resourceType).operation(operation).resourcePath(path).representation(change).success();
    }
}
