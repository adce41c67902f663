package com.terminalacc.bench;

import org.keycloak.testframework.server.KeycloakServerConfigBuilder;

import com.terminalacc.it.support.TerminalServerConfig;

/**
 * The test server with themes and templates cached, as in production: {@link TerminalServerConfig} switches the
 * caches off for debugging, which would make every login page re-read and re-compile its templates (both the
 * Terminal theme and Keycloak's own) and so measure the debugging setting instead of the login.
 */
public class CachedThemesServerConfig extends TerminalServerConfig {

    @Override
    public KeycloakServerConfigBuilder configure(KeycloakServerConfigBuilder config) {
        return super.configure(config)
                .option("spi-theme--cache-themes", "true")
                .option("spi-theme--cache-templates", "true");
    }
}
