package com.terminalacc.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.MessageFormat;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;


import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.theme.FreeMarkerException;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.freemarker.FreeMarkerProvider;

import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.Actor;
import com.terminalacc.auth.CustomerAuthenticator;
import com.terminalacc.auth.CustomerAuthenticator.CustomerRequest;
import com.terminalacc.auth.StaffAuthenticator;
import com.terminalacc.common.ApiMessages;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.TerminalSettings;

/**
 * One request of the Access Control Center pages: who is signed in (Keycloak's SSO cookie — otherwise the browser
 * is sent to the Terminal login), the customer or staff {@link Actor}, the language, the CSRF token, and rendering of
 * the {@code acc/*.ftl} templates of the {@code terminal} theme. Pages call the same services as the API.
 */
public final class PageContext implements com.terminalacc.common.ErrorPage {

    /** The OIDC client through which the ACC signs users in (public, standard flow, in the realm import). */
    public static final String CLIENT_ID = "terminal-acc";
    static final String THEME = "terminal";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthResult auth;
    private final AdminAuth adminAuth;
    private final CustomerRequest customer;
    private final AccessEvaluator customerAuth;
    private AccessEvaluator staffAuth;
    private boolean staffResolved;
    private final Locale locale;
    private Theme theme;
    private Properties messages;

