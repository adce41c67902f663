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

    /**
     * Maps a constraint violation to the error it means, and a lost lock race (deadlock, lock wait timeout,
     * serialization failure) to 409 {@code concurrent_modification}; anything else stays a server error.
     */
    public static RuntimeException translate(RuntimeException e) {
        if (e instanceof TerminalException) {
            return e;
        }
        if (isLockConflict(e)) {
            return new TerminalException(ErrorCode.CONCURRENT_MODIFICATION);
        }
        String text = messages(e).toUpperCase(Locale.ROOT);
        if (text.contains("UK_TACC_CONTACT_EMAIL") || text.contains("USER_ENTITY") && (text.contains("USERNAME") || text.contains("EMAIL"))) {
            return new TerminalException(ErrorCode.EMAIL_TAKEN);
        }
        if (text.contains("UK_TACC_PRODUCT_EXTID")) {
            // two applications registered the same product id at the same moment into clouds of different accounts
            return new TerminalException(ErrorCode.CONCURRENT_MODIFICATION);
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
        if (text.contains("UK_TACC_CLOUD_NAME")) {
            return new TerminalException(ErrorCode.CLOUD_NAME_TAKEN, "");
        }
        if (text.contains("UK_TACC_SHARE")) {
            return new TerminalException(ErrorCode.ALREADY_SHARED);
        }
        if (text.contains("PK_TACC_CLOUD_MEMBER")) {
            return new TerminalException(ErrorCode.ALREADY_MEMBER);
        }
        if (uniqueViolation(e)) {
            // e.g. two applications registering the same product id at once (UK_TACC_PRODUCT_EXTID), a contact
            // linked twice (UK_TACC_CONTACT_USER): the loser retries and sees the winner's row
            return new TerminalException(ErrorCode.CONCURRENT_MODIFICATION);
        }
        return e;
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.keycloak.models.ModelDuplicateException || t.getClass().getSimpleName().equals("ConstraintViolationException")
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A deadlock or lock wait the database gave up on: SQLState class 40 (PostgreSQL 40P01 deadlock, 40001
     * serialization failure; MariaDB/MySQL 1213 deadlock), MariaDB/MySQL 1205 lock wait timeout, or JPA's own
     * pessimistic-lock exceptions.
     */
    static boolean isLockConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.PessimisticLockException || t instanceof jakarta.persistence.LockTimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql) {
                String state = sql.getSQLState();
                // 40xxx: serialization failure / deadlock; 55P03: PostgreSQL lock_not_available (lock_timeout);
                // HYT00 / 50200: H2's lock timeout; 1205 / 1213: MariaDB/MySQL lock wait timeout / deadlock
                if (state != null && (state.startsWith("40") || state.equals("55P03") || state.equals("HYT00"))
                        || sql.getErrorCode() == 50200 || sql.getErrorCode() == 1205 || sql.getErrorCode() == 1213) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Re-reads an entity; one deleted by a concurrent request answers {@code notFound} (Keycloak's entity manager wraps
     * JPA's EntityNotFoundException in a ModelException).
     */
    public static void refresh(EntityManager em, Object entity, ErrorCode notFound) {
        try {
            em.refresh(entity);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
                String name = t.getClass().getSimpleName();
                if (name.equals("EntityNotFoundException") || name.equals("UnresolvableObjectException") || name.equals("ObjectDeletedException")) {
                    throw new TerminalException(notFound);
                }
            }
            throw e;
        }
    }

    private static String messages(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 10_000; t = t.getCause()) {
            sb.append(t.getMessage()).append('\n');
        }
        return sb.toString();
    }
}
