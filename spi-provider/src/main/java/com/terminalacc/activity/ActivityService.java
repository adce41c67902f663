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
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.Actor;
import com.terminalacc.common.JsonBodies;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactService;

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

    /** S-ACT-2: changes made to the contact and what its user did, newest first. Visible to whoever may see the contact. */
    public ActivityPage contactLog(Actor actor, String accountId, String contactId, Paging paging) {
        ContactService contacts = new ContactService(session, realm);
        contacts.get(actor, accountId, contactId); // the same visibility as the contact itself
        ContactEntity contact = contacts.find(accountId, contactId);
        return log(List.of(Audit.contactPath(accountId, contactId) + "*", "terminal/accounts/*/clouds/*/members/" + contactId),
                contact.getUserId(), paging);
    }

    /** Staff: everything recorded for an account, newest first. */
    public ActivityPage accountLog(String accountId, Paging paging) {
        return log(List.of(Audit.accountPath(accountId) + "*"), null, paging);
    }

    private ActivityPage log(List<String> pathPatterns, String userId, Paging paging) {
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
        Map<String, String> names = names(adminEvents);
        for (AdminEvent e : adminEvents) {
            JsonNode change = parse(e.getRepresentation());
            String actorId = e.getAuthDetails() == null ? null : e.getAuthDetails().getUserId();
            merged.add(new ActivityEntry(e.getTime(), "CHANGE", e.getResourceTypeAsString(), e.getOperationType().name(),
                    e.getResourcePath(), actorId, names.get(actorId),
                    e.getAuthDetails() == null ? null : e.getAuthDetails().getIpAddress(), null, e.getError(),
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
                    e.getIpAddress(), e.getClientId(), e.getError(), null, null));
        }
        merged.sort(Comparator.comparingLong(ActivityEntry::time).reversed());
        int from = Math.min(paging.first(), merged.size());
        int to = Math.min(paging.first() + paging.max(), merged.size());
        return new ActivityPage(new ArrayList<>(merged.subList(from, to)), paging.first(), paging.max(), merged.size() > to);
    }

    /** Display names of the authors: one query for the page. */
    private Map<String, String> names(List<AdminEvent> events) {
        Set<String> ids = new HashSet<>();
        for (AdminEvent e : events) {
            if (e.getAuthDetails() != null && e.getAuthDetails().getUserId() != null) {
                ids.add(e.getAuthDetails().getUserId());
            }
        }
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select u.id, u.firstName, u.lastName, u.username from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            String name = ((row[1] == null ? "" : row[1]) + " " + (row[2] == null ? "" : row[2])).strip();
            names.put((String) row[0], name.isEmpty() ? (String) row[3] : name);
        }
        return names;
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
