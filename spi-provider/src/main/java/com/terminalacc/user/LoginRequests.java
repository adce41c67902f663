package com.terminalacc.user;

import java.util.List;

import com.terminalacc.contact.ContactRequests.ContactUpdate;

/** Request bodies of the login endpoints of a contact. */
public final class LoginRequests {

    private LoginRequests() {
    }

    /**
     * The whole login activation wizard in one body (S-LOG-1): contact details → role → module permissions.
     * {@code contact} may be omitted; {@code modules} defaults to none.
     */
    public record ActivateLogin(ContactUpdate contact, String role, List<String> modules) {
    }

    public record ChangeRole(String role) {
    }

    public record SetModules(List<String> modules) {
    }

    /** S-LOG-4: {@code temporary} defaults to true (the user chooses a new one at the next login). */
    public record SetPassword(String password, Boolean temporary) {
    }

    /** Steps of the activation wizard that can be validated alone. */
    public enum Step {
        DETAILS, ROLE, MODULES, ALL;

        public static Step parse(String value) {
            if (value == null || value.isBlank()) {
                return ALL;
            }
            for (Step s : values()) {
                if (s.name().equalsIgnoreCase(value.strip())) {
                    return s;
                }
            }
            throw new com.terminalacc.common.TerminalException(com.terminalacc.common.ErrorCode.INVALID_QUERY_PARAMETER, "step");
        }

        boolean includes(Step step) {
            return this == ALL || this == step;
        }
    }
}
