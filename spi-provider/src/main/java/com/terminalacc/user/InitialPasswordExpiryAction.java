package com.terminalacc.user;

import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.Response;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalSettings;
import com.terminalacc.contact.ContactEntity;

/**
 * S-LOG-3: an unused initial password stops working after its lifetime. Runs as a required action with a priority
 * before UPDATE_PASSWORD: after a correct initial password it checks whether that password is still the e-mailed one
 * and expired, and if so ends the login on an explanatory page (the user never reaches "choose a new password").
 * Once the user has set its own password the record is cleared.
 */
public class InitialPasswordExpiryAction implements RequiredActionProvider, RequiredActionFactory {

    public static final String ID = "terminal-initial-password-expiry";
    static final int PRIORITY = 5;

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        UserModel user = context.getUser();
        EntityManager em = Persistence.em(context.getSession());
        ContactEntity contact = em.createQuery("select c from ContactEntity c where c.userId = :user", ContactEntity.class)
                .setParameter("user", user.getId()).setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        if (contact == null || contact.getInitialCredentialId() == null) {
            return;
        }
        boolean stillInitial = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .anyMatch(c -> c.getId().equals(contact.getInitialCredentialId()));
        if (!stillInitial) {
            contact.setInitialCredentialId(null);
            contact.setInitialPasswordExpiresAt(null);
            return;
        }
        Long expiresAt = contact.getInitialPasswordExpiresAt();
        if (expiresAt != null && Time.currentTimeMillis() > expiresAt) {
            context.getAuthenticationSession().addRequiredAction(ID);
        }
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.getEvent().error("initial_password_expired");
        Response page = context.form()
                .setError("terminalInitialPasswordExpired", TerminalSettings.supportContact(context.getRealm()))
                .createErrorPage(Response.Status.UNAUTHORIZED);
        context.challenge(page);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        requiredActionChallenge(context);
    }

    /**
     * Registers the action in the realm if it is missing, in its own transaction so that two first activations at
     * the same moment cannot fail each other (the loser's insert is simply ignored).
     */
    public static void register(KeycloakSession session, RealmModel realm) {
        if (realm.getRequiredActionProviderByAlias(ID) != null) {
            return;
        }
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), s -> {
                RealmModel r = s.realms().getRealm(realmId);
                if (r != null && r.getRequiredActionProviderByAlias(ID) == null) {
                    RequiredActionProviderModel model = new RequiredActionProviderModel();
                    model.setAlias(ID);
                    model.setName("Terminal: initial password expiry");
                    model.setProviderId(ID);
                    model.setEnabled(true);
                    model.setDefaultAction(false);
                    model.setPriority(PRIORITY);
                    r.addRequiredActionProvider(model);
                }
            });
        } catch (RuntimeException e) {
            // registered concurrently by another request or node: nothing to do
        }
    }

    @Override
    public String getDisplayText() {
        return "Terminal: initial password expiry";
    }

    @Override
    public boolean isOneTimeAction() {
        return true;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
