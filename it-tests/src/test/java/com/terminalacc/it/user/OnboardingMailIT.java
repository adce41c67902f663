package com.terminalacc.it.user;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.Mails;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S-LOG-3, issue 12: the onboarding e-mail is sent after the activating transaction has committed. A mail server that
 * fails leaves the login active with the e-mail FAILED and "send again"; a slow one holds no lock of the account.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class OnboardingMailIT extends AbstractTerminalIT {

    private static final long SLOW_SMTP_MILLIS = 8000;
    private static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";

    @Test
    void failedDeliveryLeavesTheLoginActiveWithTheFailureShownAndSendAgainDelivers() { // S-LOG-3, issue 12
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("nomail");
        String contactId = owner.post("contacts", contact("No", "Mail", email)).text("id");
        Map<String, String> smtp = smtp(Map.of("host", "127.0.0.1", "port", "1", "from", "terminal@example.com")); // nothing listens
        ApiResponse activated;
        BrowserFlow page;
        try {
            activated = owner.post("contacts/" + contactId + "/login", Map.of("role", "user"));
            assertEquals(201, activated.status(), "the change committed; the e-mail is sent afterwards: " + activated);
            assertEquals("PENDING", activated.text("onboardingEmail"), "the answer is written before the e-mail is sent");

            // the after-commit step has run before the answer reached us: the next read shows the outcome
            ApiResponse contact = owner.get("contacts/" + contactId);
            assertEquals("FAILED", contact.text("onboardingEmail"), contact.toString());
            assertEquals("ACTIVE", contact.text("loginStatus"));
            assertEquals("true", contact.text("passwordChangeRequired"));
            assertTrue(Mails.all(mail, email).isEmpty(), "no password was mailed");

            // the contact page tells the Owner, next to "send again"
            page = new BrowserFlow(REALM, "en").go(ACC + "contacts/" + contactId).login(acc.ownerEmail(), PASSWORD);
            Element failed = page.page().selectFirst("#onboarding-mail-failed");
            assertNotNull(failed, page.text());
            assertEquals("The e-mail with the sign-in details could not be delivered.", failed.text());
            assertTrue(page.hasForm("form[action$=/resend]"), page.text());
        } finally {
            smtp(smtp);
        }

        // "send again" on the page, with the mail server back: the same after-commit path
        page.submit("form[action$=/resend]", Map.of());
        assertEquals(200, page.status(), page.text());
        assertNull(page.page().selectFirst("#onboarding-mail-failed"), page.text());
        assertNotNull(page.page().selectFirst("#onboarding-mail-sent"), "the page says the e-mail went out: " + page.text());
        String initial = Mails.waitFor(mail, email).initialPassword();
        assertEquals("SENT", owner.get("contacts/" + contactId).text("onboardingEmail"));
        BrowserFlow login = new BrowserFlow(REALM, "en").start().login(email, initial);
        assertTrue(login.hasForm("#kc-passwd-update-form"), "the mailed password works: " + login.text());
    }

    @Test
    void aSlowMailServerDoesNotHoldTheAccountLock() throws Exception { // S-LOG-3, issue 12
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        Api other = as(acc.ownerEmail());
        String email = acc.email("slow");
        String contactId = owner.post("contacts", contact("Sam", "Slow", email)).text("id");
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (ServerSocket slow = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CountDownLatch connected = new CountDownLatch(1);
            Thread server = new Thread(() -> {
                try (Socket s = slow.accept()) {
                    connected.countDown();
                    Thread.sleep(SLOW_SMTP_MILLIS); // no greeting: the client waits, then the connection closes
                } catch (Exception ignored) {
                    // the test ends the server
                }
            });
            server.setDaemon(true);
            server.start();
            Map<String, String> smtp = smtp(Map.of("host", "127.0.0.1", "port", String.valueOf(slow.getLocalPort()), "from", "terminal@example.com"));
            try {
                Future<ApiResponse> activation = pool.submit(() -> owner.post("contacts/" + contactId + "/login", Map.of("role", "user")));
                assertTrue(connected.await(120, TimeUnit.SECONDS), "Keycloak connects to the slow mail server");

                // another change of the same account takes the account lock (ContactService.create) while the mail hangs
                long start = System.nanoTime();
                ApiResponse created = other.post("contacts", contact("Other", "Change", acc.email("other-" + uid())));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(201, created.status(), created.toString());
                assertTrue(millis < SLOW_SMTP_MILLIS / 2, "the change waited " + millis + " ms for the mail server");
                assertEquals("PENDING", other.get("contacts/" + contactId).text("onboardingEmail"), "while the mail server has not answered");

                ApiResponse activated = activation.get(120, TimeUnit.SECONDS);
                assertEquals(201, activated.status(), activated.toString());
            } finally {
                smtp(smtp);
            }
        } finally {
            pool.shutdownNow();
        }
        ApiResponse contact = owner.get("contacts/" + contactId);
        assertEquals("ACTIVE", contact.text("loginStatus"));
        assertEquals("FAILED", contact.text("onboardingEmail"), "the slow server never greeted: " + contact);
        assertTrue(Mails.all(mail, email).isEmpty());
    }

    @Test
    void aPasswordSetByTheOwnerClearsTheOnboardingEmailState() { // S-LOG-4: the e-mailed password no longer counts
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String email = acc.email("manual");
        String contactId = owner.post("contacts", contact("Manu", "Al", email)).text("id");
        assertEquals(201, owner.post("contacts/" + contactId + "/login", Map.of("role", "user")).status());
        assertEquals("SENT", owner.get("contacts/" + contactId).text("onboardingEmail"));
        assertNotNull(Mails.waitFor(mail, email).initialPassword());
        assertEquals(204, owner.put("contacts/" + contactId + "/login/password", Map.of("password", "Vom-Owner-Gesetzt-2026")).status());
        ApiResponse contact = owner.get("contacts/" + contactId);
        assertNull(contact.text("onboardingEmail"), contact.toString());
        assertFalse(contact.raw().contains("Vom-Owner-Gesetzt-2026"));
    }

    /** Points the realm's SMTP settings elsewhere and returns the previous ones. */
    private Map<String, String> smtp(Map<String, String> settings) {
        RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> previous = rep.getSmtpServer() == null ? null : new HashMap<>(rep.getSmtpServer());
        rep.setSmtpServer(settings);
        realm.admin().update(rep);
        return previous;
    }
}
