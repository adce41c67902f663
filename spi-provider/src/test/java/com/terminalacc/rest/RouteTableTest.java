package com.terminalacc.rest;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every endpoint of the customer API, the staff API, the app API and every page action has a row in the authorization
 * matrix ({@value #MATRIX}, which {@code AuthorizationMatrixIT} runs against a real Keycloak): a new endpoint without a
 * row fails the build here, before it can ship unexamined. The routes are read from the JAX-RS annotations of the
 * resource classes, following sub-resource locators.
 */
class RouteTableTest {

    static final String MATRIX = "it-tests/src/test/resources/authorization-matrix.txt";

    /** Every route the resources declare, as {@code METHOD /path}. */
    static Set<String> declaredRoutes() {
        Set<String> routes = new TreeSet<>();
        walk(AccRootResource.class, "/realms/{realm}/acc", routes, 0);
        walk(StaffRootResource.class, "/admin/realms/{realm}/acc", routes, 0);
        return routes;
    }

    private static void walk(Class<?> resource, String base, Set<String> routes, int depth) {
        if (depth > 6) {
            throw new IllegalStateException("sub-resource locators nest too deep at " + base);
        }
        for (Method m : resource.getMethods()) {
            jakarta.ws.rs.Path path = m.getAnnotation(jakarta.ws.rs.Path.class);
            String http = RouteContract.httpMethod(m);
            String full = RouteContract.join(base, path == null ? "" : path.value());
            if (http != null) {
                routes.add(http + " " + full);
            } else if (path != null) {
                walk(m.getReturnType(), full, routes, depth + 1); // a sub-resource locator
            }
        }
    }

    /** The routes of the matrix file: the first column of every row that is not a comment. */
    static Set<String> matrixRoutes() throws IOException {
        Path file = Path.of(System.getProperty("user.dir")).resolve("..").resolve(MATRIX).normalize();
        Set<String> routes = new TreeSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] cells = l.split("\\s*\\|\\s*");
            routes.add(cells[0].replaceAll("\\s+", " ").strip());
        }
        return routes;
    }

    @Test
    void everyRouteHasARowInTheAuthorizationMatrix() throws IOException {
        Set<String> declared = declaredRoutes();
        Set<String> rows = matrixRoutes();
        List<String> missing = new ArrayList<>(declared);
        missing.removeAll(rows);
        List<String> stale = new ArrayList<>(rows);
        stale.removeAll(declared);
        assertTrue(declared.size() > 90, "the walk finds the routes: " + declared);
        assertTrue(missing.isEmpty(), "routes without a row in " + MATRIX + ": " + missing);
        assertTrue(stale.isEmpty(), "rows of routes that no longer exist: " + stale);
    }
}
