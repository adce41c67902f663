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

/**
 * S-TOK-3 with the claim cache: the database part of the claim is cached between tokens, so every kind of change to
 * clouds and memberships must show in the very next refresh — for the member, for the account's Owners and for
 * partner users of a shared cloud. Each step first refreshes twice so that the next token would come from the cache.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ClaimCacheIT extends AbstractTerminalIT {

    @Test
    void everyChangeShowsInTheNextRefreshDespiteTheCache() {
        TestAccount acc = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        TestUser partnerUser = newUser(partner, "user");
        Api owner = as(acc.ownerEmail());
        Api partnerOwner = as(partner.ownerEmail());
        TokenSession userTokens = new TokenSession(user.email());
        TokenSession ownerTokens = new TokenSession(acc.ownerEmail());
        TokenSession partnerTokens = new TokenSession(partnerUser.email());

        // a member's permissions: added, changed, removed
        String cloud = newCloud(owner, "Cached");
        userTokens.warm();
        assertEquals(201, owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "write", true)).status());
        assertEquals("rw", userTokens.clouds().path(cloud).asText(), "added");
        userTokens.warm();
        assertEquals(200, owner.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("write", false, "order", true)).status());
        assertEquals("ro", userTokens.clouds().path(cloud).asText(), "changed");
        userTokens.warm();
        assertEquals(204, owner.delete("clouds/" + cloud + "/members/" + user.contactId()).status());
        assertFalse(userTokens.clouds().has(cloud), "removed");

        // the Owners see every cloud of the account: created and deleted clouds
        ownerTokens.warm();
        String second = newCloud(owner, "Second");
        assertEquals("rwoa", ownerTokens.clouds().path(second).asText(), "created");
        ownerTokens.warm();
        assertEquals(204, owner.delete("clouds/" + second).status());
        assertFalse(ownerTokens.clouds().has(second), "deleted");

        // a partner user: added within the ceiling, ceiling lowered, share ended
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true)).text("id");
        assertEquals("ACCEPTED", partnerOwner.post("shares/" + share + "/accept", "").text("status"));
        partnerTokens.warm();
        assertEquals(201, partnerOwner.post("clouds/" + cloud + "/members", Map.of("contactId", partnerUser.contactId(), "write", true)).status());
        assertEquals("rw", partnerTokens.clouds().path(cloud).asText(), "partner member added");
        partnerTokens.warm();
        assertEquals(200, owner.patch("clouds/" + cloud + "/shares/" + share, Map.of("write", false)).status());
        assertEquals("r", partnerTokens.clouds().path(cloud).asText(), "ceiling lowered");
        partnerTokens.warm();
        assertEquals(204, owner.delete("clouds/" + cloud + "/shares/" + share).status());
        assertFalse(partnerTokens.clouds().has(cloud), "share ended");

        // a partner member of a deleted cloud
        String third = newCloud(owner, "Third");
        String share3 = owner.post("clouds/" + third + "/shares", Map.of("partnerDomain", partner.domain())).text("id");
        partnerOwner.post("shares/" + share3 + "/accept", "");
        assertEquals(201, partnerOwner.post("clouds/" + third + "/members", Map.of("contactId", partnerUser.contactId())).status());
        assertEquals("r", partnerTokens.clouds().path(third).asText());
        partnerTokens.warm();
        assertEquals(204, owner.delete("clouds/" + third).status());
        assertFalse(partnerTokens.clouds().has(third), "cloud deleted");
    }

    @Test
    void anOwnerWhoLosesTheRoleLosesTheAccountsClouds() {
        TestAccount acc = newBusinessAccount();
        TestUser second = newUser(acc, "admin");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Owners only");
        // staff make the Admin an Owner, then take it back
        assertEquals(200, staff().put("accounts/" + acc.id() + "/contacts/" + second.contactId() + "/login/role", Map.of("role", "owner")).status());
        TokenSession tokens = new TokenSession(second.email());
        tokens.warm();
        assertEquals("rwoa", tokens.clouds().path(cloud).asText());
        assertEquals(200, staff().put("accounts/" + acc.id() + "/contacts/" + second.contactId() + "/login/role", Map.of("role", "admin")).status());
        assertFalse(tokens.clouds().has(cloud), "an Admin is not a member of the cloud");
    }

    /** A user's refresh token; {@link #clouds()} refreshes and returns the claim's cloud map. */
    private static final class TokenSession {
        private String refreshToken;

        TokenSession(String email) {
            refreshToken = Api.passwordGrant(REALM, email, PASSWORD).path("refresh_token").asText();
        }

        /** Two refreshes: the first caches the account, the second the claim; the next token would be served from it. */
        void warm() {
            refresh();
            refresh();
        }

        JsonNode clouds() {
            return refresh().path("clouds");
        }

        private JsonNode refresh() {
            ApiResponse r = Api.refreshGrant(REALM, refreshToken);
            assertEquals(200, r.status(), r.toString());
            refreshToken = r.body().path("refresh_token").asText(refreshToken);
            return Tokens.payload(r.body().path("access_token").asText()).path("terminal");
        }
    }
}
