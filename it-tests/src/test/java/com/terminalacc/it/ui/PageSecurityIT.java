package com.terminalacc.it.ui;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;
import org.openqa.selenium.Cookie;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages' security: sign-in required, output escaped, CSRF tokens checked, no framing. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class PageSecurityIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void signedOutVisitorsGoToTheTerminalLogin() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ACC + "contacts")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, r.statusCode());
        String location = r.headers().firstValue("Location").orElse("");
        assertTrue(location.contains("/realms/terminal/protocol/openid-connect/auth") && location.contains("client_id=terminal-acc"), location);
    }

    @Test
    void aContactNamedLikeAScriptIsShownAsText() {
        TestAccount acc = newBusinessAccount();
        ApiResponse created = as(acc.ownerEmail()).post("contacts", contact("<script>alert(1)</script>", "<img src=x onerror=alert(2)>", acc.email("xss")));
        assertEquals(201, created.status());
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "contacts").login(acc.ownerEmail(), PASSWORD);
            b.waitFor("#contacts-table");
            assertTrue(b.text().contains("<script>alert(1)</script>"), "the name is visible as text");
            assertFalse(b.html().contains("<script>alert(1)</script>"), "and never markup");
            assertTrue(b.html().contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
            assertEquals(0L, ((Number) b.script("return document.querySelectorAll('img[src=x]').length")).longValue());
            b.go(ACC + "contacts/" + created.text("id"));
            assertTrue(b.text().contains("<script>alert(1)</script>"));
            b.screenshot("acc-xss-as-text-en");
            b.assertAccessible("acc-xss-as-text-en");
        }
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() throws Exception {
        TestAccount acc = newBusinessAccount();
        try (Browser b = Browser.open("en")) {
            b.go(ACC + "contacts").login(acc.ownerEmail(), PASSWORD);
            b.waitFor("#contacts-table");
            // the same form post a foreign page would send: the browser's session cookies, but no token
            StringBuilder cookies = new StringBuilder();
            for (Cookie c : b.driver().manage().getCookies()) {
                cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
            }
            String form = Api.form(Map.of("firstName", "Forged", "lastName", "Post", "email", acc.email("forged")));
            HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ACC + "contacts/new"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
                    .header("Origin", "https://evil.example").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, forged.statusCode());
            assertTrue(forged.body().contains("csrf-failed"), forged.body());
            HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ACC + "contacts/new"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, noToken.statusCode(), "same origin but no token");
            HttpResponse<String> wrongToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ACC + "contacts/new"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookies.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(form + "&csrf=guessed")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, wrongToken.statusCode());
            // and the real form with its token works
            b.go(ACC + "contacts/new");
            b.type("#firstName", "Real").type("#lastName", "Form").type("#email", acc.email("real")).click("#save-contact");
            assertTrue(b.text().contains("The contact was added"), b.text());
        }
        String contacts = as(acc.ownerEmail()).get("contacts").raw();
        assertFalse(contacts.contains(acc.email("forged")), "the forged post changed nothing");
        assertTrue(contacts.contains(acc.email("real")));
    }

    @Test
    void pagesForbidFraming() throws Exception {
        TestAccount acc = newBusinessAccount();
        try (Browser b = Browser.open("en")) {
            b.go(ACC).login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-dropdown__toggle");
            StringBuilder cookies = new StringBuilder();
            for (Cookie c : b.driver().manage().getCookies()) {
                cookies.append(c.getName()).append('=').append(c.getValue()).append("; ");
            }
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ACC + "contacts"))
                    .header("Cookie", cookies.toString()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode());
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void usersSeeNoUserManagementAndOtherAccountsAreInvisible() {
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        try (Browser b = Browser.open("en")) {
            b.go(ACC).login(user.email(), PASSWORD);
            b.waitFor(".acc-dropdown__toggle");
            b.go(ACC + "contacts");
            assertTrue(b.text().contains("You do not have the permission"), b.text());
            b.go(ACC + "contacts/" + other.ownerContactId());
            assertTrue(b.text().contains("Not allowed") || b.text().contains("does not exist"), b.text());
        }
        try (Browser b = Browser.open("en")) {
            b.go(ACC).login(acc.ownerEmail(), PASSWORD);
            b.waitFor(".acc-dropdown__toggle");
            b.go(ACC + "contacts/" + other.ownerContactId());
            assertTrue(b.text().contains("The contact does not exist."), b.text());
        }
    }
}
