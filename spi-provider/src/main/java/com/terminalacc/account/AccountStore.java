package com.terminalacc.account;

import java.sql.Connection;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.Session;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.organization.OrganizationProvider;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;

/**
 * Accounts at the bottom: reading one, and the account lock. Every use case that checks an invariant over an
 * account's contacts, users or clouds (single contact of a PERSONAL account, last Owner, last Cloud-Admin, one pending
 * owner request per contact) takes this lock once, right after its authorization check, so concurrent requests on one
 * account are serialised by the database — also across cluster nodes.
 *
 * <p>What a use case reads after the lock must show every change committed before the lock was granted: that is READ
 * COMMITTED, PostgreSQL's and H2's default. MariaDB and MySQL default to REPEATABLE READ, where plain reads after
 * {@code SELECT … FOR UPDATE} still see the snapshot of the transaction's first read, so two concurrent demotions of
 * two Owners could both see two Owners. The lock therefore verifies the transaction's isolation and refuses to work
 * on anything else (README, production: MariaDB/MySQL with {@code transactionIsolation=READ-COMMITTED}).
 */
public class AccountStore {

    private final RealmModel realm;
    private final EntityManager em;
    private final OrganizationProvider orgs;

    public AccountStore(KeycloakSession session, RealmModel realm) {
        this.realm = realm;
        this.em = Persistence.em(session);
        this.orgs = session.getProvider(OrganizationProvider.class);
    }

    /** The account, or 404 {@code account_not_found} (also for an account of another realm). */
    public Account get(String id) {
        return toAccount(id == null ? null : em.find(AccountEntity.class, id));
    }

    /** The account with its row locked until the transaction ends (and re-read: what the lock shows is current). */
    public Account lock(String id) {
        requireReadCommitted();
        AccountEntity entity;
        try {
            entity = id == null ? null : em.find(AccountEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (entity != null) {
                em.refresh(entity);
            }
        } catch (RuntimeException e) {
            throw Persistence.translate(e);
        }
        return toAccount(entity);
    }

    /**
     * Locks two accounts in one fixed order (by id), for a use case that writes rows of one account referring to the
     * other (a share, a partner's member): the database's foreign-key check takes a shared lock on the other account's
     * row, so two such requests in opposite directions, each holding its own account, would deadlock.
     */
    public Account lock(String id, String other) {
        if (other == null || other.equals(id)) {
            return lock(id);
        }
        if (id.compareTo(other) < 0) {
            Account first = lock(id);
            lock(other);
            return first;
        }
        lock(other);
        return lock(id);
    }

    private void requireReadCommitted() {
        int isolation = em.unwrap(Session.class).doReturningWork(Connection::getTransactionIsolation);
        if (isolation != Connection.TRANSACTION_READ_COMMITTED) {
            throw new TerminalException(ErrorCode.DATABASE_ISOLATION);
        }
    }

    private Account toAccount(AccountEntity entity) {
        if (entity == null || !entity.getRealmId().equals(realm.getId())) {
            throw new TerminalException(ErrorCode.ACCOUNT_NOT_FOUND);
        }
        OrganizationModel org = orgs.getById(entity.getId());
        if (org == null) {
            throw new TerminalException(ErrorCode.ACCOUNT_NOT_FOUND);
        }
        return new Account(org, entity);
    }
}
