package com.terminalacc.it.account;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.models.utils.Base32;
import org.keycloak.models.utils.TimeBasedOTP;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.Browser;
import com.terminalacc.it.support.LoginsInProgress;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account-wide two-factor policy, S-SEC-1 and S-SEC-2, in a real Chromium through the Terminal login: the Owner
 * switches it on, a user without a second factor sets up OTP with Keycloak's own pages, the next login asks for the
 * code and refuses a wrong one, the direct grant is refused; Owner and Admin see and reset the second factor.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class TwoFactorIT extends AbstractTerminalIT {

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc/";
    /** The realm's OTP policy: Keycloak's defaults (HmacSHA1, 6 digits, 30 s). */
    private final TimeBasedOTP totp = new TimeBasedOTP("HmacSHA1", 6, 30, 1);

    @Test
    void accountPolicyRequiresASecondFactorOfEveryUser() throws Exception { // S-SEC-1, S-SEC-2
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        assertEquals(200, passwordGrantStatus(user.email()), "policy off: the password alone is enough");

        ApiResponse on = owner.patch("account", Map.of("requireTwoFactor", true));
        assertEquals(200, on.status(), on.toString());
        assertTrue(on.body().get("requireTwoFactor").asBoolean());
        assertTrue(owner.get("contacts/" + user.contactId() + "/activity").raw().contains("requireTwoFactor")
                || staff().get("accounts/" + acc.id() + "/activity").raw().contains("requireTwoFactor"), "the switch is audited");
        assertFalse(owner.get("contacts/" + user.contactId()).body().get("twoFactor").asBoolean());

        // S-SEC-1: no login of the account's users without the second factor — not even by direct grant
        assertEquals(401, passwordGrantStatus(user.email()));

        String secret;
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(user.email(), PASSWORD);
            // Keycloak's own OTP setup (required action), in the Terminal theme
            b.waitFor("#totp");
            if (!b.has("#kc-totp-secret-key")) {
                b.click("#mode-manual");
            }
            secret = new String(Base32.decode(b.find("#kc-totp-secret-key").getText().replace(" ", "")), StandardCharsets.UTF_8);
            b.screenshot("login-otp-setup-de");
            b.type("#totp", totp.generateTOTP(secret));
            if (b.has("#userLabel")) {
                b.type("#userLabel", "Telefon");
            }
            b.click("#saveTOTPBtn");
            b.waitFor(".acc-h1");
            assertTrue(b.url().startsWith(ACC), b.url());
        }
        assertTrue(owner.get("contacts/" + user.contactId()).body().get("twoFactor").asBoolean(), "S-SEC-2: the Owner sees it");
        assertEquals(401, passwordGrantStatus(user.email()), "the direct grant stays refused for users of the account");

        waitForNextTimeStep(); // a code is accepted once: the next login needs the next one
        try (Browser b = Browser.open("en")) {
            b.go(ACC).login(user.email(), PASSWORD);
            b.waitFor("#otp");
            b.type("#otp", wrong(totp.generateTOTP(secret)));
            b.click("#kc-login");
            b.waitFor("#otp");
            assertFalse(b.url().startsWith(ACC), "a wrong code is refused");
            b.screenshot("login-otp-en");
            b.type("#otp", totp.generateTOTP(secret));
            b.click("#kc-login");
            b.waitFor(".acc-h1");
            assertTrue(b.url().startsWith(ACC), b.url());
        }

        // policy off: the password alone is enough again
        assertEquals(200, owner.patch("account", Map.of("requireTwoFactor", false)).status());
        assertFalse(owner.get("account").body().get("requireTwoFactor").asBoolean());
        TestUser other = newUser(acc, "user");
        assertEquals(200, passwordGrantStatus(other.email()));
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(other.email(), PASSWORD);
            b.waitFor(".acc-h1");
            assertTrue(b.url().startsWith(ACC), b.url());
        }
    }

    /** Reset per hierarchy: an Admin resets a User's second factor; a User may not; another account sees nothing. */
    @Test
    void ownersAndAdminsResetASecondFactor() throws Exception { // S-SEC-2, S-ROL-1, S-ISO-1
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        TestUser colleague = newUser(acc, "user");
        // tokens from before the policy: with it on, password grants of the account's users are refused
        Api adminApi = as(admin.email());
        Api colleagueApi = as(colleague.email());
        Api ownerApi = as(acc.ownerEmail());
        assertEquals(200, staff().patch("accounts/" + acc.id(), Map.of("requireTwoFactor", true)).status(), "staff set it per account");
        setUpOtp(user.email());
        assertTrue(adminApi.get("contacts/" + user.contactId()).body().get("twoFactor").asBoolean());

        ApiResponse byUser = colleagueApi.delete("contacts/" + user.contactId() + "/login/two-factor");
        assertEquals(403, byUser.status(), byUser.toString());
        ApiResponse byOtherAccount = as(other.ownerEmail()).delete("contacts/" + user.contactId() + "/login/two-factor");
        assertEquals(404, byOtherAccount.status(), byOtherAccount.toString());
        assertEquals("contact_not_found", byOtherAccount.code());
        ApiResponse adminOnOwner = adminApi.delete("contacts/" + acc.ownerContactId() + "/login/two-factor");
        assertEquals(403, adminOnOwner.status(), "S-ROL-1: not above one's own role");
        assertTrue(adminApi.get("contacts/" + user.contactId()).body().get("twoFactor").asBoolean(), "refusals changed nothing");

        ApiResponse reset = adminApi.delete("contacts/" + user.contactId() + "/login/two-factor");
        assertEquals(204, reset.status(), reset.toString());
        assertFalse(adminApi.get("contacts/" + user.contactId()).body().get("twoFactor").asBoolean());
        assertTrue(ownerApi.get("contacts/" + user.contactId() + "/activity").raw().contains("twoFactorReset"), "audited");

        // with the policy on, the next login sets a second factor up again
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(user.email(), PASSWORD);
            b.waitFor("#totp");
            assertFalse(b.url().startsWith(ACC));
        }
    }

    /** Sets up OTP for the user through the browser; returns the raw secret. */
    private String setUpOtp(String email) {
        try (Browser b = Browser.open("de")) {
            b.go(ACC).login(email, PASSWORD);
            b.waitFor("#totp");
            if (!b.has("#kc-totp-secret-key")) {
                b.click("#mode-manual");
            }
            String secret = new String(Base32.decode(b.find("#kc-totp-secret-key").getText().replace(" ", "")), StandardCharsets.UTF_8);
            b.type("#totp", totp.generateTOTP(secret));
            b.click("#saveTOTPBtn");
            b.waitFor(".acc-h1");
            return secret;
        }
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static void waitForNextTimeStep() throws InterruptedException {
        long now = System.currentTimeMillis();
        long next = (now / 30_000 + 1) * 30_000;
        Thread.sleep(next - now + 1_000);
    }

    /** The status of a password grant (waits out Keycloak's "another sign-in in progress", see LoginsInProgress). */
    private static int passwordGrantStatus(String email) {
        return LoginsInProgress.waitingOutOthers(LoginsInProgress.SUITE, REALM, email,
                () -> Api.rawPasswordGrant(REALM, TerminalRealmConfig.TEST_CLIENT, email, PASSWORD)).response().status();
    }
}
