package com.terminalacc.it.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.testframework.annotations.InjectAdminClient;
import org.keycloak.testframework.annotations.InjectRealm;
import org.keycloak.testframework.injection.LifeCycle;
import org.keycloak.testframework.mail.MailServer;
import org.keycloak.testframework.mail.annotations.InjectMailServer;
import org.keycloak.testframework.realm.ManagedRealm;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Shared by all integration tests: the {@code terminal} realm imported from the shipped realm file (one realm for
 * the whole suite; every test makes its own accounts with unique names and domains), the master admin client, the
 * SMTP test server, and helpers that drive the staff and customer APIs over HTTP.
 */
public abstract class AbstractTerminalIT {

    public static final String REALM = "terminal";
    public static final String PASSWORD = "Start-Passwort-2026";
    private static final AtomicInteger SEQ = new AtomicInteger();

    @InjectRealm(fromJson = "/terminal-realm.json", config = TerminalRealmConfig.class, lifecycle = LifeCycle.GLOBAL)
    protected ManagedRealm realm;

    @InjectAdminClient
    protected Keycloak admin;

    @InjectMailServer
    protected MailServer mail;

    /**
     * A provider employee: a realm user without an account, holding the staff role (S-STF-1); password
     * {@link #PASSWORD}. Returns its e-mail (= username).
     */
    protected String newStaffUser() {
        return newRealmUser("staff", realm.admin().roles().get("terminal-staff").toRepresentation());
    }

    /** A realm user without an account with the given realm roles (or client roles); returns its e-mail. */
    protected String newRealmUser(String prefix, org.keycloak.representations.idm.RoleRepresentation... roles) {
        String email = prefix + "-" + uid() + "@provider.test";
        UserRepresentation u = new UserRepresentation();
        u.setUsername(email);
        u.setEmail(email);
        u.setFirstName("Sven");
        u.setLastName("Staff");
        u.setEnabled(true);
        u.setEmailVerified(true);
        String id;
        try (jakarta.ws.rs.core.Response r = realm.admin().users().create(u)) {
            assertEquals(201, r.getStatus());
            String path = r.getLocation().getPath();
            id = path.substring(path.lastIndexOf('/') + 1);
        }
        setPassword(id, PASSWORD);
        for (org.keycloak.representations.idm.RoleRepresentation role : roles) {
            if (role.getClientRole()) {
                realm.admin().users().get(id).roles().clientLevel(role.getContainerId()).add(List.of(role));
            } else {
                realm.admin().users().get(id).roles().realmLevel().add(List.of(role));
            }
        }
        return email;
    }

    /** The staff API with a token of a staff user, issued for the staff API (client with the terminal-staff scope). */
    protected Api staffAs(String email) {
        String token = Api.passwordGrant(REALM, TerminalRealmConfig.STAFF_CLIENT, email, PASSWORD).get("access_token").asText();
        return Api.staff(REALM, () -> token);
    }

    /** The staff API with the master realm administrator's token. */
    protected Api staff() {
        return Api.staff(REALM, () -> admin.tokenManager().getAccessTokenString());
    }

