package com.terminalacc.it.support;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

import org.keycloak.testframework.config.Config;

/**
 * Why Keycloak refused a password grant that should have worked (issue 13).
 *
 * <p>Keycloak 26.7's default brute-force protector ({@code DefaultBlockingBruteForceProtector}, option
 * {@code allow-concurrent-requests=false}) refuses a user's sign-in while another sign-in of the same user is in progress
 * on the node, and a sign-in stays "in progress" until its brute-force bookkeeping, which runs on an executor after the
 * response, has finished. So a client that signs the same user in again right after a successful sign-in can be refused
 * like a wrong password: {@code invalid_grant}, event {@code LOGIN_ERROR} with error {@code user_temporarily_disabled},
 * and no failure counted. Measured with sequential grants from 10 parallel clients (3,186 grants): 7 refused with the
 * default, 0 of 3,200 with {@code allow-concurrent-requests=true}. The suite keeps the production default; a grant
 * refused this way is tried again after a short wait, as a well-behaved client does.
 */
public final class LoginsInProgress {

    /** Waits between attempts: 0.1, 0.2, … 1 s, then 1 s; about 30 s in all. */
    static final int MAX_ATTEMPTS = 35;

    /** A Keycloak to ask: its base URL and a master-realm admin token. */
    public record Server(String base, Supplier<String> adminToken) {
    }

    /** The test framework's Keycloak, with its bootstrap admin client. */
    public static final Server SUITE = new Server(Api.BASE,
            () -> Api.clientToken("master", Config.getAdminClientId(), Config.getAdminClientSecret()));

    private LoginsInProgress() {
    }

    /**
     * A password grant ({@code attempt}) that must succeed: tried again after a short wait while Keycloak refuses it only
     * because another sign-in of the user is in progress; any other refusal fails with the user's brute-force status and
     * sign-in events.
     */
    public static JsonNode grant(Server server, String realm, String username, Supplier<ApiResponse> attempt) {
        Tried tried = waitingOutOthers(server, realm, username, attempt);
        if (tried.response().status() != 200) {
            throw new IllegalStateException("No token for " + username + " (attempt " + tried.attempts() + "): " + tried.response()
                    + diagnosis(server, realm, username));
        }
        return tried.response().body();
    }

    /** The last answer to a sign-in attempt and how many attempts it took. */
    public record Tried(ApiResponse response, int attempts) {
    }

    /**
     * Makes the sign-in attempt, and again after a short wait while Keycloak refuses it only because another sign-in of
     * the user is in progress; returns the first other answer, whatever it is.
     */
    public static Tried waitingOutOthers(Server server, String realm, String username, Supplier<ApiResponse> attempt) {
        for (int n = 1; ; n++) {
            ApiResponse r = attempt.get();
            if (r.status() != 400 || !"invalid_grant".equals(r.text("error")) || !waitedOut(server, realm, username, n)) {
                return new Tried(r, n);
            }
        }
    }

    /**
     * After the {@code attempt}-th sign-in of the user was refused: true (after a short wait) when it should be tried
     * again because Keycloak refused it only while another sign-in was in progress; false for any other refusal.
     */
    public static boolean waitedOut(Server server, String realm, String username, int attempt) {
        if (attempt >= MAX_ATTEMPTS || !refusedWhileAnotherWasInProgress(server, realm, username)) {
            return false;
        }
        System.out.println("[LoginsInProgress] " + username + ": refused while another sign-in was in progress, attempt " + attempt);
        sleep(Math.min(1000, 100L * attempt));
        return true;
    }

    /**
     * True when the latest refusal of this user's sign-in was Keycloak's "another sign-in in progress": the user's last
     * LOGIN_ERROR is {@code user_temporarily_disabled} while its brute-force record holds no failure and no lock.
     */
    public static boolean refusedWhileAnotherWasInProgress(Server server, String realm, String username) {
        Admin admin = new Admin(server, realm);
        String userId = admin.userId(username);
        if (userId == null) {
            return false;
        }
        JsonNode status = admin.get("/attack-detection/brute-force/users/" + userId);
        if (status.path("numFailures").asInt(-1) != 0 || status.path("failedLoginNotBefore").asLong(-1) != 0
                || status.path("disabled").asBoolean(true)) {
            return false;
        }
        // the event is stored when the refused request completes; give it a moment to be visible
        for (int i = 0; i < 10; i++) {
            JsonNode events = admin.get("/events?type=LOGIN_ERROR&user=" + userId + "&max=1");
            if (events.isArray() && !events.isEmpty()) {
                return "user_temporarily_disabled".equals(events.get(0).path("error").asText());
            }
            sleep(100);
        }
        return false;
    }

    /** The user's brute-force status and latest sign-in events, for the message of a refused grant. */
    public static String diagnosis(Server server, String realm, String username) {
        try {
            Admin admin = new Admin(server, realm);
            String userId = admin.userId(username);
            if (userId == null) {
                return "\nno user " + username + " in realm " + realm;
            }
            StringBuilder why = new StringBuilder("\nbrute force status: ").append(admin.get("/attack-detection/brute-force/users/" + userId));
            for (JsonNode ev : admin.get("/events?user=" + userId + "&max=20")) {
                why.append("\nevent ").append(ev.path("time").asLong()).append(' ').append(ev.path("type").asText()).append(' ')
                        .append(ev.path("clientId").asText()).append(' ').append(ev.path("error").asText()).append(' ')
                        .append(ev.path("details"));
            }
            return why.toString();
        } catch (RuntimeException e) {
            return "\n(no diagnosis: " + e + ")";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak's admin REST API of one realm. */
    private static final class Admin {
        private final String base;
        private final String token;

        Admin(Server server, String realm) {
            this.base = server.base() + "/admin/realms/" + realm;
            this.token = server.adminToken().get();
        }

        String userId(String username) {
            String q = URLEncoder.encode(username, StandardCharsets.UTF_8);
            JsonNode users = get("/users?exact=true&briefRepresentation=true&username=" + q);
            if (!users.isArray() || users.isEmpty()) {
                users = get("/users?exact=true&briefRepresentation=true&email=" + q);
            }
            return users.isArray() && users.size() == 1 ? users.get(0).path("id").asText() : null;
        }

        JsonNode get(String path) {
            ApiResponse r = Api.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET());
            if (r.status() != 200) {
                throw new IllegalStateException("GET " + path + ": " + r);
            }
            return r.body();
        }
    }
}
