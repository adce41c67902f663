package com.terminalacc.account;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An account on the wire (staff and customer API). */
@Schema(requiredProperties = {"id", "name", "type", "domains", "accEnabled", "allowExternalEmails", "createdAt"})
public record AccountRepresentation(
        String id,
        String name,
        AccountType type,
        List<String> domains,
        boolean accEnabled,
        boolean allowExternalEmails,
        String customerNumber,
        long createdAt) {

    public static AccountRepresentation of(Account account) {
        AccountEntity e = account.entity();
        return new AccountRepresentation(e.getId(), account.name(), e.getType(), account.domains(), e.isAccEnabled(),
                e.isAllowExternalEmails(), e.getCustomerNumber(), e.getCreatedAt());
    }
}
