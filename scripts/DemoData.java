import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data for ./run.sh, through the public APIs: points the terminal realm's SMTP at the demo mailbox (if it has
 * none), creates the account "Demo GmbH" with its Owner (staff API) unless it exists, and gives the Owner a known
 * password. Run with: java scripts/DemoData.java <keycloak url> <admin user> <admin password> <smtp port>
 * Prints the lines for the banner.
 */
public class DemoData {

    static final String DOMAIN = "demo.example";
    static final String OWNER = "owner@" + DOMAIN;
    static final String OWNER_PASSWORD = "Demo-Owner-2026";
    static final String STAFF = "staff@provider.example";
    static final String STAFF_PASSWORD = "Demo-Staff-2026";
    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = token(base, args[1], args[2]);
        String realm = base + "/admin/realms/terminal";

        String realmJson = send("GET", realm, token, null);
        // no SMTP yet, or the demo mailbox of an earlier run (TERMINAL_SMTP_PORT may have changed since)
        if (!realmJson.contains("\"smtpServer\":{\"") || realmJson.contains("\"host\":\"127.0.0.1\"")) {
            send("PUT", realm, token, "{\"smtpServer\":{\"host\":\"127.0.0.1\",\"port\":\"" + args[3] + "\",\"from\":\"terminal@" + DOMAIN
                    + "\",\"fromDisplayName\":\"Terminal\"}}");
        }

        String found = send("GET", realm + "/acc/accounts?search=" + DOMAIN, token, null);
        if (found.contains("\"total\":0")) {
            send("POST", realm + "/acc/accounts", token, """
                    {"name": "Demo GmbH", "type": "BUSINESS", "domains": ["demo.example"], "customerNumber": "K-10001",
                     "owner": {"firstName": "Olivia", "lastName": "Owner", "email": "owner@demo.example", "locale": "de"}}""");
            found = send("GET", realm + "/acc/accounts?search=" + DOMAIN, token, null);
            String accountId = first(found, "\"id\":\"([^\"]+)\"");
            for (String[] c : new String[][] {{"Max", "Mustermann", "max.mustermann"}, {"Erika", "Beispiel", "erika.beispiel"}}) {
                send("POST", realm + "/acc/accounts/" + accountId + "/contacts", token,
                        "{\"firstName\":\"" + c[0] + "\",\"lastName\":\"" + c[1] + "\",\"email\":\"" + c[2] + "@" + DOMAIN + "\"}");
            }
            String users = send("GET", realm + "/users?exact=true&username=" + URLEncoder.encode(OWNER, StandardCharsets.UTF_8), token, null);
            String userId = first(users, "\"id\":\"([^\"]+)\"");
            send("PUT", realm + "/users/" + userId + "/reset-password", token,
                    "{\"type\":\"password\",\"value\":\"" + OWNER_PASSWORD + "\",\"temporary\":false}");
            send("PUT", realm + "/users/" + userId, token, "{\"requiredActions\":[]}");
        }
        // a provider employee for the staff area: a realm user with the role terminal-staff, no customer account
        String staffQuery = realm + "/users?exact=true&username=" + URLEncoder.encode(STAFF, StandardCharsets.UTF_8);
        if (send("GET", staffQuery, token, null).strip().equals("[]")) {
            send("POST", realm + "/users", token, "{\"username\":\"" + STAFF + "\",\"email\":\"" + STAFF + "\",\"emailVerified\":true,"
                    + "\"firstName\":\"Sam\",\"lastName\":\"Support\",\"enabled\":true,\"attributes\":{\"locale\":[\"de\"]}}");
            String staffId = first(send("GET", staffQuery, token, null), "\"id\":\"([^\"]+)\"");
            send("PUT", realm + "/users/" + staffId + "/reset-password", token,
                    "{\"type\":\"password\",\"value\":\"" + STAFF_PASSWORD + "\",\"temporary\":false}");
            String role = send("GET", realm + "/roles/terminal-staff", token, null);
            send("POST", realm + "/users/" + staffId + "/role-mappings/realm", token, "[" + role + "]");
        }
        System.out.println("  Demo account            Demo GmbH (demo.example)");
        System.out.println("  Demo Owner              " + OWNER + " / " + OWNER_PASSWORD);
        System.out.println("  Demo staff              " + STAFF + " / " + STAFF_PASSWORD + "  (staff area: " + base + "/realms/terminal/acc/staff/accounts)");
    }

    static String token(String base, String user, String password) throws Exception {
        String body = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("Admin login failed: " + r.statusCode() + " " + r.body());
        }
        return first(r.body(), "\"access_token\":\"([^\"]+)\"");
    }

    static String send(String method, String url, String token, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + url + " failed: " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("Not found: " + regex + " in " + text);
        }
        return m.group(1);
    }
}
