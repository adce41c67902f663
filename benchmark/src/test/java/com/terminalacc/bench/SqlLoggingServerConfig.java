package com.terminalacc.bench;

import java.nio.file.Path;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;
import org.keycloak.testframework.server.KeycloakServerConfigBuilder.LogHandlers;

import com.terminalacc.it.support.TerminalServerConfig;

/** The test server, with every SQL statement Hibernate sends written to a log file (not to the console). */
public class SqlLoggingServerConfig extends TerminalServerConfig {

    static Path logFile() {
        return Path.of(System.getProperty("bench.results", "target/benchmark-results"), "sql.log").toAbsolutePath();
    }

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        super.configure(config);
        config.log().handlers(LogHandlers.CONSOLE, LogHandlers.FILE)
                .handlerLevel(LogHandlers.CONSOLE, "INFO")
                .handlerLevel(LogHandlers.FILE, "DEBUG")
                .categoryLevel("org.hibernate.SQL", "debug");
        return config.option("log-file", logFile().toString());
    }
}
