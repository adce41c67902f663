package com.terminalacc.contact;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.terminalacc.auth.ContactTarget;
import com.terminalacc.role.TerminalRole;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A contact on the wire. {@code role} and {@code modules} are set when the contact is an active user;
 * {@code passwordChangeRequired} while it has not yet replaced its initial (or admin-set temporary) password, and
 * {@code initialPasswordExpiresAt} (epoch ms) while an e-mailed initial password or link is outstanding;
 * {@code twoFactor} whether the active user has a second factor, OTP or a passkey (S-SEC-2);
 * {@code onboardingEmail} the outcome of the last onboarding e-mail, sent after the activation committed (issue 12).
 * {@code heldRole} (not on the wire) is the Terminal role its user holds, also while disabled, for authorization.
 */
@Schema(requiredProperties = {"id", "accountId", "firstName", "lastName", "email", "loginStatus"})
public record ContactRepresentation(
        String id,
        String accountId,
        String firstName,
        String lastName,
        String email,
        String phone,
        String jobTitle,
        String locale,
        boolean supportPermission,
        LoginStatus loginStatus,
        String userId,
        String role,
        List<String> modules,
        boolean passwordChangeRequired,
        Long initialPasswordExpiresAt,
        boolean twoFactor,
        @Schema(description = "The last onboarding e-mail (initial password or set-password link), sent after the change "
                + "committed: PENDING until the mail server answered (also after a crash in between), SENT, or FAILED "
                + "(send again with POST .../login/onboarding). Absent when none was sent or a password was set since.")
        OnboardingMail onboardingEmail,
        long createdAt,
        long updatedAt,
        @JsonIgnore TerminalRole heldRole) {

    /** The contact as authorization sees it. */
    public ContactTarget target() {
        return new ContactTarget(accountId, id, heldRole);
    }
}