    protected static String uid() {
        return SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A fresh BUSINESS account with one domain and its Owner, ready to call the customer API. */
    protected TestAccount newBusinessAccount() {
        return newAccount("BUSINESS", true);
    }

    protected TestAccount newAccount(String type, boolean withDomain) {
        String id = uid();
        String domain = "firma-" + id + ".test";
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("firstName", "Olga");
        owner.put("lastName", "Owner");
        owner.put("email", "olga.owner@" + domain);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Firma " + id);
        body.put("type", type);
        body.put("domains", withDomain ? List.of(domain) : List.of());
        body.put("owner", owner);
        ApiResponse created = staff().post("accounts", body);
        assertEquals(201, created.status(), created.toString());
        String accountId = created.text("id");
        ApiResponse contacts = staff().get("accounts/" + accountId + "/contacts");
        assertEquals(200, contacts.status(), contacts.toString());
        String ownerContactId = contacts.body().get("items").get(0).get("id").asText();
        String ownerUserId = contacts.body().get("items").get(0).get("userId").asText();
        setPassword(ownerUserId, PASSWORD);
        return new TestAccount(accountId, "Firma " + id, domain, ownerContactId, ownerUserId, "olga.owner@" + domain);
    }

    /**
     * Sets a permanent password through the admin client and clears the forced password change, standing in for a
     * user who has completed onboarding (the onboarding itself is tested on its own).
     */
    protected void setPassword(String userId, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        UserResource user = realm.admin().users().get(userId);
        user.resetPassword(credential);
        UserRepresentation rep = user.toRepresentation();
        rep.setRequiredActions(List.of());
        user.update(rep);
    }

    /**
     * A new contact of the account with an activated login (role {@code admin} or {@code user}, and the given module
     * permissions), made by the account's Owner through the customer API; the user has password {@link #PASSWORD}.
     */
    protected TestUser newUser(TestAccount account, String role, String... modules) {
        String email = account.email(role + "-" + uid());
        Api owner = as(account.ownerEmail());
        ApiResponse contact = owner.post("contacts", contact("Test", role, email));
        assertEquals(201, contact.status(), contact.toString());
        String contactId = contact.text("id");
        ApiResponse activated = owner.post("contacts/" + contactId + "/login", Map.of("role", role, "modules", List.of(modules)));
        assertEquals(201, activated.status(), activated.toString());
        String userId = activated.text("userId");
        setPassword(userId, PASSWORD);
        return new TestUser(contactId, userId, email);
    }

    public record TestUser(String contactId, String userId, String email) {
    }

    /** Sets a realm attribute (Terminal settings live there) and returns its previous value. */
    protected String setRealmAttribute(String key, String value) {
        org.keycloak.representations.idm.RealmRepresentation rep = realm.admin().toRepresentation();
        Map<String, String> attributes = rep.getAttributes() == null ? new java.util.HashMap<>() : new java.util.HashMap<>(rep.getAttributes());
        String previous = attributes.put(key, value == null ? "" : value);
        rep.setAttributes(attributes);
        realm.admin().update(rep);
        return previous;
    }

    /** The customer API as the given user (password {@link #PASSWORD}). */
    protected Api as(String email) {
        String token = userToken(email);
        return Api.customer(REALM, () -> token);
    }

    /** A password-grant token of the test client (see {@link Api#passwordGrant} for refusals). */
    protected String userToken(String email) {
        return Api.passwordToken(REALM, email, PASSWORD);
    }

    /** The applications' API ({@code /acc/app}) as the realm's example service account {@code terminal-backend}. */
    protected Api app() {
        String id = realm.admin().clients().findByClientId("terminal-backend").get(0).getId();
        String secret = realm.admin().clients().get(id).getSecret().getValue();
        String token = Api.clientToken(REALM, "terminal-backend", secret);
        return new Api(Api.BASE + "/realms/" + REALM + "/acc/app", () -> token);
    }

    /** The applications' API with a user's own token. */
    protected Api appAs(String email) {
        String token = userToken(email);
        return new Api(Api.BASE + "/realms/" + REALM + "/acc/app", () -> token);
    }

    /** A new cloud of the caller's account, created through the customer API; returns its id. */
    protected String newCloud(Api as, String name) {
        ApiResponse r = as.post("clouds", Map.of("name", name));
        assertEquals(201, r.status(), r.toString());
        return r.text("id");
    }

    protected Api anonymous() {
        return Api.customer(REALM, () -> null);
    }

    protected static Map<String, Object> contact(String firstName, String lastName, String email) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("firstName", firstName);
        m.put("lastName", lastName);
        m.put("email", email);
        return m;
    }

    public record TestAccount(String id, String name, String domain, String ownerContactId, String ownerUserId, String ownerEmail) {
        public String email(String local) {
            return local + "@" + domain;
        }
    }
}
