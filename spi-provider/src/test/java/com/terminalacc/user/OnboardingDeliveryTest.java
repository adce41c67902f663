package com.terminalacc.user;

import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.UserModel;
import org.keycloak.services.DefaultKeycloakTransactionManager;
import org.keycloak.tracing.NoopTracingProvider;
import org.keycloak.tracing.TracingProvider;

import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.OnboardingMail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * S-LOG-3, issue 12: a rolled-back change never delivers the onboarding e-mail. No request of ours fails after
 * {@code Onboarding.start} in the same transaction, so this runs Keycloak's own transaction manager: the e-mail is
 * reachable only from the after-completion commit, which Keycloak skips when the change rolls back or fails to commit.
 */
class OnboardingDeliveryTest {

    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger sessionsOpened = new AtomicInteger();

    @Test
    void aRolledBackChangeSendsNothing() {
        DefaultKeycloakTransactionManager tx = transactionManager();
        tx.begin();
        ContactEntity contact = contact();
        OnboardingDelivery.enlist(session(tx), contact, user(), templates -> sent.incrementAndGet());
        assertEquals(OnboardingMail.PENDING, contact.getOnboardingMail(), "marked in the change itself");
        tx.rollback();
        assertEquals(0, sent.get());
        assertEquals(0, sessionsOpened.get(), "the after-commit step never ran");
    }

    @Test
    void aCommittedChangeSendsAfterTheCommitAndItsFailureDoesNotUndoTheAnswer() {
        DefaultKeycloakTransactionManager tx = transactionManager();
        tx.begin();
        OnboardingDelivery.enlist(session(tx), contact(), user(), templates -> sent.incrementAndGet());
        assertEquals(0, sessionsOpened.get(), "nothing is sent inside the change");
        tx.commit(); // the send fails here (no server): logged, recorded as far as possible, never thrown
        assertEquals(2, sessionsOpened.get(), "one session to send, one to record the outcome");
    }

    @Test
    void aChangeWhoseCommitFailsSendsNothing() {
        DefaultKeycloakTransactionManager tx = transactionManager();
        tx.begin();
        tx.enlist(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                throw new IllegalStateException("the database refused the commit");
            }

            @Override
            protected void rollbackImpl() {
            }
        });
        OnboardingDelivery.enlist(session(tx), contact(), user(), templates -> sent.incrementAndGet());
        assertThrows(IllegalStateException.class, tx::commit);
        assertEquals(0, sent.get());
        assertEquals(0, sessionsOpened.get(), "the after-commit step never ran");
    }

    private static DefaultKeycloakTransactionManager transactionManager() {
        TracingProvider tracing = new NoopTracingProvider();
        return new DefaultKeycloakTransactionManager(proxy(KeycloakSession.class, (method, args) ->
                method.equals("getProvider") && args[0] == TracingProvider.class ? tracing : null));
    }

    /** A session on Keycloak's transaction manager; a session the delivery opens after the commit is counted. */
    private KeycloakSession session(DefaultKeycloakTransactionManager tx) {
        KeycloakContext context = proxy(KeycloakContext.class, (method, args) -> null);
        KeycloakSessionFactory factory = proxy(KeycloakSessionFactory.class, (method, args) -> {
            if (method.equals("create")) {
                sessionsOpened.incrementAndGet();
                throw new IllegalStateException("no server in a unit test");
            }
            return null;
        });
        return proxy(KeycloakSession.class, (method, args) -> switch (method) {
            case "getTransactionManager" -> tx;
            case "getKeycloakSessionFactory" -> factory;
            case "getContext" -> context;
            default -> null;
        });
    }

    private static ContactEntity contact() {
        ContactEntity contact = new ContactEntity();
        contact.setId("contact-1");
        contact.setRealmId("realm-1");
        contact.setAccountId("account-1");
        contact.setInitialPasswordExpiresAt(1L);
        return contact;
    }

    private static UserModel user() {
        return proxy(UserModel.class, (method, args) -> method.equals("getId") ? "user-1" : null);
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args)));
    }
}
