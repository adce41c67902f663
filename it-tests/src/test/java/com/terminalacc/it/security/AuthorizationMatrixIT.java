package com.terminalacc.it.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.BrowserFlow;
import com.terminalacc.it.support.TerminalRealmConfig;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The authorization matrix (S-ROL-1…5, S-CLD-4/7/9, S-STF-1, S-ISO-1, S-ISO-2): every route of the customer API, the
 * staff API, the app API and every page action (the rows of {@code authorization-matrix.txt}, whose completeness
 * {@code RouteTableTest} checks against the resource classes) × every kind of caller × targets of the caller's own
 * account, a partner's, another account's and ids that do not exist. The expected status of each case is in the file;
 * the test prints the figures and fails on any unexpected outcome — in particular on any unexpected allow, and on any
 * foreign id that answers differently from an id that does not exist.
 *
 * <p>The world: account A (Owner, Admin, User, a User who is Cloud-Member and one who is Cloud-Admin of A's cloud X);
 * X is shared with the partner B (Owner, Admin) and with a second partner C, each with a member in X; a third account D
 * with its Owner; provider staff; a staff member's token of another client; a service account without
 * {@code terminal-app}; the application {@code terminal-backend}. Cases that change something and are expected to be
 * allowed get a target of their own, so that no case depends on another.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class AuthorizationMatrixIT extends AbstractTerminalIT {

    static final String MATRIX = "/authorization-matrix.txt";

    /** The callers, in the column order of the matrix file. */
    enum Actor {
        ANON, USER, ADMIN, OWNER, CMEMBER, CADMIN, POWNER, PADMIN, THIRD, STAFF, STAFFX, SVC, APP
    }

    /** Whose object a case is about. */
    enum Target {
        NONE("-"), OWN("own"), PARTNER("partner"), OTHER("other"), MISSING("none");

        final String key;

        Target(String key) {
            this.key = key;
        }

        static Target of(String key) {
            for (Target t : values()) {
                if (t.key.equals(key)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("unknown target " + key);
        }
    }

    // ---- the world

    TestAccount a;
    TestAccount b;
    TestAccount c;
    TestAccount d;
    final Map<Actor, String> emails = new EnumMap<>(Actor.class);
    final Map<Actor, TestAccount> accounts = new EnumMap<>(Actor.class);
    final Map<Actor, BrowserFlow> pages = new EnumMap<>(Actor.class);
    TestUser cmember;
    TestUser cadmin;
    TestUser pb;
    TestUser pc;
    String cloudX;
    String cloudX2;
    String cloudB;
    String cloudC;
    String svcSecret;

    private void build() {
        a = newBusinessAccount();
        b = newBusinessAccount();
        c = newBusinessAccount();
        d = newBusinessAccount();
        TestUser user = newUser(a, "user");
        TestUser admin = newUser(a, "admin");
        cmember = newUser(a, "user");
        cadmin = newUser(a, "user", "clouds", "clouds:move-products");
        TestUser padmin = newUser(b, "admin");
        pb = newUser(b, "user");
        pc = newUser(c, "user");
        Api owner = as(a.ownerEmail());
        cloudX = newCloud(owner, "X");
        cloudX2 = newCloud(owner, "X2");
        for (String cl : List.of(cloudX, cloudX2)) {
            ok(owner.post("clouds/" + cl + "/members", Map.of("contactId", cadmin.contactId(), "type", "ADMIN")));
        }
        ok(owner.post("clouds/" + cloudX + "/members", Map.of("contactId", cmember.contactId())));
        shareAccepted(owner, cloudX, b, pb);
        shareAccepted(owner, cloudX, c, pc);
        cloudB = newCloud(as(b.ownerEmail()), "BX");
        cloudC = newCloud(as(c.ownerEmail()), "CX");

        put(Actor.USER, user.email(), a);
        put(Actor.ADMIN, admin.email(), a);
        put(Actor.OWNER, a.ownerEmail(), a);
        put(Actor.CMEMBER, cmember.email(), a);
        put(Actor.CADMIN, cadmin.email(), a);
        put(Actor.POWNER, b.ownerEmail(), b);
        put(Actor.PADMIN, padmin.email(), b);
        put(Actor.THIRD, d.ownerEmail(), d);
        String staff = newStaffUser();
        emails.put(Actor.STAFF, staff);
        suppliers.put(Actor.STAFF, () -> Api.passwordGrant(REALM, TerminalRealmConfig.STAFF_CLIENT, staff, PASSWORD).get("access_token").asText());
        suppliers.put(Actor.STAFFX, () -> Api.passwordToken(REALM, staff, PASSWORD));
        String svc = serviceAccountWithoutAppRole();
        suppliers.put(Actor.SVC, () -> Api.clientToken(REALM, svc, "matrix-secret"));
        String backend = realm.admin().clients().findByClientId("terminal-backend").get(0).getId();
        String backendSecret = realm.admin().clients().get(backend).getSecret().getValue();
        suppliers.put(Actor.APP, () -> Api.clientToken(REALM, "terminal-backend", backendSecret));
        for (Actor actor : List.of(Actor.USER, Actor.ADMIN, Actor.OWNER, Actor.CMEMBER, Actor.CADMIN, Actor.POWNER, Actor.PADMIN,
                Actor.THIRD, Actor.STAFF)) {
            BrowserFlow flow = new BrowserFlow(REALM, "en").go(ACC + "/").login(emails.get(actor), PASSWORD);
            assertTrue(flow.status() == 200, actor + " signs in to the ACC: " + flow.text());
            pages.put(actor, flow);
        }
    }

    static final String ACC = Api.BASE + "/realms/" + REALM + "/acc";

    private void put(Actor actor, String email, TestAccount account) {
        emails.put(actor, email);
        accounts.put(actor, account);
        suppliers.put(actor, () -> Api.passwordToken(REALM, email, PASSWORD));
    }

    // ---- tokens: fetched once and renewed before they expire (access tokens live 5 minutes; the run takes longer,
    // and a password grant per request would trip Keycloak's brute-force quick-login check)

    private final Map<Actor, java.util.function.Supplier<String>> suppliers = new EnumMap<>(Actor.class);
    private final Map<String, String> tokenCache = new LinkedHashMap<>();
    private final Map<String, Long> tokenTime = new LinkedHashMap<>();

    private String cached(String key, java.util.function.Supplier<String> fetch) {
        Long at = tokenTime.get(key);
        if (at == null || System.currentTimeMillis() - at > 200_000) {
            tokenCache.put(key, fetch.get());
            tokenTime.put(key, System.currentTimeMillis());
        }
        return tokenCache.get(key);
    }

    private String token(Actor actor) {
        java.util.function.Supplier<String> fetch = suppliers.get(actor);
        return fetch == null ? null : cached("actor/" + actor, fetch);
    }

    /** The customer API as the given user, with a cached token. */
    @Override
    protected Api as(String email) {
        return Api.customer(REALM, () -> cached("user/" + email, () -> Api.passwordToken(REALM, email, PASSWORD)));
    }

    @Override
    protected Api app() {
        return new Api(Api.BASE + "/realms/" + REALM + "/acc/app", () -> token(Actor.APP));
    }

    /** A client with a service account but without the role terminal-app; returns its client id. */
    private String serviceAccountWithoutAppRole() {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId("matrix-svc-" + uid());
        client.setSecret("matrix-secret");
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setEnabled(true);
        realm.admin().clients().create(client).close();
        return client.getClientId();
    }

    private void shareAccepted(Api owner, String cloud, TestAccount partner, TestUser member) {
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true)).text("id");
        ok(as(partner.ownerEmail()).post("shares/" + share + "/accept", ""));
        if (member != null) {
            ok(as(partner.ownerEmail()).post("clouds/" + cloud + "/members", Map.of("contactId", member.contactId())));
        }
    }

    private static ApiResponse ok(ApiResponse r) {
        assertTrue(r.status() / 100 == 2, r.toString());
        return r;
    }

    private TestAccount of(Target t) {
        return switch (t) {
            case OWN -> a;
            case PARTNER -> b;
            case OTHER -> c;
            default -> null;
        };
    }

    private static String missing() {
        return UUID.randomUUID().toString();
    }

    // ---- targets: ids of the given kind for own / partner / other / none; "fresh" when a change is expected

    /** A plain contact (no login). */
    String plain(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        TestAccount acc = of(t);
        return ok(as(acc.ownerEmail()).post("contacts", contact("Plain", "Contact", acc.email("plain-" + uid())))).text("id");
    }

    /** A contact whose login is active with role User and whose onboarding is pending (never signed in). */
    String userContact(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        TestAccount acc = of(t);
        Api owner = as(acc.ownerEmail());
        String id = ok(owner.post("contacts", contact("Login", "User", acc.email("login-" + uid())))).text("id");
        ok(owner.post("contacts/" + id + "/login", Map.of("role", "user")));
        return id;
    }

    /** X (A's, shared with B and C), B's own cloud, C's own cloud; a fresh copy of X for a deletion. */
    String cloud(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        if (t == Target.OWN && fresh) {
            Api owner = as(a.ownerEmail());
            String cl = newCloud(owner, "Fresh " + uid());
            ok(owner.post("clouds/" + cl + "/members", Map.of("contactId", cadmin.contactId(), "type", "ADMIN")));
            ok(owner.post("clouds/" + cl + "/members", Map.of("contactId", cmember.contactId())));
            shareAccepted(owner, cl, b, null);
            return cl;
        }
        if (fresh) {
            TestAccount acc = of(t);
            return newCloud(as(acc.ownerEmail()), "Fresh " + uid());
        }
        return switch (t) {
            case OWN -> cloudX;
            case PARTNER -> cloudB;
            default -> cloudC;
        };
    }

    /** A member of X: A's Cloud-Member, B's partner member, C's partner member (fresh ones for a removal). */
    String member(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        if (!fresh) {
            return switch (t) {
                case OWN -> cmember.contactId();
                case PARTNER -> pb.contactId();
                default -> pc.contactId();
            };
        }
        TestAccount acc = of(t);
        TestUser u = newUser(acc, "user");
        Api adder = t == Target.OWN ? as(a.ownerEmail()) : as(acc.ownerEmail());
        ok(adder.post("clouds/" + cloudX + "/members", Map.of("contactId", u.contactId())));
        return u.contactId();
    }

    /** A share of X with B, of B's cloud with C, of C's cloud with D; a share of X with a new partner when fresh. */
    String cloudShare(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        if (t == Target.OWN) {
            return fresh ? ok(as(a.ownerEmail()).post("clouds/" + cloudX + "/shares", Map.of("partnerDomain", newBusinessAccount().domain()))).text("id")
                    : as(a.ownerEmail()).get("clouds/" + cloudX + "/shares").text("items/0/id");
        }
        TestAccount acc = of(t);
        TestAccount partner = t == Target.PARTNER ? c : d;
        String cl = newCloud(as(acc.ownerEmail()), "Shared " + uid());
        return ok(as(acc.ownerEmail()).post("clouds/" + cl + "/shares", Map.of("partnerDomain", partner.domain()))).text("id");
    }

    /** A pending share offered to A (by B), to B (by A), to C (by B). */
    String offeredShare(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        TestAccount from = t == Target.PARTNER ? a : b;
        TestAccount to = of(t);
        String cl = newCloud(as(from.ownerEmail()), "Offer " + uid());
        return ok(as(from.ownerEmail()).post("clouds/" + cl + "/shares", Map.of("partnerDomain", to.domain()))).text("id");
    }

    /** A product registered in X, in B's cloud, in C's cloud. */
    String product(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return "missing-" + uid();
        }
        String id = "prod-" + uid();
        ok(app().put("products/" + id, Map.of("name", "Server " + id, "type", "vm", "cloudId", cloud(t, false))));
        return id;
    }

    /** A pending owner request of A, B, C. */
    String ownerRequest(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        TestAccount acc = of(t);
        return ok(as(acc.ownerEmail()).post("owner-requests", Map.of("contactId", plain(t, true), "reason", "matrix"))).text("id");
    }

    /** A, B, C themselves (staff API); a fresh account for a deletion. */
    String account(Target t, boolean fresh) {
        if (t == Target.MISSING) {
            return missing();
        }
        if (fresh) {
            TestAccount created = newBusinessAccount();
            domains.put(created.id(), created.domain());
            return created.id();
        }
        return of(t).id();
    }

    private final Map<String, String> domains = new LinkedHashMap<>();

    /** The organisation domain of an account the matrix made or knows. */
    private String domainOf(String accountId) {
        for (TestAccount acc : List.of(a, b, c, d)) {
            if (acc.id().equals(accountId)) {
                return acc.domain();
            }
        }
        return domains.getOrDefault(accountId, "unknown-" + uid() + ".test");
    }

    // ---- the routes: how to call each, with what target and body

    /** What a case needs besides its route: the caller and the target id. */
    record Call(Actor actor, Target target, String id, boolean fresh) {
    }

    /** How one route is called. {@code kind} resolves its {@code {…}} target; {@code body} makes the body. */
    record Route(String key, Kind kind, Function<Call, String> path, Function<Call, Object> body) {
        boolean mutating() {
            return !key.startsWith("GET ");
        }

        boolean page() {
            return key.startsWith("GET /realms/{realm}/acc") && !key.contains("/acc/api") && !key.contains("/acc/app")
                    || key.startsWith("POST /realms/{realm}/acc") && !key.contains("/acc/api") && !key.contains("/acc/app");
        }
    }

    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** A kind of target: how to get an id of it for own / partner / other / none; ids are reused unless fresh. */
    record Kind(String name, BiFunction<Target, Boolean, String> make) {
    }

    private final Map<String, String> reused = new LinkedHashMap<>();

    private String resolve(Kind kind, Target target, boolean fresh) {
        if (kind == null) {
            return null;
        }
        if (fresh) {
            return kind.make().apply(target, true);
        }
        return reused.computeIfAbsent(kind.name() + "/" + target.key, k -> kind.make().apply(target, false));
    }

    private void route(String key, Kind kind, Function<Call, Object> body) {
        String template = key.substring(key.indexOf(' ') + 1).replace("{realm}", REALM);
        routes.put(key, new Route(key, kind, call -> fill(template, call), body));
    }

    private void route(String key, Kind kind) {
        route(key, kind, call -> null);
    }

    /**
     * Puts the target into the route's target parameter and the world's fixed objects into the others: the cloud X of
     * a member, share or product route, the account A of a staff contact route. Query parameters of the app API name
     * A's Cloud-Member and X.
     */
    private String fill(String template, Call call) {
        String path = template;
        if (path.contains("/clouds/{id}/") && (path.contains("{contactId}") || path.contains("{shareId}") || path.contains("{productId}"))) {
            path = path.replace("/clouds/{id}/", "/clouds/" + cloudX + "/");
        }
        if (path.contains("/accounts/{id}/contacts")) {
            path = path.replaceFirst("/accounts/\\{id}/", "/accounts/" + a.id() + "/");
        }
        path = path.replace("{domain}", ABSENT_DOMAIN); // the verification routes: a domain the account does not have
        path = path.replaceFirst("\\{[a-zA-Z]+}", call.id() == null ? "" : call.id());
        if (path.endsWith("/acc/app/check")) {
            path += "?userId=" + cmember.userId() + "&cloudId=" + cloudX + "&action=read";
        }
        if (path.endsWith("/acc/app/permissions")) {
            path += "?userId=" + cmember.userId();
        }
        return Api.BASE + path;
    }

    private static final String ABSENT_DOMAIN = "absent-domain.test";

    private Map<String, Object> contactBody(Call call) {
        TestAccount acc = accounts.getOrDefault(call.actor(), a);
        return contact("Matrix", "Person", acc.email("m-" + uid()));
    }

    /**
     * A contact of the caller's own account that is an active user and no member of X yet (for adding members): a new
     * one when the case is expected to be allowed, else one kept for refusals.
     */
    private String newMemberCandidate(Call call) {
        TestAccount acc = accounts.getOrDefault(call.actor(), a);
        if (call.fresh()) {
            return newUser(acc, "user").contactId();
        }
        return reused.computeIfAbsent("candidate/" + acc.id(), k -> newUser(acc, "user").contactId());
    }

    /** The domain of a partner to share with: a new business account when the case is expected to be allowed. */
    private String partnerDomain(Call call) {
        return call.fresh() ? newBusinessAccount().domain() : d.domain();
    }

    private void defineRoutes() {
        String api = "/realms/{realm}/acc/api";
        String staff = "/admin/realms/{realm}/acc";
        String app = "/realms/{realm}/acc/app";
        String acc = "/realms/{realm}/acc";
        Kind none = null;
        Kind plain = new Kind("plain", this::plain);
        Kind user = new Kind("user", this::userContact);
        Kind cloud = new Kind("cloud", this::cloud);
        Kind member = new Kind("member", this::member);
        Kind cloudShare = new Kind("cloudShare", this::cloudShare);
        Kind offered = new Kind("offered", this::offeredShare);
        Kind product = new Kind("product", this::product);
        Kind request = new Kind("request", this::ownerRequest);
        Kind account = new Kind("account", this::account);

        // customer API
        route("GET " + api + "/me", none);
        route("GET " + api + "/account", none);
        route("PATCH " + api + "/account", none, call -> Map.of("type", "BUSINESS"));
        route("POST " + api + "/account/domains/{domain}/verify", none);
        route("GET " + api + "/modules", none);
        route("GET " + api + "/openapi.json", none); // public (S-APP-2)
        route("GET " + api + "/contacts", none);
        route("POST " + api + "/contacts", none, this::contactBody);
        route("GET " + api + "/contacts/{id}", plain);
        route("PATCH " + api + "/contacts/{id}", plain, call -> Map.of("phone", "+49 30 1"));
        route("DELETE " + api + "/contacts/{id}", plain);
        route("POST " + api + "/contacts/{id}/login", plain, call -> Map.of("role", "user"));
        route("DELETE " + api + "/contacts/{id}/login", user);
        route("PUT " + api + "/contacts/{id}/login/role", user, call -> Map.of("role", "user"));
        route("PUT " + api + "/contacts/{id}/login/modules", user, call -> Map.of("modules", List.of()));
        route("PUT " + api + "/contacts/{id}/login/password", user, call -> Map.of("password", "Matrix-Pass-2026x", "temporary", true));
        route("POST " + api + "/contacts/{id}/login/onboarding", user);
        route("DELETE " + api + "/contacts/{id}/login/two-factor", user);
        route("GET " + api + "/contacts/{id}/activity", plain);
        route("GET " + api + "/clouds", none);
        route("POST " + api + "/clouds", none, call -> Map.of("name", "M " + uid()));
        route("GET " + api + "/clouds/{id}", cloud);
        route("PATCH " + api + "/clouds/{id}", cloud, call -> Map.of("description", "matrix"));
        route("DELETE " + api + "/clouds/{id}", cloud);
        route("GET " + api + "/clouds/{id}/members", cloud);
        route("POST " + api + "/clouds/{id}/members", cloud, call -> Map.of("contactId", newMemberCandidate(call)));
        route("PATCH " + api + "/clouds/{id}/members/{contactId}", member, call -> Map.of("write", false));
        route("DELETE " + api + "/clouds/{id}/members/{contactId}", member);
        route("GET " + api + "/clouds/{id}/products", cloud);
        route("GET " + api + "/clouds/{id}/shares", cloud);
        route("POST " + api + "/clouds/{id}/shares", cloud, call -> Map.of("partnerDomain", partnerDomain(call)));
        route("PATCH " + api + "/clouds/{id}/shares/{shareId}", cloudShare, call -> Map.of("write", true));
        route("DELETE " + api + "/clouds/{id}/shares/{shareId}", cloudShare);
        route("GET " + api + "/shares", none);
        route("POST " + api + "/shares/{id}/accept", offered);
        route("POST " + api + "/shares/{id}/decline", offered);
        route("DELETE " + api + "/shares/{id}", offered);
        route("POST " + api + "/products/{id}/move", product, call -> Map.of("cloudId", cloudX2));
        route("POST " + api + "/owner-requests", none, call -> Map.of("contactId", ownRequestable(call), "reason", "matrix"));
        route("GET " + api + "/owner-requests", none);
        route("GET " + api + "/owner-requests/{id}", request);

        // staff API
        route("GET " + staff + "/accounts", none);
        route("POST " + staff + "/accounts", none, call -> newAccountBody());
        route("GET " + staff + "/accounts/{id}", account);
        route("PATCH " + staff + "/accounts/{id}", account, call -> Map.of("allowExternalEmails", false));
        route("DELETE " + staff + "/accounts/{id}", account);
        route("POST " + staff + "/accounts/{id}/domains/{domain}/verify", account);
        route("GET " + staff + "/accounts/{id}/activity", account);
        route("GET " + staff + "/accounts/{id}/contacts", none);
        route("POST " + staff + "/accounts/{id}/contacts", none, call -> contact("Matrix", "Staff", a.email("ms-" + uid())));
        route("GET " + staff + "/accounts/{id}/contacts/{id}", plain);
        route("PATCH " + staff + "/accounts/{id}/contacts/{id}", plain, call -> Map.of("phone", "+49 30 2"));
        route("DELETE " + staff + "/accounts/{id}/contacts/{id}", plain);
        route("POST " + staff + "/accounts/{id}/contacts/{id}/login", plain, call -> Map.of("role", "user"));
        route("DELETE " + staff + "/accounts/{id}/contacts/{id}/login", user);
        route("PUT " + staff + "/accounts/{id}/contacts/{id}/login/role", user, call -> Map.of("role", "user"));
        route("PUT " + staff + "/accounts/{id}/contacts/{id}/login/modules", user, call -> Map.of("modules", List.of()));
        route("PUT " + staff + "/accounts/{id}/contacts/{id}/login/password", user, call -> Map.of("password", "Matrix-Pass-2026x", "temporary", true));
        route("POST " + staff + "/accounts/{id}/contacts/{id}/login/onboarding", user);
        route("DELETE " + staff + "/accounts/{id}/contacts/{id}/login/two-factor", user);
        route("GET " + staff + "/accounts/{id}/contacts/{id}/activity", plain);
        route("GET " + staff + "/accounts/{id}/clouds", account);
        route("GET " + staff + "/clouds/{cloudId}", cloud);
        route("GET " + staff + "/clouds/{cloudId}/members", cloud);
        route("GET " + staff + "/owner-requests", none);
        route("GET " + staff + "/owner-requests/{id}", request);
        route("POST " + staff + "/owner-requests/{id}/approve", request);
        route("POST " + staff + "/owner-requests/{id}/reject", request, call -> Map.of("reason", "matrix"));

        // app API
        route("POST " + app + "/check", none, call -> Map.of("userId", cmember.userId(), "checks", List.of(Map.of("cloudId", cloudX, "action", "read"))));
        route("GET " + app + "/check", none);
        route("GET " + app + "/permissions", none);
        // AuthZEN (S-APP-1): the same question as the check API, in the standard's shape
        route("POST " + app + "/access/v1/evaluation", none, call -> Map.of("subject", Map.of("type", "user", "id", cmember.userId()),
                "resource", Map.of("type", "cloud", "id", cloudX), "action", Map.of("name", "read")));
        route("POST " + app + "/access/v1/evaluations", none, call -> Map.of("subject", Map.of("type", "user", "id", cmember.userId()),
                "evaluations", List.of(Map.of("resource", Map.of("type", "cloud", "id", cloudX), "action", Map.of("name", "read")))));
        route("GET " + app + "/products", none);
        route("GET " + app + "/products/{id}", product);
        route("PUT " + app + "/products/{id}", product, call -> Map.of("name", "Renamed", "type", "vm",
                "cloudId", call.target() == Target.PARTNER ? cloudB : call.target() == Target.OTHER ? cloudC : cloudX));
        route("DELETE " + app + "/products/{id}", product);

        // pages (form bodies; the CSRF token of the caller's session is added)
        route("GET " + acc, none);
        // the language switch; an unsupported language changes nothing, so the other rows see the same pages
        route("POST " + acc + "/language", none, call -> Map.of("locale", "xx", "back", "contacts"));
        route("GET " + acc + "/contacts", none);
        route("GET " + acc + "/contacts/new", none);
        route("POST " + acc + "/contacts/new", none, call -> form(contactBody(call)));
        route("GET " + acc + "/contacts/{id}", plain);
        route("GET " + acc + "/contacts/{id}/edit", plain);
        route("POST " + acc + "/contacts/{id}/edit", plain, call -> Map.of("firstName", "Matrix", "lastName", "Edited", "phone", "+49 1"));
        route("POST " + acc + "/contacts/{id}/delete", plain, call -> Map.of());
        route("GET " + acc + "/contacts/{id}/activate", plain);
        route("POST " + acc + "/contacts/{id}/activate", plain, call -> Map.of("step", "summary", "action", "confirm", "role", "user"));
        route("POST " + acc + "/contacts/{id}/role", user, call -> Map.of("role", "user"));
        route("POST " + acc + "/contacts/{id}/modules", user, call -> Map.of());
        route("POST " + acc + "/contacts/{id}/password", user, call -> Map.of("password", "Matrix-Pass-2026x", "passwordConfirm", "Matrix-Pass-2026x"));
        route("POST " + acc + "/contacts/{id}/deactivate", user, call -> Map.of());
        route("POST " + acc + "/contacts/{id}/two-factor/reset", user, call -> Map.of());
        route("POST " + acc + "/contacts/{id}/resend", user, call -> Map.of());
        route("GET " + acc + "/account", none);
        route("POST " + acc + "/account/type", none, call -> Map.of());
        route("POST " + acc + "/account/two-factor", none, call -> Map.of());
        route("POST " + acc + "/account/domains", none, call -> Map.of("domains", accounts.getOrDefault(call.actor(), a).domain()));
        route("POST " + acc + "/account/domains/verify", none, call -> Map.of("domain", ABSENT_DOMAIN));
        route("POST " + acc + "/account/owner-requests", none, call -> Map.of("contactId", ownRequestable(call), "reason", "matrix"));
        route("GET " + acc + "/clouds", none);
        route("POST " + acc + "/clouds", none, call -> Map.of("name", "P " + uid(), "icon", "cloud"));
        route("GET " + acc + "/clouds/{id}", cloud);
        route("POST " + acc + "/clouds/{id}/settings", cloud, call -> Map.of("description", "matrix page", "icon", "cloud"));
        route("POST " + acc + "/clouds/{id}/delete", cloud, call -> Map.of());
        route("POST " + acc + "/clouds/{id}/members", cloud, call -> Map.of("contactId", newMemberCandidate(call), "type", "MEMBER"));
        route("POST " + acc + "/clouds/{id}/members/{contactId}", member, call -> Map.of("type", "MEMBER"));
        route("POST " + acc + "/clouds/{id}/members/{contactId}/remove", member, call -> Map.of());
        route("POST " + acc + "/clouds/{id}/products/{productId}/move", product, call -> Map.of("cloudId", cloudX2));
        route("POST " + acc + "/clouds/{id}/shares", cloud, call -> Map.of("partnerDomain", partnerDomain(call)));
        route("POST " + acc + "/clouds/{id}/shares/{shareId}/end", cloudShare, call -> Map.of());
        route("GET " + acc + "/shares", none);
        route("POST " + acc + "/shares/{id}/accept", offered, call -> Map.of());
        route("POST " + acc + "/shares/{id}/decline", offered, call -> Map.of());
        route("POST " + acc + "/shares/{id}/end", offered, call -> Map.of());
        route("GET " + acc + "/staff/accounts", none);
        route("GET " + acc + "/staff/accounts/new", none);
        route("POST " + acc + "/staff/accounts/new", none, call -> staffAccountForm());
        route("GET " + acc + "/staff/accounts/{id}", account);
        route("POST " + acc + "/staff/accounts/{id}", account, call -> Map.of("type", "BUSINESS", "domains", domainOf(call.id()), "accEnabled", "on"));
        route("POST " + acc + "/staff/accounts/{id}/domains/verify", account, call -> Map.of("domain", ABSENT_DOMAIN));
        route("GET " + acc + "/staff/accounts/{id}/contacts/{contactId}", plain);
        route("GET " + acc + "/staff/owner-requests", none);
        route("POST " + acc + "/staff/owner-requests/{id}/approve", request, call -> Map.of());
        route("POST " + acc + "/staff/owner-requests/{id}/reject", request, call -> Map.of("reason", "matrix"));
    }

    /** A plain contact of the caller's own account that may be named in an owner request (new when allowed). */
    private String ownRequestable(Call call) {
        TestAccount acc = accounts.getOrDefault(call.actor(), a);
        if (!call.fresh()) {
            return reused.computeIfAbsent("requestable/" + acc.id(),
                    k -> ok(as(acc.ownerEmail()).post("contacts", contact("Req", "Uest", acc.email("req-" + uid())))).text("id"));
        }
        return ok(as(acc.ownerEmail()).post("contacts", contact("Req", "Uest", acc.email("req-" + uid())))).text("id");
    }

    private Map<String, Object> newAccountBody() {
        String id = uid();
        return Map.of("name", "Matrix " + id, "type", "BUSINESS", "domains", List.of("matrix-" + id + ".test"),
                "owner", contact("Mia", "Matrix", "mia@matrix-" + id + ".test"));
    }

    private Map<String, Object> staffAccountForm() {
        String id = uid();
        return Map.of("name", "Matrix page " + id, "type", "BUSINESS", "domains", "matrixp-" + id + ".test", "accEnabled", "on",
                "firstName", "Mia", "lastName", "Matrix", "email", "mia@matrixp-" + id + ".test");
    }

    private static Map<String, Object> form(Map<String, Object> json) {
        return new LinkedHashMap<>(json);
    }

    // ---- running one case

    record Outcome(int status, String code) {
        boolean allowed() {
            return status / 100 == 2 || status == 303;
        }

        @Override
        public String toString() {
            return status + (code == null ? "" : " " + code);
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Outcome run(Route route, Actor actor, Target target, boolean fresh) throws Exception {
        String id = target == Target.NONE ? null : resolve(route.kind(), target, fresh);
        Call call = new Call(actor, target, id, fresh);
        String method = route.key().substring(0, route.key().indexOf(' '));
        String url = route.path().apply(call);
        if (method.equals("POST") && url.endsWith("/acc/app/check")) {
            url = url.substring(0, url.indexOf('?') < 0 ? url.length() : url.indexOf('?'));
        }
        Object body = route.body().apply(call);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).header("Accept-Language", "en");
        if (route.page()) {
            BrowserFlow session = pages.get(actor);
            if (session != null) {
                request.header("Cookie", session.cookieHeader());
            }
            if (method.equals("POST")) {
                Map<String, String> fields = new LinkedHashMap<>();
                if (session != null) {
                    fields.put("csrf", session.csrf());
                }
                if (body instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> fields.put(String.valueOf(k), String.valueOf(v)));
                }
                request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(Api.form(fields)));
            } else {
                request.GET();
            }
        } else {
            request.header("Accept", "application/json");
            String token = token(actor);
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            request.method(method, method.equals("GET") || method.equals("DELETE") && body == null ? HttpRequest.BodyPublishers.noBody() : publisher);
            if (method.equals("POST") && body == null) {
                request.header("Content-Type", "application/json").method("POST", HttpRequest.BodyPublishers.ofString(""));
            }
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String code = null;
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if (contentType.contains("json") && response.body() != null && !response.body().isBlank()) {
            var json = Api.JSON.readTree(response.body());
            code = json.has("code") ? json.get("code").asText() : json.has("error") ? json.get("error").asText() : null;
        } else if (contentType.contains("html") && response.statusCode() >= 400) {
            code = pageMarker(response.body());
        }
        return new Outcome(response.statusCode(), code);
    }

    /** What a refusal page says, reduced to its kind: the page's heading. */
    private static String pageMarker(String html) {
        int h1 = html.indexOf("<h1");
        if (h1 < 0) {
            return null;
        }
        int start = html.indexOf('>', h1) + 1;
        int end = html.indexOf("</h1>", start);
        return end < 0 ? null : html.substring(start, end).replaceAll("<[^>]+>", "").strip();
    }

    /**
     * The targets of accounts the caller has no relation to: for A's people B's and C's objects, for B's people C's
     * (B sees A's shared cloud X and its members, never C's), for the third account's Owner everything.
     */
    private static List<Target> foreignTo(Actor actor) {
        return switch (actor) {
            case USER, ADMIN, OWNER, CMEMBER, CADMIN -> List.of(Target.PARTNER, Target.OTHER);
            case POWNER, PADMIN -> List.of(Target.OTHER);
            case THIRD -> List.of(Target.OWN, Target.PARTNER, Target.OTHER);
            default -> List.of();
        };
    }

    // ---- the matrix

    /** One row: a route, a target, and per caller the expected status ({@code -}: the caller does not apply). */
    record Row(String route, Target target, Map<Actor, String> expected) {
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream(MATRIX)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] cells = l.split("\\s*\\|\\s*");
                String[] statuses = cells[2].strip().split("\\s+");
                if (statuses.length != Actor.values().length) {
                    throw new IllegalStateException("row with " + statuses.length + " cells instead of " + Actor.values().length + ": " + l);
                }
                Map<Actor, String> expected = new EnumMap<>(Actor.class);
                for (Actor actor : Actor.values()) {
                    expected.put(actor, statuses[actor.ordinal()]);
                }
                rows.add(new Row(cells[0].replaceAll("\\s+", " ").strip(), Target.of(cells[1].strip()), expected));
            }
        }
        return rows;
    }

    @Test
    void everyRouteEveryCallerEveryTarget() throws Exception { // S-ROL-1…5, S-STF-1, S-ISO-1, S-ISO-2
        build();
        defineRoutes();
        List<Row> rows = rows();
        List<String> unexpected = new ArrayList<>();
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        int cases = 0;
        int unexpectedAllows = 0;
        int unexpectedRefusals = 0;
        int otherMismatches = 0;
        StringBuilder record = new StringBuilder();
        for (Row row : rows) {
            Route route = routes.get(row.route());
            assertTrue(route != null, "no way to call " + row.route());
            StringBuilder line = new StringBuilder();
            for (Actor actor : Actor.values()) {
                String expected = row.expected().get(actor);
                if (expected.equals("-")) {
                    line.append(" -");
                    continue;
                }
                boolean expectAllow = expected.startsWith("2") || expected.equals("303");
                Outcome outcome = run(route, actor, row.target(), expectAllow && route.mutating());
                cases++;
                outcomes.put(row.route() + "|" + row.target().key + "|" + actor, outcome);
                line.append(' ').append(outcome.status());
                if (!expected.equals(String.valueOf(outcome.status()))) {
                    String what = row.route() + " [" + row.target().key + "] as " + actor + ": expected " + expected + ", got " + outcome;
                    unexpected.add(what);
                    if (outcome.allowed() && !expectAllow) {
                        unexpectedAllows++;
                    } else if (!outcome.allowed() && expectAllow) {
                        unexpectedRefusals++;
                    } else {
                        otherMismatches++;
                    }
                }
            }
            record.append(String.format("%-70s | %-7s |%s%n", row.route(), row.target().key, line));
        }
        // S-ISO-1: where the table expects an id of an unrelated account to be refused like one that does not exist,
        // the answer must be the same to the letter (status and code), or the caller could tell them apart
        Map<String, Row> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.route() + "|" + r.target().key, r));
        int distinguishable = 0;
        for (Row row : rows) {
            if (row.target() != Target.MISSING) {
                continue;
            }
            for (Actor actor : Actor.values()) {
                Outcome missingOutcome = outcomes.get(row.route() + "|none|" + actor);
                for (Target foreign : foreignTo(actor)) {
                    Outcome o = outcomes.get(row.route() + "|" + foreign.key + "|" + actor);
                    Row foreignRow = byKey.get(row.route() + "|" + foreign.key);
                    if (missingOutcome == null || o == null || foreignRow == null
                            || !foreignRow.expected().get(actor).equals(row.expected().get(actor)) || missingOutcome.allowed()) {
                        continue;
                    }
                    if (o.status() != missingOutcome.status() || !String.valueOf(o.code()).equals(String.valueOf(missingOutcome.code()))) {
                        distinguishable++;
                        unexpected.add(row.route() + " as " + actor + ": " + foreign.key + " answers " + o + ", a missing id " + missingOutcome);
                    }
                }
            }
        }
        String figures = String.format("authorization matrix: %d routes, %d callers, %d cases; unexpected allows %d, unexpected refusals %d,"
                        + " other mismatches %d, foreign ids distinguishable from missing ones %d",
                routes.size(), Actor.values().length, cases, unexpectedAllows, unexpectedRefusals, otherMismatches, distinguishable);
        System.out.println(figures);
        Path out = Path.of("target", "authorization-matrix-actual.txt");
        Files.writeString(out, record.toString());
        System.out.println("actual outcomes: " + out.toAbsolutePath());
        unexpected.forEach(System.out::println);
        assertEquals(0, unexpected.size(), figures + "\n" + String.join("\n", unexpected));
    }
}
