package com.terminalacc.it.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-ACT-1, S-ACT-2: every change is an admin event with before → after; a contact's log adds its user's logins. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ActivityLogIT extends AbstractTerminalIT {

    @Test
    void contactLogShowsChangesAndLoginsNewestFirst() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        TestUser user = newUser(acc, "user");
        owner.patch("contacts/" + user.contactId(), Map.of("phone", "+49 40 777"));
        owner.put("contacts/" + user.contactId() + "/login/role", Map.of("role", "admin"));
        owner.put("contacts/" + user.contactId() + "/login/modules", Map.of("modules", List.of("support")));
        owner.put("contacts/" + user.contactId() + "/login/password", Map.of("password", "Neu-Vom-Owner-2026", "temporary", false));
        new BrowserFlow(REALM, "en").start().login(user.email(), "falsch-falsch-falsch");
        BrowserFlow login = new BrowserFlow(REALM, "en").start().login(user.email(), "Neu-Vom-Owner-2026");
        assertTrue(login.reachedApplication(), login.text());

        ApiResponse log = owner.get("contacts/" + user.contactId() + "/activity?max=50");
        assertEquals(200, log.status(), log.toString());
        List<JsonNode> items = new ArrayList<>();
        log.body().get("items").forEach(items::add);
        for (int i = 1; i < items.size(); i++) {
            assertTrue(items.get(i - 1).get("time").asLong() >= items.get(i).get("time").asLong(), "newest first");
        }
        assertEquals("LOGIN", items.get(0).get("type").asText(), "the latest: the successful login");
        assertTrue(items.stream().anyMatch(e -> "LOGIN_ERROR".equals(e.get("type").asText())), "failed login recorded");
        JsonNode phone = items.stream().filter(e -> "TERMINAL_CONTACT".equals(e.path("type").asText()) && "UPDATE".equals(e.path("operation").asText()))
                .findFirst().orElseThrow();
        assertEquals("+49 40 777", phone.path("after").path("phone").asText());
        assertTrue(phone.path("before").path("phone").isNull() || phone.path("before").path("phone").isMissingNode(),
                "no phone before (Keycloak's serializer leaves out null values)");
        assertEquals("Olga Owner", phone.path("actorName").asText());
        JsonNode role = items.stream().filter(e -> "TERMINAL_USER".equals(e.path("type").asText())
                && "admin".equals(e.path("after").path("role").asText()) && "user".equals(e.path("before").path("role").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("role change user → admin recorded: " + log.raw()));
        assertEquals("UPDATE", role.path("operation").asText());
        assertTrue(items.stream().anyMatch(e -> e.path("resourcePath").asText().endsWith("/login/password")), "password set is recorded");
        assertTrue(items.stream().anyMatch(e -> "TERMINAL_CONTACT".equals(e.path("type").asText()) && "CREATE".equals(e.path("operation").asText())));
        assertFalse(log.raw().contains("Neu-Vom-Owner-2026"), "no password in the log");
    }

    @Test
    void pagingOfTheLog() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String id = owner.post("contacts", contact("Page", "Log", acc.email("pagelog"))).text("id");
        for (int i = 0; i < 5; i++) {
            owner.patch("contacts/" + id, Map.of("phone", "+49 " + i));
        }
        ApiResponse first = owner.get("contacts/" + id + "/activity?first=0&max=2");
        assertEquals(2, first.body().get("items").size());
        assertEquals("true", first.text("hasMore"));
        ApiResponse last = owner.get("contacts/" + id + "/activity?first=4&max=2");
        assertEquals(2, last.body().get("items").size(), last.raw());
        assertEquals("false", last.text("hasMore"));
        assertEquals("CREATE", last.text("items/1/operation"), "the oldest entry is the creation");
    }

    @Test
    void logIsVisibleToThoseWhoMaySeeTheContactAndToStaff() {
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        TestUser user = newUser(a, "user");
        assertEquals(403, as(user.email()).get("contacts/" + a.ownerContactId() + "/activity").status());
        assertEquals(404, as(b.ownerEmail()).get("contacts/" + user.contactId() + "/activity").status());
        assertEquals(200, staff().get("accounts/" + a.id() + "/contacts/" + user.contactId() + "/activity").status());
        ApiResponse account = staff().get("accounts/" + a.id() + "/activity?max=100");
        assertEquals(200, account.status());
        assertTrue(account.raw().contains("TERMINAL_ACCOUNT") && account.raw().contains(user.contactId()), "staff see the whole account's log");
    }

    @Test
    void authorsFromOutsideTheAccountAppearWithoutNameIdOrAddress() { // S-ISO-1, S-ACT-2
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api sharer = as(provider.ownerEmail());
        Api partnerOwner = as(partner.ownerEmail());
        String cloud = newCloud(sharer, "Shared log");
        String share = sharer.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true)).text("id");
        partnerOwner.post("shares/" + share + "/accept", "");
        TestUser pete = newUser(partner, "user");
        assertEquals(201, partnerOwner.post("clouds/" + cloud + "/members", Map.of("contactId", pete.contactId(), "write", true)).status());
        // the sharing company's Owner changes Pete's permissions; provider staff edit Pete's phone
        assertEquals(200, sharer.patch("clouds/" + cloud + "/members/" + pete.contactId(), Map.of("write", false)).status());
        assertEquals(200, staff().patch("accounts/" + partner.id() + "/contacts/" + pete.contactId(), Map.of("phone", "+49 30 1")).status());

        ApiResponse log = partnerOwner.get("contacts/" + pete.contactId() + "/activity?max=50");
        assertEquals(200, log.status(), log.toString());
        assertFalse(log.raw().contains(provider.ownerUserId()), "no user id of the sharing company: " + log.raw());
        List<String> kinds = new ArrayList<>();
        for (JsonNode e : log.body().get("items")) {
            if (!"CHANGE".equals(e.path("kind").asText())) {
                continue;
            }
            String kind = e.path("actorKind").asText();
            kinds.add(kind);
            if (!"ACCOUNT".equals(kind)) {
                assertTrue(e.path("actorName").isNull() || e.path("actorName").isMissingNode(), e.toString());
                assertTrue(e.path("actorUserId").isNull() || e.path("actorUserId").isMissingNode(), e.toString());
                assertTrue(e.path("ipAddress").isNull() || e.path("ipAddress").isMissingNode(), e.toString());
            } else {
                assertEquals(partner.ownerUserId(), e.path("actorUserId").asText(), "the account's own people are named");
            }
        }
        assertTrue(kinds.contains("PARTNER") && kinds.contains("PROVIDER") && kinds.contains("ACCOUNT"), kinds.toString());
        // staff see who it was
        ApiResponse staffView = staff().get("accounts/" + partner.id() + "/contacts/" + pete.contactId() + "/activity?max=50");
        assertTrue(staffView.raw().contains(provider.ownerUserId()), staffView.raw());
    }

    @Test
    void changesAreKeycloakAdminEvents() { // S-ACT-1 [decision]
        TestAccount acc = newBusinessAccount();
        String id = as(acc.ownerEmail()).post("contacts", contact("Event", "Sourced", acc.email("event"))).text("id");
        List<AdminEventRepresentation> events = realm.admin().getAdminEvents(null, null, null, null, null,
                "terminal/accounts/" + acc.id() + "/contacts/" + id, null, (String) null, (String) null, 0, 10, null);
        assertEquals(1, events.size(), "Keycloak's own admin event store has it");
        assertEquals("TERMINAL_CONTACT", events.get(0).getResourceType());
        assertEquals("CREATE", events.get(0).getOperationType());
        assertEquals(acc.ownerUserId(), events.get(0).getAuthDetails().getUserId());
        assertTrue(events.get(0).getRepresentation().contains("Sourced"));
    }
}
