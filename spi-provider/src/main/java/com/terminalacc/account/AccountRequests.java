package com.terminalacc.account;

import java.util.List;

import com.terminalacc.contact.ContactRequests.ContactInput;

/** Request bodies of the account endpoints. Absent (null) fields of an update leave the value unchanged. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** Staff: a new account together with its first contact, who becomes its Owner (S-ACC-5). */
    public record CreateAccount(String name, String type, List<String> domains, Boolean accEnabled,
                                Boolean allowExternalEmails, String customerNumber, ContactInput owner) {
    }

    /** Staff: change any of the account's settings. */
    public record UpdateAccount(String name, String type, List<String> domains, Boolean accEnabled,
                                Boolean allowExternalEmails, String customerNumber, Boolean requireTwoFactor) {
    }

    /** Customer (Owner): PERSONAL → BUSINESS, the organisation domains and the two-factor policy (S-SEC-1). */
    public record UpdateOwnAccount(String type, List<String> domains, Boolean requireTwoFactor) {

        public UpdateOwnAccount(String type, List<String> domains) {
            this(type, domains, null);
        }
    }
}
