package com.terminalacc.common;

import java.util.Locale;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Database access helpers. Mutations flush before returning so that a unique constraint hit by a concurrent request
 * becomes our 409 (and a rollback) instead of a failed commit after the response was decided.
 */
public final class Persistence {

    private Persistence() {
    }

    public static EntityManager em(KeycloakSession session) {
        return session.getProvider(JpaConnectionProvider.class).getEntityManager();
    }

    public static void flush(EntityManager em) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new TerminalException(ErrorCode.CONCURRENT_MODIFICATION);
        } catch (PersistenceException | org.keycloak.models.ModelException e) {
            // Keycloak's EntityManager wraps JPA exceptions in ModelException / ModelDuplicateException
            throw translate(e);
        }
    }

    /** Maps a constraint violation to the error it means; anything else stays a server error. */
    public static RuntimeException translate(RuntimeException e) {
        String text = messages(e).toUpperCase(Locale.ROOT);
        if (text.contains("UK_TACC_CONTACT_EMAIL") || text.contains("USER_ENTITY") && (text.contains("USERNAME") || text.contains("EMAIL"))) {
            return new TerminalException(ErrorCode.EMAIL_TAKEN);
        }
        if (text.contains("UK_TACC_ACCOUNT_CUSTNO")) {
            return new TerminalException(ErrorCode.CUSTOMER_NUMBER_TAKEN);
        }
        if (text.contains("UK_ORG_NAME") || text.contains("UK_ORG_ALIAS")) {
            return new TerminalException(ErrorCode.ACCOUNT_NAME_TAKEN);
        }
        if (text.contains("ORG_DOMAIN") || text.contains("TACC_DOMAIN")) {
            return new TerminalException(ErrorCode.DOMAIN_TAKEN, "");
        }
        return e;
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
