package com.terminalacc.auth;

import com.terminalacc.role.TerminalRole;

/**
 * A contact as authorization sees it.
 *
 * @param role the Terminal role its user holds — also while the user is disabled (a dormant Owner is still an Owner
 *             for the hierarchy); {@code null} for a plain contact
 */
public record ContactTarget(String accountId, String contactId, TerminalRole role) {
}
