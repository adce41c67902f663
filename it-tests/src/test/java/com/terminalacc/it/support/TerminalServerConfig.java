package com.terminalacc.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.keycloak.testframework.server.KeycloakServerConfig;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

/**
 * The one server configuration of the whole suite (one shared Keycloak): our provider and theme deployed into the
 * Keycloak 26.7.3 distribution. With {@code -Ppostgres} and {@code -Pmariadb} the database is dropped and created
 * first (MariaDB: character set utf8mb4), so every run starts from an empty schema just like the H2 run.
 */
public class TerminalServerConfig implements KeycloakServerConfig {

    /** The framework calls {@link #configure} more than once per run; the database is reset only the first time. */
    private static final java.util.concurrent.atomic.AtomicBoolean DATABASE_RESET = new java.util.concurrent.atomic.AtomicBoolean();

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        resetDatabaseIfRequested();
        return config
                .dependency("com.terminalacc", "terminal-acc-provider")
                .dependency("com.terminalacc", "terminal-acc-theme")
                // no theme caching, so a theme change shows without a server restart when debugging
                .option("spi-theme--cache-themes", "false")
                .option("spi-theme--cache-templates", "false");
    }

    private static void resetDatabaseIfRequested() {
        String adminUrl = System.getProperty("terminal.it.reset-database");
        String url = System.getProperty("kc.test.database.url");
        if (adminUrl == null || adminUrl.isBlank() || url == null || !DATABASE_RESET.compareAndSet(false, true)) {
            return;
        }
        String database = url.substring(url.lastIndexOf('/') + 1).replaceAll("[?].*", "");
        if (!database.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalStateException("Refusing to reset a database named " + database);
        }
        boolean mariadb = adminUrl.startsWith("jdbc:mariadb:") || adminUrl.startsWith("jdbc:mysql:");
        String user = System.getProperty("kc.test.database.user");
        String password = System.getProperty("kc.test.database.password");
        String adminUser = System.getProperty("terminal.it.reset-user", user);
        String adminPassword = System.getProperty("terminal.it.reset-password", adminUser.equals(user) ? password : "");
        try (Connection c = DriverManager.getConnection(adminUrl, adminUser, adminPassword == null ? "" : adminPassword);
                Statement s = c.createStatement()) {
            if (mariadb) {
                if (!user.matches("[a-z_][a-z0-9_]*") || password.contains("'")) {
                    throw new IllegalStateException("Refusing to create a database user named " + user);
                }
                s.execute("DROP DATABASE IF EXISTS " + database);
                s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
                for (String host : new String[] {"%", "localhost"}) {
                    s.execute("CREATE USER IF NOT EXISTS '" + user + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                    s.execute("GRANT ALL PRIVILEGES ON " + database + ".* TO '" + user + "'@'" + host + "'");
                }
            } else {
                s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + database);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not reset the test database " + database + " via " + adminUrl, e);
        }
    }
}
