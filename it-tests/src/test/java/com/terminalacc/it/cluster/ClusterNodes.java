package com.terminalacc.it.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A two-node Keycloak cluster without containers: one Keycloak 26.7.3 distribution with our provider and theme
 * ({@code -Pcluster} unpacks it), built once for PostgreSQL, copied per node, and started twice with
 * {@code kc.sh start --optimized} on one database, each node with its own HTTP, management and cache (JGroups) port,
 * bound to 127.0.0.1. The default cache stack {@code jdbc-ping} discovers the other node through the database. A node
 * counts as up when its readiness probe answers and its log shows a cluster view of both members.
 */
final class ClusterNodes implements AutoCloseable {

    private static final Pattern VIEW = Pattern.compile("ISPN00009[34]: .*?\\((\\d+)\\)");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One node: its directory, ports and (while it runs) its process. */
    static final class Node {
        final String name;
        final Path home;
        final int httpPort;
        final int managementPort;
        final int cachePort;
        Process process;
        int starts;

        Node(String name, Path home, int httpPort, int managementPort, int cachePort) {
            this.name = name;
            this.home = home;
            this.httpPort = httpPort;
            this.managementPort = managementPort;
            this.cachePort = cachePort;
        }

        String url() {
            return "http://127.0.0.1:" + httpPort;
        }

        Path log() {
            return home.resolve("node.log");
        }
    }

    private final Path dist = Path.of(required("terminal.cluster.home"));
    private final String dbUrl = required("terminal.cluster.db.url");
    private final String dbAdminUrl = required("terminal.cluster.db.admin-url");
    private final String dbUser = required("terminal.cluster.db.user");
    private final String dbPassword = required("terminal.cluster.db.password");
    final Node a;
    final Node b;

    ClusterNodes() {
        Path base = dist.getParent();
        a = new Node("node-a", base.resolve("node-a"), 8080, 9000, 7800);
        b = new Node("node-b", base.resolve("node-b"), 8081, 9001, 7801);
    }

    /** Resets the database, builds the distribution, starts node A (importing the realm), then node B; waits for both. */
    void start() throws Exception {
        long t0 = System.nanoTime();
        resetDatabase();
        run(dist, Duration.ofMinutes(15), dist.resolve("build.log"), "bin/kc.sh", "build", "--db=postgres", "--health-enabled=true");
        for (Node n : List.of(a, b)) {
            run(dist.getParent(), Duration.ofMinutes(5), null, "rm", "-rf", n.home.toString());
            run(dist.getParent(), Duration.ofMinutes(5), null, "cp", "-a", dist.toString(), n.home.toString());
        }
        Files.createDirectories(a.home.resolve("data/import"));
        try (InputStream realm = ClusterNodes.class.getResourceAsStream("/terminal-realm.json")) {
            Files.copy(realm, a.home.resolve("data/import/terminal-realm.json"));
        }
        launch(a, true);
        awaitReady(a, Duration.ofMinutes(15));
        launch(b, false);
        awaitReady(b, Duration.ofMinutes(15));
        awaitClusterOf(2, Duration.ofMinutes(3), a, b);
        System.out.printf("[cluster] two nodes up with a cluster view of 2 after %d s%n", (System.nanoTime() - t0) / 1_000_000_000L);
    }

    /** kill -9: the node's JVM (and the kc.sh shell) die without any shutdown. */
    void kill(Node n) {
        ProcessHandle handle = n.process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        try {
            n.process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a killed node again and waits until it serves and both logs show the cluster of two again. */
    void restart(Node n) throws Exception {
        launch(n, false);
        awaitReady(n, Duration.ofMinutes(10));
        awaitClusterOf(2, Duration.ofMinutes(3), a, b);
    }

    @Override
    public void close() {
        for (Node n : List.of(a, b)) {
            if (n.process != null && n.process.isAlive()) {
                ProcessHandle handle = n.process.toHandle();
                handle.descendants().forEach(ProcessHandle::destroy);
                handle.destroy();
                try {
                    if (!n.process.waitFor(60, TimeUnit.SECONDS)) {
                        kill(n);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private void launch(Node n, boolean importRealm) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("bin/kc.sh", "start", "--optimized",
                "--http-enabled=true", "--hostname-strict=false", "--http-host=127.0.0.1",
                "--http-port=" + n.httpPort, "--http-management-port=" + n.managementPort,
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + n.cachePort,
                "--db-url=" + dbUrl, "--db-username=" + dbUser, "--db-password=" + dbPassword));
        if (importRealm) {
            cmd.add("--import-realm");
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(n.home.toFile()).redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(n.log().toFile()));
        Map<String, String> env = pb.environment();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        env.put("JAVA_OPTS_KC_HEAP", "-Xms256m -Xmx1g");
        n.starts++;
        Files.writeString(n.log(), "==== start " + n.starts + " ====\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        n.process = pb.start();
    }

    private static void awaitReady(Node n, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!n.process.isAlive()) {
                throw new IllegalStateException(n.name + " exited with " + n.process.exitValue() + ", see " + n.log());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + n.managementPort + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(n.name + " not ready within " + timeout + ", see " + n.log());
    }

    /** The member count of the newest cluster view a node logged since its last start. */
    static int clusterView(Node n) {
        try {
            String log = Files.readString(n.log(), StandardCharsets.UTF_8);
            log = log.substring(log.lastIndexOf("==== start "));
            Matcher m = VIEW.matcher(log);
            int members = 0;
            while (m.find()) {
                members = Integer.parseInt(m.group(1));
            }
            return members;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void awaitClusterOf(int members, Duration timeout, Node... nodes) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (Node n : nodes) {
                all &= clusterView(n) == members;
            }
            if (all) {
                return;
            }
            Thread.sleep(500);
        }
        StringBuilder views = new StringBuilder();
        for (Node n : nodes) {
            views.append(n.name).append('=').append(clusterView(n)).append(' ');
        }
        throw new IllegalStateException("no cluster view of " + members + " within " + timeout + ": " + views);
    }

    private void resetDatabase() throws Exception {
        String database = dbUrl.substring(dbUrl.lastIndexOf('/') + 1).replaceAll("[?].*", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Refusing to reset a database named " + database);
        }
        try (Connection c = DriverManager.getConnection(dbAdminUrl, dbUser, dbPassword); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    private static void run(Path dir, Duration timeout, Path log, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.redirectOutput(log == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(log.toFile()));
        Process p = pb.start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " failed" + (log == null ? "" : ", see " + log));
        }
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run with -Pcluster");
        }
        return value;
    }
}
