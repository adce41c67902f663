package com.terminalacc.it.token;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;
import com.terminalacc.it.support.Tokens;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-TOK-1, S-TOK-2, S-TOK-3: the terminal claim, its overage reference and the permissions endpoint. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class TokenClaimIT extends AbstractTerminalIT {

    @Test
    void accessTokenCarriesAccountRoleModulesAndClouds() { // S-TOK-1
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user", "support:colleague-tickets");
        Api owner = as(acc.ownerEmail());
        String rw = newCloud(owner, "Read write");
        String r = newCloud(owner, "Read only");
        owner.post("clouds/" + rw + "/members", Map.of("contactId", user.contactId(), "write", true));
        owner.post("clouds/" + r + "/members", Map.of("contactId", user.contactId()));
        newCloud(owner, "Not assigned");

        JsonNode claim = claim(user.email());
        assertEquals(acc.id(), claim.path("account").asText());
        assertEquals("user", claim.path("role").asText());
        assertEquals("support", claim.path("modules").get(0).asText());
        assertEquals("support:colleague-tickets", claim.path("modules").get(1).asText());
        assertEquals(2, claim.path("clouds").size());
        assertEquals("rw", claim.path("clouds").path(rw).asText());
        assertEquals("r", claim.path("clouds").path(r).asText());

        JsonNode ownerClaim = claim(acc.ownerEmail());
        assertEquals("owner", ownerClaim.path("role").asText());
        assertEquals(3, ownerClaim.path("clouds").size(), "an Owner has every cloud of the account");
        assertEquals("rwoa", ownerClaim.path("clouds").path(r).asText());
    }

    @Test
    void userinfoAndIntrospectionCarryTheClaimToo() { // S-TOK-1
        TestAccount acc = newBusinessAccount();
        String token = Api.passwordToken(REALM, acc.ownerEmail(), PASSWORD);
        ApiResponse userinfo = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/realms/" + REALM
                + "/protocol/openid-connect/userinfo")).header("Authorization", "Bearer " + token).GET());
        assertEquals(200, userinfo.status(), userinfo.toString());
        assertEquals(acc.id(), userinfo.body().path("terminal").path("account").asText());
        ApiResponse introspection = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/realms/" + REALM
                        + "/protocol/openid-connect/token/introspect")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Api.form(Map.of("token", token,
                        "client_id", com.terminalacc.it.support.TerminalRealmConfig.TEST_CLIENT,
                        "client_secret", com.terminalacc.it.support.TerminalRealmConfig.TEST_CLIENT_SECRET)))));
        assertEquals(200, introspection.status(), introspection.toString() + " " + introspection.headers().map());
        assertEquals("true", introspection.body().path("active").asText(), introspection.raw());
        assertEquals("owner", introspection.body().path("terminal").path("role").asText(), introspection.raw());
    }

    @Test
    void pastTheThresholdTheTokenCarriesAReferenceAndStaysSmall() { // S-TOK-2
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        int clouds = 55; // the realm's mapper puts at most 50 clouds into the token
        for (int i = 0; i < clouds; i++) {
            newCloud(owner, "Cloud " + i);
        }
        String token = Api.passwordToken(REALM, acc.ownerEmail(), PASSWORD);
        JsonNode claim = Tokens.payload(token).path("terminal");
        assertTrue(claim.path("clouds").isMissingNode(), claim.toString());
        assertEquals(clouds, claim.path("cloudsRef").path("count").asInt());
        String endpoint = claim.path("cloudsRef").path("endpoint").asText();
        assertTrue(endpoint.endsWith("/realms/" + REALM + "/acc/app/permissions"), endpoint);
        assertTrue(token.length() < 8 * 1024, "token of " + token.length() + " bytes stays below 8 KB");

        // the endpoint has the full map, paged
        Api self = new Api(endpoint, () -> token);
        ApiResponse page1 = self.get("?max=50");
        assertEquals(200, page1.status(), page1.toString());
        assertEquals(clouds, page1.body().path("total").asInt());
        assertEquals(50, page1.body().path("clouds").size());
        ApiResponse page2 = self.get("?first=50&max=50");
        assertEquals(5, page2.body().path("clouds").size());
        page2.body().path("clouds").forEach(p -> assertEquals("rwoa", p.asText()));
    }

    @Test
    void permissionChangesShowInTheNextToken() { // S-TOK-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Changing");
        JsonNode grant = Api.passwordGrant(REALM, user.email(), PASSWORD);
        assertFalse(Tokens.payload(grant.path("access_token").asText()).path("terminal").path("clouds").has(cloud));
        owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "order", true));
        ApiResponse refreshed = Api.refreshGrant(REALM, grant.path("refresh_token").asText());
        assertEquals(200, refreshed.status(), refreshed.toString());
        assertEquals("ro", Tokens.payload(refreshed.body().path("access_token").asText()).path("terminal").path("clouds").path(cloud).asText());
    }

    @Test
    void usersWithoutAccountGetNoClaim() {
        org.keycloak.representations.idm.UserRepresentation u = new org.keycloak.representations.idm.UserRepresentation();
        u.setUsername("plain-" + uid() + "@example.test");
        u.setEmail(u.getUsername());
        u.setFirstName("Plain");
        u.setLastName("User");
        u.setEnabled(true);
        String id = org.keycloak.admin.client.CreatedResponseUtil.getCreatedId(realm.admin().users().create(u));
        setPassword(id, PASSWORD);
        assertTrue(Tokens.payload(Api.passwordToken(REALM, u.getUsername(), PASSWORD)).path("terminal").isMissingNode());
    }

    private static JsonNode claim(String email) {
        return Tokens.payload(Api.passwordToken(REALM, email, PASSWORD)).path("terminal");
    }
}
