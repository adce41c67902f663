package com.terminalacc.common;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lock wait that times out is a lost race (409 {@code concurrent_modification}), not a server error: checked with the
 * exception a real H2 (the version Keycloak ships, its default development database) throws when a second transaction
 * waits for a row lock longer than the lock timeout. Issue 12: such a wait answered 500 before.
 */
class PersistenceTest {

    @Test
    void h2LockTimeoutIsALockConflict() throws Exception {
        String url = "jdbc:h2:mem:locks;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=200";
        try (Connection holder = DriverManager.getConnection(url, "sa", "");
                Connection waiter = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = holder.createStatement()) {
                s.execute("CREATE TABLE ACCOUNT (ID VARCHAR(36) PRIMARY KEY)");
                s.execute("INSERT INTO ACCOUNT VALUES ('a')");
            }
            holder.setAutoCommit(false);
            waiter.setAutoCommit(false);
            try (Statement s = holder.createStatement()) {
                s.executeQuery("SELECT ID FROM ACCOUNT WHERE ID = 'a' FOR UPDATE").close();
            }
            SQLException timeout = assertThrows(SQLException.class, () -> {
                try (Statement s = waiter.createStatement()) {
                    s.executeQuery("SELECT ID FROM ACCOUNT WHERE ID = 'a' FOR UPDATE").close();
                }
            });
            RuntimeException wrapped = new jakarta.persistence.PersistenceException("could not lock", timeout);
            assertTrue(Persistence.isLockConflict(wrapped), timeout.getSQLState() + " " + timeout.getErrorCode() + " " + timeout);
            RuntimeException translated = Persistence.translate(wrapped);
            assertTrue(translated instanceof TerminalException, translated.toString());
            assertEquals(ErrorCode.CONCURRENT_MODIFICATION, ((TerminalException) translated).getCode());
            holder.rollback();
        }
    }

    @Test
    void otherDatabaseErrorsAreNoLockConflict() {
        SQLException syntax = new SQLException("Syntax error", "42000", 42000);
        assertFalse(Persistence.isLockConflict(new jakarta.persistence.PersistenceException(syntax)));
    }
}
