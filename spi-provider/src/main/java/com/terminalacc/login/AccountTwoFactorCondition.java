package com.terminalacc.login;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;
import org.keycloak.provider.ProviderConfigProperty;

import com.terminalacc.account.AccountEntity;
import com.terminalacc.common.Persistence;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;

/**
 * S-SEC-1, "Condition – account requires two-factor": true when the user is a contact of an account that requires a
 * second factor. With the option {@value #CREDENTIAL} it also asks whether the user already has one (OTP or a passkey
 * as second factor): {@code present} for the sub-flow that asks for it, {@code absent} for the one that makes the user
 * set it up (Keycloak's OTP form, REQUIRED, then adds its required action). The browser and direct-grant flows of
 * {@code terminal-realm.json} show how it is used.
 */
public class AccountTwoFactorCondition implements ConditionalAuthenticator, ConditionalAuthenticatorFactory {

    /** At most 36 characters: Keycloak stores it in AUTHENTICATION_EXECUTION.AUTHENTICATOR, VARCHAR(36). */
    public static final String ID = "terminal-condition-account-2fa";
    public static final String CREDENTIAL = "credential";

    private static final List<ProviderConfigProperty> CONFIG = List.of(new ProviderConfigProperty(CREDENTIAL,
            "Second factor of the user", "any: the account's policy alone; present: and the user has OTP or a passkey; absent: and the user has neither",
            ProviderConfigProperty.LIST_TYPE, "any", "any", "present", "absent"));

    @Override
    public boolean matchCondition(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        if (user == null || !requiredFor(context.getSession(), context.getRealm(), user)) {
            return false;
        }
        AuthenticatorConfigModel config = context.getAuthenticatorConfig();
        String credential = config == null || config.getConfig() == null ? "any" : config.getConfig().getOrDefault(CREDENTIAL, "any");
        return switch (credential) {
            case "present" -> hasSecondFactor(user);
            case "absent" -> !hasSecondFactor(user);
            default -> true;
        };
    }

    /** Whether the user's account requires a second factor (one indexed lookup by user id, at login only). */
    public static boolean requiredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        ContactEntity contact = new ContactStore(session, realm).findByUser(user.getId());
        if (contact == null) {
            return false;
        }
        AccountEntity account = Persistence.em(session).find(AccountEntity.class, contact.getAccountId());
        return account != null && account.isRequireTwoFactor();
    }

    /** S-SEC-2: OTP, or a passkey registered as second factor. */
    public static boolean hasSecondFactor(UserModel user) {
        return user.credentialManager().isConfiguredFor(OTPCredentialModel.TYPE)
                || user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_TWOFACTOR)
                || user.credentialManager().isConfiguredFor(WebAuthnCredentialModel.TYPE_PASSWORDLESS);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // a condition shows nothing
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        // nothing to set up for a condition
    }

    @Override
    public void close() {
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayType() {
        return "Condition - account requires two-factor";
    }

    @Override
    public String getHelpText() {
        return "Terminal ACC: true when the user's customer account requires a second factor (S-SEC-1).";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[] {AuthenticationExecutionModel.Requirement.REQUIRED,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }
}
