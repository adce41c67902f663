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
    /** A client of the realm without the {@code terminal} client scope: its tokens lack the Terminal API audience. */
    public static final String OTHER_CLIENT = "it-other-app";
    /** A client of the realm whose tokens are meant for the staff API (the shipped client scope terminal-staff). */
    public static final String STAFF_CLIENT = "it-staff-client";

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
        client.setOptionalClientScopes(java.util.List.of("offline_access")); // offline tokens, for the deactivation tests
        ClientRepresentation other = new ClientRepresentation();
        other.setClientId(OTHER_CLIENT);
        other.setSecret(TEST_CLIENT_SECRET);
        other.setPublicClient(false);
        other.setDirectAccessGrantsEnabled(true);
        other.setStandardFlowEnabled(false);
        other.setEnabled(true);
        other.setDefaultClientScopes(java.util.List.of("basic", "profile", "roles", "email"));
        ClientRepresentation staff = new ClientRepresentation();
        staff.setClientId(STAFF_CLIENT);
        staff.setSecret(TEST_CLIENT_SECRET);
        staff.setPublicClient(false);
        staff.setDirectAccessGrantsEnabled(true);
        staff.setStandardFlowEnabled(false);
        staff.setEnabled(true);
        staff.setDefaultClientScopes(java.util.List.of("basic", "profile", "roles", "email", "terminal-staff"));
        return realm.clients(client, other, staff)
                .smtp("localhost", 3025, "terminal@example.com");
    }

}
