package com.terminalacc.role;

import org.keycloak.models.RealmModel;

import com.terminalacc.auth.Actor;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;

/**
 * Who may do what to whom: S-ROL-1, S-ROL-3 (nobody changes their own role) and S-ROL-4 in one place. Every service
 * method that acts for a customer asks here first; the UI asks the same questions to decide what to offer.
 * Staff (S-STF-1) pass every check here; the invariants (last Owner, ...) are enforced by the services for everyone.
 */
public final class AccessPolicy {

    private final RightsMatrix matrix;

    public AccessPolicy(RealmModel realm) {
        this.matrix = RightsMatrix.of(realm);
    }

    public RightsMatrix matrix() {
        return matrix;
    }

    public boolean has(Actor actor, Right right) {
        return actor.staff() || matrix.allows(actor.role(), right);
    }

    public void require(Actor actor, Right right) {
        if (!has(actor, right)) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
    }

    /** May the actor grant (create a user with, or change a user to) this role? S-ROL-1, S-ROL-2. */
    public boolean canGrant(Actor actor, TerminalRole role) {
        if (actor.staff()) {
            return true;
        }
        if (role == TerminalRole.OWNER || !actor.role().isAbove(role)) {
            return false;
        }
        return matrix.allows(actor.role(), role == TerminalRole.ADMIN ? Right.CREATE_ADMIN : Right.CREATE_USER);
    }

    /**
     * May the actor edit a contact whose user holds {@code targetRole} ({@code null}: a plain contact)? "Edit"
     * includes module permissions, the support permission, the password and deactivating the login (S-ROL-4).
     * Acting on oneself is decided by the caller, which allows only one's own plain details.
     */
    public boolean canEdit(Actor actor, TerminalRole targetRole) {
        if (actor.staff()) {
            return true;
        }
        if (targetRole == null) {
            return matrix.allows(actor.role(), Right.MANAGE_CONTACTS);
        }
        if (!actor.role().isAbove(targetRole)) {
            return false;
        }
        return switch (targetRole) {
            case USER -> matrix.allows(actor.role(), Right.EDIT_USER);
            case ADMIN -> matrix.allows(actor.role(), Right.EDIT_ADMIN);
            case OWNER -> false;
        };
    }

    public void requireEdit(Actor actor, TerminalRole targetRole) {
        if (!canEdit(actor, targetRole)) {
            throw new TerminalException(ErrorCode.FORBIDDEN);
        }
    }
}
