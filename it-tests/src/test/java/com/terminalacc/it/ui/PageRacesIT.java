package com.terminalacc.it.ui;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12: a page form whose write loses a unique key to a concurrent request at flush time answers the form with the
 * error — never a 500. On PostgreSQL a failed statement aborts the whole transaction ("current transaction is
 * aborted"), so a page that renders its error with more queries in that transaction would fail there; this test runs in
 * the PostgreSQL and MariaDB suites too. The race: two staff members create an account with the same name at the same
 * moment (no account row exists yet to lock, so both pass the service's check and one loses at the unique key).
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class PageRacesIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";

    @Test
    void twoStaffCreatingTheSameAccountAtOnceGetTheFormWithTheErrorNotA500() throws Exception { // S-STF-1, issue 12
        String staff = newStaffUser();
        BrowserFlow first = new BrowserFlow(REALM, "en").go(ACC + "/").login(staff, PASSWORD);
        BrowserFlow second = new BrowserFlow(REALM, "en").go(ACC + "/").login(staff, PASSWORD);
        assertEquals(200, first.status(), first.text());
        assertEquals(200, second.status(), second.text());
        first.go(ACC + "/staff/accounts/new");
        second.go(ACC + "/staff/accounts/new");

        List<String> outcomes = new ArrayList<>();
        int conflicts = 0;
        for (int round = 0; round < 12; round++) {
            String id = uid();
            List<ApiResponse> answers = Parallel.race(
                    () -> create(first, "Race " + id, "race-a-" + id + ".test"),
                    () -> create(second, "Race " + id, "race-b-" + id + ".test"));
            int created = 0;
            for (ApiResponse r : answers) {
                outcomes.add(r.status() + "");
                assertTrue(r.status() < 500, "round " + round + ": " + r.status() + " " + r.raw());
                if (r.status() == 303) {
                    created++;
                } else {
                    conflicts++;
                    assertEquals(409, r.status(), r.raw());
                    assertTrue(r.raw().contains("name=\"name\"") && r.raw().contains("Race " + id),
                            "the form comes back with what was typed:\n" + r.raw());
                    assertTrue(r.raw().contains("acc-field-error") || r.raw().contains("pf-m-danger"),
                            "with the error shown:\n" + r.raw());
                }
            }
            assertEquals(1, created, "exactly one account of that name, round " + round + ": " + outcomes);
        }
        System.out.println("PageRacesIT: 12 rounds of two parallel creations, " + conflicts + " answered 409 with the form: " + outcomes);
    }

    private static ApiResponse create(BrowserFlow session, String name, String domain) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("csrf", session.csrf());
        fields.put("name", name);
        fields.put("type", "BUSINESS");
        fields.put("domains", domain);
        fields.put("accEnabled", "on");
        fields.put("firstName", "Rita");
        fields.put("lastName", "Race");
        fields.put("email", "rita@" + domain);
        return Api.send(HttpRequest.newBuilder(URI.create(ACC + "/staff/accounts/new")).timeout(Duration.ofSeconds(60))
                .header("Cookie", session.cookieHeader()).header("Accept-Language", "en")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Api.form(fields))));
    }
}
