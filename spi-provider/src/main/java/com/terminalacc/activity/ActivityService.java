package com.terminalacc.activity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.persistence.EntityManager;

import org.keycloak.events.Event;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.account.AccountStore;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;

/**
 * Activity logs read from Keycloak's own event store (S-ACT-1, S-ACT-2): admin events of our resource types under a
 * contact's (or account's) resource path, merged with the login-related events of the contact's user.
 */
public class ActivityService {

    /** What a user did that belongs in its contact's log. */
    static final EventType[] USER_EVENTS = {
            EventType.LOGIN, EventType.LOGIN_ERROR, EventType.LOGOUT,
            EventType.UPDATE_PASSWORD, EventType.UPDATE_PASSWORD_ERROR, EventType.UPDATE_CREDENTIAL, EventType.UPDATE_CREDENTIAL_ERROR,
            EventType.RESET_PASSWORD, EventType.RESET_PASSWORD_ERROR, EventType.SEND_RESET_PASSWORD, EventType.EXECUTE_ACTION_TOKEN,
            EventType.USER_DISABLED_BY_TEMPORARY_LOCKOUT, EventType.USER_DISABLED_BY_PERMANENT_LOCKOUT
    };

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public ActivityService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /** The deepest a log can be paged: the merge of admin and user events reads up to first + max entries. */
    public static final int MAX_FIRST = 10_000;

    /**
     * S-ACT-2: changes made to the contact and what its user did, newest first. Visible to whoever may see the contact.
     * Authors from outside the viewer's account appear neutrally, without name, id or address (S-ISO-1).
     */
    public ActivityPage contactLog(AccessEvaluator auth, String accountId, String contactId, Paging paging) {
        ContactStore contacts = new ContactStore(session, realm);
        ContactEntity contact = contacts.find(accountId, contactId);
        auth.contacts().requireView(contacts.target(contact)); // the same visibility as the contact itself
        return log(auth, List.of(Audit.contactPath(accountId, contactId) + "*", "terminal/accounts/*/clouds/*/members/" + contactId),
                contact.getUserId(), paging);
    }

    /** Staff: everything recorded for an account, newest first. */
    public ActivityPage accountLog(AccessEvaluator auth, String accountId, Paging paging) {
        auth.accounts().requireSeeLog(accountId);
        new AccountStore(session, realm).get(accountId);
        return log(auth, List.of(Audit.accountPath(accountId) + "*"), null, paging);
    }

    private ActivityPage log(AccessEvaluator auth, List<String> pathPatterns, String userId, Paging paging) {
        if (paging.first() > MAX_FIRST) {
            throw new TerminalException(ErrorCode.INVALID_PAGING, Paging.MAX_MAX);
        }
        int needed = paging.first() + paging.max() + 1;
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        List<ActivityEntry> merged = new ArrayList<>();
        List<AdminEvent> adminEvents = new ArrayList<>();
        for (String pattern : pathPatterns) {
            try (var events = store.createAdminQuery().realm(realm.getId())
                    .resourcePath(pattern).orderByDescTime().firstResult(0).maxResults(needed).getResultStream()) {
                adminEvents.addAll(events.toList());
            }
        }
        Set<String> actorIds = new HashSet<>();
        for (AdminEvent e : adminEvents) {
            if (e.getAuthDetails() != null && e.getAuthDetails().getUserId() != null) {
                actorIds.add(e.getAuthDetails().getUserId());
            }
        }
        Map<String, String> names = new KeycloakQueries(em, realm).displayNames(actorIds);
        Map<String, String> actorAccounts = accountsOf(actorIds);
        String viewerAccount = auth.actor().isCustomer() ? auth.actor().accountId() : null;
        for (AdminEvent e : adminEvents) {
            JsonNode change = parse(e.getRepresentation());
            String actorId = e.getAuthDetails() == null ? null : e.getAuthDetails().getUserId();
            String actorAccount = actorId == null ? null : actorAccounts.get(actorId);
            String kind = actorAccount == null ? ActivityEntry.PROVIDER
                    : viewerAccount == null || actorAccount.equals(viewerAccount) ? ActivityEntry.ACCOUNT : ActivityEntry.PARTNER;
            // S-ISO-1: a customer sees who of its own account did something; others appear as "partner company" or "provider"
            boolean named = viewerAccount == null || ActivityEntry.ACCOUNT.equals(kind);
            merged.add(new ActivityEntry(e.getTime(), "CHANGE", e.getResourceTypeAsString(), e.getOperationType().name(),
                    named ? e.getResourcePath() : null, named ? actorId : null, named ? names.get(actorId) : null, kind,
                    named && e.getAuthDetails() != null ? e.getAuthDetails().getIpAddress() : null, null, e.getError(),
                    change == null ? null : change.get("before"), change == null ? null : change.get("after")));
        }
        List<Event> userEvents = List.of();
        if (userId != null) {
            try (var events = store.createQuery().realm(realm.getId()).user(userId).type(USER_EVENTS)
                    .orderByDescTime().firstResult(0).maxResults(needed).getResultStream()) {
                userEvents = events.toList();
            }
        }
        for (Event e : userEvents) {
            merged.add(new ActivityEntry(e.getTime(), "USER_EVENT", e.getType().name(), null, null, e.getUserId(), null,
                    ActivityEntry.ACCOUNT, e.getIpAddress(), e.getClientId(), e.getError(), null, null));
        }
        merged.sort(Comparator.comparingLong(ActivityEntry::time).reversed());
        int from = Math.min(paging.first(), merged.size());
        int to = Math.min(paging.first() + paging.max(), merged.size());
        return new ActivityPage(new ArrayList<>(merged.subList(from, to)), paging.first(), paging.max(), merged.size() > to);
    }

    /** The accounts of those authors that are users of a contact: one query for the page. */
    private Map<String, String> accountsOf(Set<String> userIds) {
        Map<String, String> accounts = new HashMap<>();
        if (userIds.isEmpty()) {
            return accounts;
        }
        for (Object[] row : em.createQuery("select c.userId, c.accountId from ContactEntity c where c.userId in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()) {
            accounts.put((String) row[0], (String) row[1]);
        }
        return accounts;
    }

    private static JsonNode parse(String representation) {
        if (representation == null || representation.isBlank()) {
            return null;
        }
        try {
            return JsonBodies.mapper().readTree(representation);
        } catch (Exception e) {
            return null;
        }
    }
}
