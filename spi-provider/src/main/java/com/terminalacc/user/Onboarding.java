package com.terminalacc.user;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.actiontoken.execactions.ExecuteActionsActionToken;
import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.Urls;

import com.terminalacc.common.TerminalSettings;
import com.terminalacc.contact.ContactEntity;

/**
 * S-LOG-3: how a new user gets in. Default: a random initial password by e-mail, to be replaced at the first login
 * (temporary credential = password + required action UPDATE_PASSWORD), usable only for a limited time
 * ({@link InitialPasswordExpiryAction}). Realm setting {@value #MODE} = {@code set-password-link} sends Keycloak's
 * expiring "set your password" link instead. The password is never returned, stored in clear or logged.
 */
public class Onboarding {

    public static final String MODE = "terminal.onboarding";
    public static final String MODE_PASSWORD = "initial-password";
    public static final String MODE_LINK = "set-password-link";
    public static final String LIFETIME = "terminal.initialPasswordLifetime";
    public static final String DEFAULT_LIFETIME = "72h";
    public static final String LOGIN_URL = "terminal.loginUrl";
    public static final String LINK_CLIENT = "terminal.onboardingClientId";

    static final String TEMPLATE = "terminal-initial-password.ftl";
    static final String SUBJECT = "terminalInitialPasswordSubject";

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SPECIAL = "-_.!?#%+=";
    private static final int LENGTH = 20;

    private final KeycloakSession session;
    private final RealmModel realm;

    public Onboarding(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public boolean linkMode() {
        return MODE_LINK.equalsIgnoreCase(TerminalSettings.get(realm, MODE, MODE_PASSWORD));
    }

    /** Lifetime of the initial password or link in seconds, from e.g. {@code 72h}, {@code 30m}, {@code 2d}, {@code 45s}. */
    public long lifetimeSeconds() {
        return parseDuration(TerminalSettings.get(realm, LIFETIME, DEFAULT_LIFETIME), 72 * 3600);
    }

    /**
     * Gives the user its way in and arranges the e-mail. The password (or link) is made in the caller's transaction;
     * the e-mail goes out only after that transaction has committed (issue 12): a rolled-back change sends nothing,
     * a slow mail server holds no lock, and a failed send leaves the login active with the contact's onboarding
     * e-mail FAILED ({@link OnboardingDelivery}) — calling this again is "send again".
     */
    public void start(ContactEntity contact, UserModel user, String accountName, String activatedBy) {
        long lifetime = lifetimeSeconds();
        long expiresAt = Time.currentTimeMillis() + lifetime * 1000;
        user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                .forEach(c -> user.credentialManager().removeStoredCredentialById(c.getId()));
        user.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        if (linkMode()) {
            contact.setInitialCredentialId(null);
            contact.setInitialPasswordExpiresAt(expiresAt);
            ExecuteActionsActionToken token = linkToken(user, lifetime);
            String link = link(token);
            long minutes = TimeUnit.SECONDS.toMinutes(lifetime);
            OnboardingDelivery.enlist(session, contact, user, templates -> templates
                    .setAttribute(Constants.TEMPLATE_ATTR_REQUIRED_ACTIONS, token.getRequiredActions())
                    .sendExecuteActions(link, minutes));
            return;
        }
        String password = generatePassword(user);
        user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        CredentialModel credential = user.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .findFirst().orElseThrow(() -> new IllegalStateException("password not stored"));
        contact.setInitialCredentialId(credential.getId());
        contact.setInitialPasswordExpiresAt(expiresAt);
        InitialPasswordExpiryAction.register(session, realm);

        // everything the e-mail needs from this request is taken now; the password stays in memory until it is mailed
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("initialPassword", password);
        attributes.put("loginUrl", loginUrl());
        attributes.put("expiresInHours", Math.max(1, (lifetime + 3599) / 3600));
        attributes.put("accountName", accountName);
        attributes.put("activatedBy", activatedBy);
        attributes.put("realmName", realm.getDisplayName() == null ? realm.getName() : realm.getDisplayName());
        // the user's language (or the realm default), not the activating admin's browser language
        attributes.put(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, true);
        OnboardingDelivery.enlist(session, contact, user, templates -> templates.send(SUBJECT, List.of(accountName), TEMPLATE, attributes));
    }

    private ExecuteActionsActionToken linkToken(UserModel user, long lifetime) {
        int expiration = Time.currentTime() + (int) lifetime;
        String clientId = TerminalSettings.get(realm, LINK_CLIENT, Constants.ACCOUNT_MANAGEMENT_CLIENT_ID);
        return new ExecuteActionsActionToken(user.getId(), user.getEmail(), expiration,
                List.of(UserModel.RequiredAction.UPDATE_PASSWORD.name()), null, clientId);
    }

    private String link(ExecuteActionsActionToken token) {
        UriBuilder builder = LoginActionsService.actionTokenProcessor(session.getContext().getUri());
        builder.queryParam("key", token.serialize(session, realm, session.getContext().getUri()));
        return builder.build(realm.getName()).toString();
    }

    /** Where users sign in: realm attribute {@value #LOGIN_URL}, else the Access Control Center of this Keycloak. */
    public String loginUrl() {
        String configured = realm.getAttribute(LOGIN_URL);
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName()).path("acc").path("/").build().toString();
    }

    /** A random password of {@value #LENGTH} characters from all four classes that passes the realm's policy. */
    String generatePassword(UserModel user) {
        SecureRandom random = new SecureRandom();
        PasswordPolicyManagerProvider policy = session.getProvider(PasswordPolicyManagerProvider.class);
        String all = UPPER + LOWER + DIGITS + SPECIAL;
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] chars = new char[LENGTH + attempt];
            chars[0] = UPPER.charAt(random.nextInt(UPPER.length()));
            chars[1] = LOWER.charAt(random.nextInt(LOWER.length()));
            chars[2] = DIGITS.charAt(random.nextInt(DIGITS.length()));
            chars[3] = SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            for (int i = 4; i < chars.length; i++) {
                chars[i] = all.charAt(random.nextInt(all.length()));
            }
            for (int i = chars.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                char t = chars[i];
                chars[i] = chars[j];
                chars[j] = t;
            }
            String candidate = new String(chars);
            PolicyError error = policy.validate(realm, user, candidate);
            if (error == null) {
                return candidate;
            }
        }
        throw new IllegalStateException("Could not generate an initial password that satisfies the realm's password policy");
    }

    static long parseDuration(String value, long fallback) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.matches("\\d+")) {
                return Long.parseLong(v);
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1).strip());
            return switch (v.charAt(v.length() - 1)) {
                case 's' -> n;
                case 'm' -> n * 60;
                case 'h' -> n * 3600;
                case 'd' -> n * 86400;
                default -> fallback;
            };
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
