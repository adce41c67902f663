package com.terminalacc.it.support;

import java.util.Map;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.testframework.realm.RealmBuilder;
import org.keycloak.testframework.realm.RealmConfig;

/**
 * The shipped {@code terminal-realm.json} plus what only tests need: a confidential client with the password grant
 * (so tests can get tokens for customer users without a browser) and the SMTP test server.
 */
public class TerminalRealmConfig implements RealmConfig {

    public static final String TEST_CLIENT = "it-client";
    public static final String TEST_CLIENT_SECRET = "it-secret";

    @Override
    public RealmBuilder configure(RealmBuilder realm) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(TEST_CLIENT);
        client.setSecret(TEST_CLIENT_SECRET);
        client.setPublicClient(false);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setServiceAccountsEnabled(false);
        client.setEnabled(true);
        client.setAttributes(Map.of());
        // Keycloak 26 introspects a token only for clients in its audience: put the test client there.
        org.keycloak.representations.idm.ProtocolMapperRepresentation audience = new org.keycloak.representations.idm.ProtocolMapperRepresentation();
        audience.setName("own audience");
        audience.setProtocol("openid-connect");
        audience.setProtocolMapper("oidc-audience-mapper");
        audience.setConfig(Map.of("included.client.audience", TEST_CLIENT, "access.token.claim", "true", "introspection.token.claim", "true"));
        client.setProtocolMappers(java.util.List.of(audience));
        client.setDefaultClientScopes(java.util.List.of("basic", "web-origins", "acr", "profile", "roles", "email", "terminal"));
        return realm.clients(client)
                .smtp("localhost", 3025, "terminal@example.com");
    }

}
