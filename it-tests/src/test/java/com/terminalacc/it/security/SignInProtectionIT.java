package com.terminalacc.it.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.LoginsInProgress;
import com.terminalacc.it.support.Parallel;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, the sign-in protection the product ships (realm file: brute-force protection on, five failures, quick-login
 * check; server: Keycloak's default blocking protector, see README "Sign-in protection"): parallel sign-ins of one user
 * are refused while one is in progress and are not counted as failures; wrong passwords are counted and lock the user;
 * the suite's grant helper waits out the first kind and never the second.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class SignInProtectionIT extends AbstractTerminalIT {

    private static final int PARALLEL = 6;

    @Test
    void parallelSignInsOfOneUserAreRefusedWhileOneIsInProgressAndNotCountedAsFailures() throws Exception {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        int refused = 0;
        int succeeded = 0;
        // six grants released at once: password hashing takes long enough that they overlap on the server; a burst
        // that happens to arrive one after the other is repeated (at most five bursts)
        for (int burst = 0; burst < 5 && refused == 0; burst++) {
            for (ApiResponse r : Parallel.times(PARALLEL, () -> Api.rawPasswordGrant(REALM, TerminalRealmConfig.TEST_CLIENT, user.email(), PASSWORD))) {
                if (r.status() == 200) {
                    succeeded++;
                } else {
                    refused++;
                    assertEquals(400, r.status(), r.toString());
                    assertEquals("invalid_grant", r.text("error"), "looks like any refused sign-in to the client: " + r);
                }
            }
        }
        assertTrue(succeeded > 0, "one sign-in of a burst goes through");
        assertTrue(refused > 0, "the others are refused while it is in progress (Keycloak's allow-concurrent-requests=false)");
        assertTrue(LoginsInProgress.refusedWhileAnotherWasInProgress(LoginsInProgress.SUITE, REALM, user.email()),
                "refused as user_temporarily_disabled without a failure:" + LoginsInProgress.diagnosis(LoginsInProgress.SUITE, REALM, user.email()));
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(user.userId());
        assertEquals(0, ((Number) status.get("numFailures")).intValue(), "a refused parallel sign-in is no failure: " + status);

        // the suite's helper (and a well-behaved client) waits and tries again: all six get their token
        List<ApiResponse> helped = Parallel.times(PARALLEL, () -> new ApiResponse(200,
                Api.passwordGrant(REALM, TerminalRealmConfig.TEST_CLIENT, user.email(), PASSWORD), null, null));
        assertEquals(PARALLEL, helped.size());
        for (ApiResponse r : helped) {
            assertNotNull(r.body().get("access_token"), r.toString());
        }
    }

    @Test
    void wrongPasswordsLockTheUserAndTheHelperDoesNotWaitThatOut() {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        // five failures lock (realm failureFactor 5), two within a second already do (quick-login check): wrong
        // passwords one after the other, each once Keycloak has counted the one before (it counts after the response;
        // an attempt that came while the previous one was still being counted is refused uncounted and made again)
        for (int attempt = 0; !locked(user) && attempt < 20; attempt++) {
            int before = numFailures(user);
            ApiResponse wrong = Api.rawPasswordGrant(REALM, TerminalRealmConfig.TEST_CLIENT, user.email(), "Falsches-Passwort-" + attempt);
            assertEquals(400, wrong.status(), wrong.toString());
            assertEquals("invalid_grant", wrong.text("error"), wrong.toString());
            waitUntil(() -> locked(user) || numFailures(user) > before, 5);
        }
        Map<String, Object> status = realm.admin().attackDetection().bruteForceUserStatus(user.userId());
        assertTrue(locked(user), "wrong passwords lock the user: " + status);
        int counted = numFailures(user);
        assertTrue(counted >= 1 && counted <= 5, "locked after at most five failures: " + status);
        assertFalse(LoginsInProgress.refusedWhileAnotherWasInProgress(LoginsInProgress.SUITE, REALM, user.email()), "a lock is no sign-in in progress");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> Api.passwordToken(REALM, user.email(), PASSWORD),
                "the right password is refused while the user is locked");
        assertTrue(refused.getMessage().contains("(attempt 1)"), "the helper does not wait a lock out: " + refused.getMessage());
        assertTrue(refused.getMessage().contains("user_temporarily_disabled"), refused.getMessage());
    }

    private boolean locked(TestUser user) {
        return Boolean.TRUE.equals(realm.admin().attackDetection().bruteForceUserStatus(user.userId()).get("disabled"));
    }

    private int numFailures(TestUser user) {
        return ((Number) realm.admin().attackDetection().bruteForceUserStatus(user.userId()).get("numFailures")).intValue();
    }

    /** Waits up to {@code seconds} for the condition; false when it did not come true. */
    private static boolean waitUntil(java.util.function.BooleanSupplier condition, int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        return true;
    }
}
