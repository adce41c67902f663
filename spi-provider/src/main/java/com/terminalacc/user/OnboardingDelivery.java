package com.terminalacc.user;

import java.util.Objects;

import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.account.AccountStore;
import com.terminalacc.common.Persistence;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.OnboardingMail;

/**
 * Sends the onboarding e-mail after the activating transaction has committed (S-LOG-3, issue 12), the way Keycloak's
 * {@code EmailEventListenerProvider} sends its mails: enlisted with {@code enlistAfterCompletion}, so a rolled-back
 * change sends nothing and a slow mail server holds no lock. The outcome (SENT or FAILED) is recorded in a transaction
 * of its own; a crash between commit and answer leaves PENDING, which the pages show with "send again".
 */
final class OnboardingDelivery extends AbstractKeycloakTransaction {

    private static final Logger LOG = Logger.getLogger(OnboardingDelivery.class);

    /** What the e-mail says, composed before the commit; sent with the template provider of a session opened after it. */
    interface Mail {
        void send(EmailTemplateProvider templates) throws EmailException;
    }

    private final KeycloakSessionFactory factory;
    private final HttpRequest request;
    private final String realmId;
    private final String accountId;
    private final String contactId;
    private final String userId;
    private final Long sendId;
    private final Mail mail;

    private OnboardingDelivery(KeycloakSession session, ContactEntity contact, UserModel user, Mail mail) {
        this.factory = session.getKeycloakSessionFactory();
        this.request = session.getContext().getHttpRequest();
        this.realmId = contact.getRealmId();
        this.accountId = contact.getAccountId();
        this.contactId = contact.getId();
        this.userId = user.getId();
        this.sendId = contact.getInitialPasswordExpiresAt(); // new with every send: tells this send from a later one
        this.mail = mail;
    }

    /** Marks the contact's onboarding e-mail PENDING and sends it once this session's transaction has committed. */
    static void enlist(KeycloakSession session, ContactEntity contact, UserModel user, Mail mail) {
        contact.setOnboardingMail(OnboardingMail.PENDING);
        session.getTransactionManager().enlistAfterCompletion(new OnboardingDelivery(session, contact, user, mail));
    }

    @Override
    protected void commitImpl() {
        // Runs inside the committing request: nothing may escape, the change is committed and its answer stands.
        OnboardingMail outcome;
        try {
            outcome = send() ? OnboardingMail.SENT : OnboardingMail.FAILED;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Onboarding e-mail for user %s could not be sent", userId);
            outcome = OnboardingMail.FAILED;
        }
        try {
            record(outcome);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Outcome %s of the onboarding e-mail for user %s could not be recorded; it stays PENDING", outcome, userId);
        }
    }

    @Override
    protected void rollbackImpl() {
        // the change was rolled back: nothing is sent, the password (only ever in memory) is forgotten
    }

    /** True when the mail server accepted the e-mail. The password is never logged, nor is the mail's text. */
    private boolean send() {
        boolean[] sent = {false};
        KeycloakModelUtils.runJobInTransaction(factory, s -> {
            RealmModel realm = realm(s);
            s.getContext().setHttpRequest(request); // links and the theme's URLs are those of the activating request
            UserModel user = realm == null ? null : s.users().getUserById(realm, userId);
            if (user == null) {
                LOG.warnf("Onboarding e-mail not sent: user %s no longer exists", userId);
                return;
            }
            EmailTemplateProvider templates = s.getProvider(EmailTemplateProvider.class)
                    // the user's language (or the realm default), not the activating admin's browser language
                    .setAttribute(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, true)
                    .setRealm(realm)
                    .setUser(user);
            try {
                mail.send(templates);
                sent[0] = true;
            } catch (EmailException e) {
                LOG.warnf("Onboarding e-mail for user %s could not be sent: %s", userId, e.getMessage());
            }
        });
        return sent[0];
    }

    /** A short transaction under the account lock, so that no concurrent change of the contact overwrites it. */
    private void record(OnboardingMail outcome) {
        KeycloakModelUtils.runJobInTransaction(factory, s -> {
            new AccountStore(s, realm(s)).lock(accountId);
            ContactEntity contact = Persistence.em(s).find(ContactEntity.class, contactId);
            // a later send, or a password an Owner/Admin set meanwhile, owns the state now
            if (contact != null && userId.equals(contact.getUserId()) && Objects.equals(sendId, contact.getInitialPasswordExpiresAt())) {
                contact.setOnboardingMail(outcome);
            }
        });
    }

    /** The contact's realm as the new session's realm: the e-mail theme is the realm's (an admin request may run in master). */
    private RealmModel realm(KeycloakSession s) {
        RealmModel realm = s.realms().getRealm(realmId);
        s.getContext().setRealm(realm);
        return realm;
    }
}
