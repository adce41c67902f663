package com.terminalacc.ui;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The secret behind the pages' CSRF tokens: a random secret of its own per realm, in the realm attribute
 * {@value #ATTRIBUTE} (created at the first page view), never a token-signing key of the realm (issue 12: a realm
 * without an HS512 key must still serve its pages, and rotating signing keys must not be tied to open forms).
 * Rotation: give the attribute a new random value (or remove it, a new one is made); forms open at that moment are
 * refused once and work after a reload.
 */
final class CsrfSecret {

    static final String ATTRIBUTE = "terminal.csrfSecret";
    private static final String PURPOSE = "terminal-acc-csrf-v1";

    private CsrfSecret() {
    }

    /** The HMAC key for this realm's CSRF tokens, derived from the stored secret for this one purpose. */
    static byte[] key(KeycloakSession session, RealmModel realm) {
        String secret = realm.getAttribute(ATTRIBUTE);
        if (secret == null || secret.isBlank()) {
            secret = create(session, realm.getId());
        }
        return hmac(Base64.getDecoder().decode(secret.strip()), PURPOSE);
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * Stores a new secret in its own transaction (the page's transaction may be rolled back) unless another request
     * did it first, and answers the stored one as a fresh session reads it.
     */
    private static String create(KeycloakSession session, String realmId) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String fresh = Base64.getEncoder().encodeToString(random);
        KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
            RealmModel r = s.realms().getRealm(realmId);
            String existing = r.getAttribute(ATTRIBUTE);
            if (existing == null || existing.isBlank()) {
                r.setAttribute(ATTRIBUTE, fresh);
            }
        });
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                s -> s.realms().getRealm(realmId).getAttribute(ATTRIBUTE));
    }
}
