package com.terminalacc.user;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import com.terminalacc.contact.ContactEntity;
import com.terminalacc.account.AccountStore;
import com.terminalacc.common.Persistence;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.role.TerminalRole;

/**
 * Holds the two account invariants against changes made past the ACC, with Keycloak's admin console or admin REST
 * API: taking the realm role Owner from the last Owner, and deleting the user of the last Owner or of a cloud's last
 * Cloud-Admin (also when the user goes with its organization). Keycloak publishes these model events inside the
 * changing transaction, so throwing here answers 409 with our error code and rolls the change back.
 *
 * <p>The ACC's own paths pass: they check the same rules first, and unlink a contact from its user before deleting
 * the user. Realm deletion removes users in bulk without these events. Costs on other paths: nothing for other roles,
 * one indexed query per deleted user.
 */
public final class OutsideChangeGuard implements ProviderEventListener {

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RoleModel.RoleRevokedEvent revoked) {
            RoleModel role = revoked.getRole();
            if (!role.isClientRole() && TerminalRole.OWNER.roleName().equals(role.getName())) {
                ownerRevoked(revoked.getKeycloakSession(), revoked.getRealm(), revoked.getUser());
            }
        } else if (event instanceof UserModel.UserPreRemovedEvent removed) {
            userRemoved(removed.getKeycloakSession(), removed.getRealm(), removed.getUser());
        }
    }

    /**
     * The realm role Owner was just taken from a contact's user (already written in this transaction): refused if the
     * account is left without an active Owner (S-ROL-3). The ACC's own paths check first and pass here.
     */
    private static void ownerRevoked(KeycloakSession session, RealmModel realm, UserModel user) {
        ContactEntity contact = new ContactStore(session, realm).findByUser(user.getId());
        if (contact != null && user.isEnabled()) {
            Persistence.flush(Persistence.em(session));
            new AccountStore(session, realm).lock(contact.getAccountId());
            new LastOwnerRule(session, realm).requireOneLeft(contact.getAccountId());
        }
    }

    /**
     * A contact's user is being deleted by something other than the ACC: the rules of deleting the login here apply
     * (S-ROL-3 last Owner, S-CLD-3 last Cloud-Admin); otherwise its cloud memberships go and the contact stays.
     */
    private static void userRemoved(KeycloakSession session, RealmModel realm, UserModel user) {
        ContactEntity contact = new ContactStore(session, realm).findByUser(user.getId());
        if (contact != null) {
            Persistence.flush(Persistence.em(session));
            new AccountStore(session, realm).lock(contact.getAccountId());
            new ContactUsers(session, realm).detach(contact, user);
        }
    }
}
