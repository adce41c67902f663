package com.terminalacc.it.ui;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The "add member" choice on a cloud's page (S-CLD-2) is bounded (issue 16: an account with 10,000 contacts rendered
 * all of them into every cloud page): it offers the first 50 people by name, and a search by the beginning of the first
 * name, last name or e-mail address finds the others — never anybody of another account.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CloudMemberChoiceIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";

    @Test
    void theChoiceShowsTheFirstFiftyAndFindsTheOthers() {
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Auswahl " + uid());
        String first = activeContact(owner, "Vera", "Person00", acc.email("m0"));

        BrowserFlow page = new BrowserFlow(REALM, "en").go(ACC + "/").login(acc.ownerEmail(), PASSWORD);
        assertEquals(200, page.status(), page.text());
        Document small = page.go(ACC + "/clouds/" + cloud).page();
        assertEquals(List.of(first), options(small), "one person to add, offered");
        assertNull(small.selectFirst("#find-person"), "a short choice needs no search");

        for (int i = 1; i <= 50; i++) {
            activeContact(owner, "Vera", String.format("Person%02d", i), acc.email("m" + i));
        }
        // somebody of a third company with the same kind of name and e-mail address
        TestAccount other = newBusinessAccount();
        String stranger = activeContact(as(other.ownerEmail()), "Vera", "Person99", other.email("m99"));

        Document full = page.go(ACC + "/clouds/" + cloud).page();
        assertEquals(200, page.status());
        List<String> offered = options(full);
        assertEquals(50, offered.size(), "51 could be added, 50 are offered");
        assertEquals(first, offered.get(0), "in name order");
        assertNotNull(full.selectFirst("#find-person"));
        assertNotNull(full.selectFirst("#candidates-more"));
        assertTrue(full.text().contains("Showing the first 50"), full.text());

        // by last name (Person50 is the one beyond the first 50), by e-mail address, in any case
        assertEquals(List.of("Person50"), lastNames(page.go(ACC + "/clouds/" + cloud + "?person=person5").page()));
        assertEquals(List.of("Person07"), lastNames(page.go(ACC + "/clouds/" + cloud + "?person=M7%40").page()));
        Document byFirstName = page.go(ACC + "/clouds/" + cloud + "?person=VERA").page();
        assertEquals(50, options(byFirstName).size(), "the first name finds all 51, the first 50 are offered");
        assertNotNull(byFirstName.selectFirst("#candidates-more"));
        // another account's people are never offered, however they are searched
        Document foreign = page.go(ACC + "/clouds/" + cloud + "?person=Person99").page();
        assertEquals(List.of(), options(foreign));
        assertNotNull(foreign.selectFirst("#candidates-none"));
        assertTrue(!foreign.html().contains(stranger) && !foreign.html().contains(other.email("m99")), "nothing of the third company");
        // like-wildcards are text
        assertEquals(List.of(), options(page.go(ACC + "/clouds/" + cloud + "?person=%25").page()));
        assertEquals(List.of(), options(page.go(ACC + "/clouds/" + cloud + "?person=_erson").page()));

        // adding a person found by the search works as before
        Document found = page.go(ACC + "/clouds/" + cloud + "?person=person50").page();
        String person50 = options(found).get(0);
        page.submit("#add-member", Map.of("contactId", person50, "type", "MEMBER"));
        assertTrue(page.status() < 400, page.text());
        ApiResponse members = owner.get("clouds/" + cloud + "/members");
        assertTrue(members.raw().contains(person50), members.toString());
        assertEquals(List.of(), options(page.go(ACC + "/clouds/" + cloud + "?person=person50").page()), "a member is no longer offered");
    }

    /** A contact with an activated login (role User); returns the contact id. */
    private static String activeContact(Api owner, String firstName, String lastName, String email) {
        ApiResponse contact = owner.post("contacts", contact(firstName, lastName, email));
        assertEquals(201, contact.status(), contact.toString());
        String id = contact.text("id");
        ApiResponse login = owner.post("contacts/" + id + "/login", Map.of("role", "user", "modules", List.of()));
        assertEquals(201, login.status(), login.toString());
        return id;
    }

    private static List<String> options(Document page) {
        return page.select("#add-member select[name=contactId] option").stream().map(o -> o.attr("value")).toList();
    }

    private static List<String> lastNames(Document page) {
        return page.select("#add-member select[name=contactId] option").stream().map(Element::text)
                .map(t -> t.replaceAll("^Vera (\\S+) .*$", "$1")).toList();
    }
}
