package com.terminalacc.rest;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.keycloak.models.KeycloakSession;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;

/**
 * The requests JAX-RS itself would refuse with a plain answer of its own — an unknown path (404), a method the path
 * does not have (405), a body that is not JSON (415), an {@code Accept} without JSON (406) — refused before the
 * resource is matched, in our {@code {code, message}} shape (issue 12). The routes are read once from the JAX-RS
 * annotations of the API's resource classes, following sub-resource locators, so they cannot drift from the code.
 * Called by the locator (or provider) that mounts each API.
 */
public final class RouteContract {

    public static final RouteContract CUSTOMER = new RouteContract(CustomerApiResource.class, Pattern.compile("^.*?/realms/[^/]+/acc/api"));
    public static final RouteContract APP = new RouteContract(AppApiResource.class, Pattern.compile("^.*?/realms/[^/]+/acc/app"));
    public static final RouteContract STAFF = new RouteContract(StaffRootResource.class, Pattern.compile("^.*?/admin/realms/[^/]+/acc"));

    private record Route(String template, Pattern path, String method, boolean consumesJson) {
    }

    private final List<Route> routes;
    private final Pattern mount;

    private RouteContract(Class<?> root, Pattern mount) {
        List<Route> found = new ArrayList<>();
        walk(root, "", found, 0);
        this.routes = List.copyOf(found);
        this.mount = mount;
    }

    /** Every route as {@code METHOD /path}, for tests and documentation. */
    public Set<String> routes() {
        Set<String> set = new TreeSet<>();
        routes.forEach(r -> set.add(r.method() + " " + (r.template().isEmpty() ? "/" : r.template())));
        return set;
    }

    /**
     * An id or path segment with a control character (a null byte above all) names nothing: 404 before any query.
     * PostgreSQL refuses a string with a null byte outright ("invalid byte sequence"), which would be a 500.
     */
    public static void requirePlainPath(KeycloakSession session) {
        String path = session.getContext().getUri().getPath();
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) < 0x20 || path.charAt(i) == 0x7f) {
                throw new TerminalException(ErrorCode.NOT_FOUND);
            }
        }
    }

    /** Refuses the current request in our shape when JAX-RS would refuse it in its own. */
    public void check(KeycloakSession session) {
        String method = session.getContext().getHttpRequest().getHttpMethod().toUpperCase(Locale.ROOT);
        if ("OPTIONS".equals(method)) {
            return; // CORS preflight: Keycloak's and JAX-RS's business
        }
        String rawPath = session.getContext().getUri().getRequestUri().getRawPath();
        String path = mount.matcher(rawPath).replaceFirst("");
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String wanted = "HEAD".equals(method) ? "GET" : method;
        Set<String> allowed = new TreeSet<>();
        Route route = null;
        for (Route r : routes) {
            if (r.path().matcher(path).matches()) {
                allowed.add(r.method());
                if (r.method().equals(wanted)) {
                    route = r;
                }
            }
        }
        if (allowed.isEmpty()) {
            throw new TerminalException(ErrorCode.NOT_FOUND);
        }
        if (route == null) {
            throw new TerminalException(ErrorCode.METHOD_NOT_ALLOWED, method, String.join(", ", allowed))
                    .withHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
        }
        HttpHeaders headers = session.getContext().getRequestHeaders();
        if (!acceptsJson(headers)) {
            throw new TerminalException(ErrorCode.NOT_ACCEPTABLE);
        }
        if (route.consumesJson()) {
            MediaType type = headers.getMediaType();
            if (type == null || !MediaType.APPLICATION_JSON_TYPE.isCompatible(type) || type.isWildcardType() || type.isWildcardSubtype()) {
                throw new TerminalException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
            }
        }
    }

    private static boolean acceptsJson(HttpHeaders headers) {
        List<String> accept = headers.getRequestHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isEmpty()) {
            return true;
        }
        try {
            for (MediaType type : headers.getAcceptableMediaTypes()) {
                String q = type.getParameters().get("q");
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && (q == null || !q.strip().matches("0(\\.0*)?"))) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false; // an Accept header that cannot be parsed accepts nothing we know
        }
    }

    private static void walk(Class<?> resource, String base, List<Route> routes, int depth) {
        if (depth > 6) {
            throw new IllegalStateException("sub-resource locators nest too deep at " + base);
        }
        for (Method m : resource.getMethods()) {
            jakarta.ws.rs.Path path = m.getAnnotation(jakarta.ws.rs.Path.class);
            String http = httpMethod(m);
            String full = join(base, path == null ? "" : path.value());
            if (http != null) {
                Consumes consumes = m.getAnnotation(Consumes.class);
                boolean json = consumes != null && List.of(consumes.value()).contains(MediaType.APPLICATION_JSON);
                routes.add(new Route(full, regex(full), http, json));
            } else if (path != null) {
                walk(m.getReturnType(), full, routes, depth + 1); // a sub-resource locator
            }
        }
    }

    private static Pattern regex(String template) {
        StringBuilder re = new StringBuilder();
        for (String segment : template.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            re.append('/');
            if (segment.startsWith("{") && segment.endsWith("}")) {
                int colon = segment.indexOf(':');
                re.append(colon < 0 ? "[^/]+" : "(?:" + segment.substring(colon + 1, segment.length() - 1).strip() + ")");
            } else {
                re.append(Pattern.quote(segment));
            }
        }
        return Pattern.compile(re.toString());
    }

    /** The HTTP method a resource method declares, or null for a sub-resource locator (also used by RouteTableTest). */
    static String httpMethod(Method m) {
        if (m.isAnnotationPresent(GET.class)) {
            return "GET";
        }
        if (m.isAnnotationPresent(POST.class)) {
            return "POST";
        }
        if (m.isAnnotationPresent(PUT.class)) {
            return "PUT";
        }
        if (m.isAnnotationPresent(PATCH.class)) {
            return "PATCH";
        }
        if (m.isAnnotationPresent(DELETE.class)) {
            return "DELETE";
        }
        return null;
    }

    static String join(String base, String path) {
        String p = path.strip();
        if (p.isEmpty() || p.equals("/")) {
            return base;
        }
        return base + (p.startsWith("/") ? "" : "/") + (p.endsWith("/") ? p.substring(0, p.length() - 1) : p);
    }
}