    private PageContext(KeycloakSession session, RealmModel realm, AuthResult auth, AdminAuth adminAuth, CustomerRequest customer) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminAuth = adminAuth;
        this.customer = customer;
        this.customerAuth = customer == null ? null : AccessEvaluator.of(session, realm, customer.actor());
        this.locale = session.getContext().resolveLocale(auth == null ? null : auth.user());
        session.setAttribute(SESSION_ATTRIBUTE, this);
    }

    /** A refusal that reached no handler of the page becomes a page: the API's message, in the page's language. */
    @Override
    public Response render(TerminalException e) {
        session.removeAttribute(SESSION_ATTRIBUTE); // a failure while rendering must not loop
        return page("acc/error.ftl", Map.of("message", error(e), "status", e.getCode().status().getStatusCode()),
                e.getCode().status().getStatusCode());
    }

    // ---- establishing the context

    /** Any signed-in user of the realm; sends everyone else to the login. */
    public static PageContext signedIn(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        AuthResult auth = AuthenticationManager.authenticateIdentityCookie(session, realm, true);
        if (auth == null || auth.user() == null || !auth.user().isEnabled()) {
            throw new WebApplicationException(loginRedirect(session, realm));
        }
        URI clean = withoutLoginResponse(session);
        if (clean != null) {
            throw new WebApplicationException(found(clean));
        }
        org.keycloak.models.ClientModel client = auth.client() != null ? auth.client() : realm.getClientByClientId(CLIENT_ID);
        AdminAuth adminAuth = new AdminAuth(realm, auth.token(), auth.user(), client);
        CustomerRequest customer = null;
        try {
            customer = CustomerAuthenticator.forUser(session, realm, auth.user(), adminAuth, false);
        } catch (TerminalException e) {
            // not a customer user: may still be staff
        }
        return new PageContext(session, realm, auth, adminAuth, customer);
    }

    /** A customer user whose account has the ACC enabled (S-ACC-4), else the explanatory page. */
    public static PageContext customer(KeycloakSession session) {
        PageContext ctx = signedIn(session);
        if (ctx.customer == null) {
            throw new WebApplicationException(ctx.page(ctx.isStaff() ? "acc/staff-home.ftl" : "acc/no-account.ftl", Map.of(), 403));
        }
        if (!ctx.customer.account().entity().isAccEnabled()) {
            throw new WebApplicationException(ctx.page("acc/acc-disabled.ftl", Map.of(), 403));
        }
        return ctx;
    }

    /** Provider staff, as {@link StaffAuthenticator} defines them for the staff API too (S-STF-1). */
    public static PageContext staff(KeycloakSession session) {
        PageContext ctx = signedIn(session);
        if (!ctx.isStaff()) {
            throw new WebApplicationException(ctx.page("acc/forbidden.ftl", Map.of(), 403));
        }
        return ctx;
    }

    /**
     * Stores the user's language, chosen with the language switch of every page: a form post with the CSRF token,
     * never a GET ({@code ?kc_locale=} only shows one page in that language, as Keycloak's locale selector does).
     * Answers whether the language is one of the realm's.
     */
    public boolean chooseLanguage(MultivaluedMap<String, String> form) {
        checkCsrf(form);
        String chosen = form.getFirst("locale");
        if (chosen == null || realm.getSupportedLocalesStream().noneMatch(chosen::equals)) {
            return false;
        }
        if (!chosen.equals(auth.user().getFirstAttribute(UserModel.LOCALE))) {
            auth.user().setSingleAttribute(UserModel.LOCALE, chosen);
        }
        return true;
    }

    /** A page of the ACC to go back to after a form that is not about one page (the language switch). */
    public Response back(String path) {
        String p = path == null ? "" : path.strip();
        if (!p.matches("[A-Za-z0-9_\\-]+(/[A-Za-z0-9_\\-]+)*")) {
            p = ""; // only a path inside the ACC: never another site
        }
        return Response.seeOther(UriBuilder.fromUri(accBase()).path(p.isEmpty() ? "/" : p).build()).build();
    }

    /** The parameters of the login's answer (authorization response, RFC 6749 4.1.2 and RFC 9207). */
    static final List<String> LOGIN_RESPONSE_PARAMETERS = List.of("code", "state", "session_state", "iss");

    /**
     * To the Terminal login (Keycloak's own, themed), coming back to the page that was asked for. The pages
     * authenticate with Keycloak's SSO cookie, so the authorization code that comes back is never redeemed: the PKCE
     * verifier (S256, required by the client {@code terminal-acc}) is thrown away at once, which makes a code that
     * leaks (history, logs, Referer) worthless to anyone, and {@link #withoutLoginResponse} removes it from the address.
     */
    static Response loginRedirect(KeycloakSession session, RealmModel realm) {
        URI back = session.getContext().getUri().getRequestUriBuilder().replaceQuery(null).build();
        URI login = UriBuilder.fromUri(Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName())
                        .path("protocol/openid-connect/auth").build())
                .queryParam("client_id", CLIENT_ID)
                .queryParam("redirect_uri", back.toString())
                .queryParam("response_type", "code")
                .queryParam("scope", "openid")
                .queryParam("state", KeycloakModelUtils.generateId())
                .queryParam("code_challenge", codeChallenge())
                .queryParam("code_challenge_method", "S256")
                .build();
        return found(login);
    }

    /**
     * After the login Keycloak sends the browser back to the page with {@code ?state=…&session_state=…&iss=…&code=…}.
     * The SSO cookie is what signs the user in, so these are dropped: answers the same address without them, or
     * null when there is nothing to drop (other parameters, such as {@code kc_locale}, stay).
     */
    static URI withoutLoginResponse(KeycloakSession session) {
        if (!"GET".equals(session.getContext().getHttpRequest().getHttpMethod())) {
            return null;
        }
        URI request = session.getContext().getUri().getRequestUri();
        String query = request.getRawQuery();
        if (query == null) {
            return null;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String pair : query.split("&")) {
            if (!LOGIN_RESPONSE_PARAMETERS.contains(pair.split("=", 2)[0])) {
                kept.add(pair);
            }
        }
        if (kept.size() == query.split("&").length) {
            return null;
        }
        // the raw pairs are kept as they came (already encoded), so nothing is decoded and encoded again
        return UriBuilder.fromUri(request).replaceQuery(kept.isEmpty() ? null : String.join("&", kept)).build();
    }

    /** The S256 challenge of a fresh random verifier that nobody keeps (see {@link #loginRedirect}). */
    private static String codeChallenge() {
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response found(URI location) {
        // With an entity, JAX-RS returns the response as it is instead of handing the exception to Keycloak's error page.
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Login</title></head><body><a href=\""
                + location.toString().replace("&", "&amp;").replace("\"", "&quot;") + "\">Login</a></body></html>";
        return Response.status(Response.Status.FOUND).location(location).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    // ---- who

    /** The signed-in customer's evaluator: who may do what, for the services and the templates. */
    public AccessEvaluator auth() {
        if (customerAuth == null) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
        return customerAuth;
    }

    /** The signed-in staff member's evaluator (S-STF-1, the same definition as the staff API's). */
    public AccessEvaluator staffAuth() {
        if (!isStaff()) {
            throw new TerminalException(ErrorCode.STAFF_ONLY);
        }
        return staffAuth;
    }

    public Actor actor() {
        return auth().actor();
    }

    public CustomerRequest customerRequest() {
        return customer;
    }

    public boolean isStaff() {
        if (!staffResolved) {
            staffResolved = true;
            Actor staff = StaffAuthenticator.forUser(session, realm, auth.user(), adminAuth);
            staffAuth = staff == null ? null : AccessEvaluator.of(session, realm, staff);
        }
        return staffAuth != null;
    }

    public UserModel user() {
        return auth.user();
    }

    public KeycloakSession session() {
        return session;
    }

    public RealmModel realm() {
        return realm;
    }

    public Locale locale() {
        return locale;
    }

    /** Changes made in the pages are recorded with the ACC client as the event's client (the SSO cookie names none). */
    public Audit audit() {
        return Audit.forCustomer(session, realm, new AdminAuth(realm, auth.token(), auth.user(), client()));
    }

    private org.keycloak.models.ClientModel client() {
        if (auth.client() != null) {
            return auth.client();
        }
        org.keycloak.models.ClientModel acc = realm.getClientByClientId(CLIENT_ID);
        return acc != null ? acc : realm.getClientByClientId(org.keycloak.models.Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
    }


    // ---- CSRF (every form carries the token; the server compares it and the Origin)

    /**
     * The CSRF token of this SSO session: an HMAC of the session id with the realm's CSRF secret ({@link CsrfSecret}).
     * Nothing is stored per session, the same on every cluster node, and useless outside this session.
     */
    public String csrf() {
        byte[] token = CsrfSecret.hmac(CsrfSecret.key(session, realm), "terminal-acc-csrf:" + auth.session().getId());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
    }

    /** Refuses a form post without the session's token or from another origin: nothing is changed. */
    public void checkCsrf(MultivaluedMap<String, String> form) {
        String expected = csrf();
        String given = form == null ? null : form.getFirst("csrf");
        boolean tokenOk = expected != null && given != null
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
        String origin = session.getContext().getRequestHeaders().getHeaderString("Origin");
        URI base = session.getContext().getUri().getBaseUri();
        // A browser may send "Origin: null" (privacy-sensitive contexts); the token decides then. A foreign origin never passes.
        boolean originOk = origin == null || "null".equals(origin) || origin.equalsIgnoreCase(base.getScheme() + "://" + base.getAuthority());
        if (!tokenOk || !originOk) {
            throw new WebApplicationException(page("acc/forbidden.ftl", Map.of("csrfFailed", true), 403));
        }
    }

    // ---- rendering

    /** Renders an ACC template with the common attributes; security headers on every page. */
    public Response page(String template, Map<String, ?> attributes, int status) {
        Map<String, Object> data = new HashMap<>(common());
        data.putAll(attributes);
        try {
            String html = session.getProvider(FreeMarkerProvider.class).processTemplate(data, template, theme());
            // Keycloak's realm-wide browser headers allow same-origin framing; the ACC pages set their own, stricter set.
            session.getProvider(org.keycloak.headers.SecurityHeadersProvider.class).options().skipHeaders();
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html)
                    .header("Cache-Control", "no-store")
                    .header("X-Frame-Options", "DENY")
                    .header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'")
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "same-origin")
                    .header("X-Robots-Tag", "none")
                    .header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                    .build();
        } catch (FreeMarkerException e) {
            throw new IllegalStateException("Could not render " + template, e);
        }
    }

    public Response page(String template, Map<String, ?> attributes) {
        return page(template, attributes, 200);
    }

    /** After a successful change: back to a page (Post/Redirect/Get), with a notice from a fixed list of keys. */
    public Response redirect(String path, String notice) {
        UriBuilder target = UriBuilder.fromUri(accBase()).path(path);
        if (notice != null) {
            target.queryParam("notice", notice);
        }
        return Response.seeOther(target.build()).build();
    }

    public String accBase() {
        return Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName()).path("acc").build().toString();
    }

    private Map<String, Object> common() {
        Map<String, Object> m = new LinkedHashMap<>();
        Theme t = theme();
        m.put("msg", new MessageFormatterMethod(locale, messages()));
        m.put("locale", locale.getLanguage());
        m.put("lang", locale.getLanguage());
        String themeRoot = Urls.themeRoot(session.getContext().getUri().getBaseUri()).getPath();
        m.put("resourcesPath", themeRoot + "/login/" + t.getName());
        m.put("resourcesCommonPath", themeRoot + "/common/keycloak");
        m.put("acc", accBase());
        m.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        m.put("supportContact", TerminalSettings.supportContact(realm));
        m.put("logoutUrl", Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName())
                .path("protocol/openid-connect/logout").queryParam("client_id", CLIENT_ID)
                .queryParam("post_logout_redirect_uri", accBase() + "/").build().toString());
        m.put("languages", realm.getSupportedLocalesStream().sorted().toList());
        // where the language switch returns to: this page, as a path inside the ACC
        m.put("here", session.getContext().getUri().getPath().replaceFirst("^/?realms/[^/]+/acc/?", ""));
        if (auth != null) {
            UserModel u = auth.user();
            m.put("me", Map.of("firstName", nz(u.getFirstName()), "lastName", nz(u.getLastName()), "email", nz(u.getEmail())));
            m.put("csrf", csrf());
            m.put("isStaff", isStaff());
            m.put("nav", nav());
            String notice = session.getContext().getUri().getQueryParameters().getFirst("notice");
            if (notice != null && notice.matches("[a-z][a-zA-Z]{1,40}")) {
                m.put("notice", "acc.notice." + notice);
            }
        }
        return m;
    }

    /** What the navigation offers: follows the rights, the server checks them again on every request. */
    private Map<String, Object> nav() {
        Map<String, Object> nav = new LinkedHashMap<>();
        boolean accEnabled = customer != null && customer.account().entity().isAccEnabled();
        nav.put("acc", accEnabled);
        nav.put("contacts", accEnabled && customerAuth.contacts().canList(customer.account().id()));
        nav.put("clouds", accEnabled && customerAuth.clouds().canList());
        nav.put("shares", accEnabled && customerAuth.shares().canListIncoming());
        nav.put("account", accEnabled && (customerAuth.accounts().canManageSettings(customer.account().id())
                || customerAuth.ownerRequests().canFile(customer.account().id())));
        nav.put("staff", isStaff());
        if (customer != null) {
            nav.put("accountName", customer.account().name());
            nav.put("role", customer.actor().role().wire());
        }
        return nav;
    }

    public Theme theme() {
        if (theme == null) {
            try {
                theme = session.theme().getTheme(THEME, Theme.Type.LOGIN);
            } catch (Exception e) {
                throw new IllegalStateException("The terminal theme is not installed", e);
            }
        }
        return theme;
    }

    private Properties messages() {
        if (messages == null) {
            try {
                messages = theme().getEnhancedMessages(realm, locale);
            } catch (Exception e) {
                messages = new Properties();
            }
        }
        return messages;
    }

    /** A theme message in the page's language. */
    public String msg(String key, Object... args) {
        String pattern = messages().getProperty(key, key);
        return new MessageFormat(pattern, locale).format(args);
    }

    /**
     * The API's message for a refusal, in the page's language — the same text the API sends. Every page that shows a
     * refusal asks for it, so this is also where the request's transaction is marked for rollback: a refused form
     * changes nothing (as a refused API request, whose exception rolls back), and writes that failed at a flush (a
     * unique key lost to a concurrent request) are not tried again at commit, which would answer 500 after the page
     * (issue 12, {@code PageRacesIT}).
     */
    public String error(TerminalException e) {
        session.getTransactionManager().setRollbackOnly();
        return e.getLocalizedMessage(locale);
    }

    /** Field errors of a refusal, by field name, for showing them next to the inputs. */
    public Map<String, String> fieldErrors(TerminalException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError f : e.getFieldErrors()) {
            errors.putIfAbsent(f.field(), ApiMessages.get(locale, f.code().messageKey(), f.args().toArray()));
        }
        return errors;
    }

    public static String first(MultivaluedMap<String, String> form, String name) {
        String v = form == null ? null : form.getFirst(name);
        return v == null ? null : v;
    }

    public static List<String> all(MultivaluedMap<String, String> form, String name) {
        List<String> v = form == null ? null : form.get(name);
        return v == null ? List.of() : v;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
