package com.terminalacc.it.account;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class SmokeIT extends AbstractTerminalIT {

    @Test
    void ownerSeesOwnAccount() {
        TestAccount acc = newBusinessAccount();
        ApiResponse me = as(acc.ownerEmail()).get("me");
        assertEquals(200, me.status(), me.toString());
        assertEquals("owner", me.text("role"));
        assertEquals(acc.id(), me.text("account/id"));
    }
}
