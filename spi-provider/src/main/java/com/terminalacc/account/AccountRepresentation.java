package com.terminalacc.account;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.keycloak.models.OrganizationDomainModel;

/**
 * An account on the wire (staff and customer API). {@code domains} are all its domains, {@code verifiedDomains} those
 * that count (S-DOM-1), {@code pendingDomains} the others with the DNS TXT record that proves them.
 */
@Schema(requiredProperties = {"id", "name", "type", "domains", "verifiedDomains", "pendingDomains", "accEnabled", "allowExternalEmails",
        "requireTwoFactor", "createdAt"})
public record AccountRepresentation(
        String id,
        String name,
        AccountType type,
        List<String> domains,
        List<String> verifiedDomains,
        List<PendingDomain> pendingDomains,
        boolean accEnabled,
        boolean allowExternalEmails,
        boolean requireTwoFactor,
        String customerNumber,
        long createdAt) {

    /** A domain waiting for its proof: create a TXT record {@code recordName} with the text {@code recordValue}. */
    public record PendingDomain(String domain, String recordName, String recordValue) {
    }

    public static AccountRepresentation of(Account account) {
        return of(account.entity(), account.name(), account.org().getDomains().toList());
    }

    public static AccountRepresentation of(AccountEntity e, String name, Collection<OrganizationDomainModel> domains) {
        List<OrganizationDomainModel> sorted = domains.stream().sorted(Comparator.comparing(OrganizationDomainModel::getName)).toList();
        List<PendingDomain> pending = sorted.stream().filter(d -> !d.isVerified())
                .map(d -> new PendingDomain(d.getName(), DomainVerifier.recordName(d.getName()),
                        e.getDomainToken() == null ? null : DomainVerifier.recordValue(e.getDomainToken())))
                .toList();
        return new AccountRepresentation(e.getId(), name, e.getType(), sorted.stream().map(OrganizationDomainModel::getName).toList(),
                sorted.stream().filter(OrganizationDomainModel::isVerified).map(OrganizationDomainModel::getName).toList(), pending,
                e.isAccEnabled(), e.isAllowExternalEmails(), e.isRequireTwoFactor(), e.getCustomerNumber(), e.getCreatedAt());
    }
}
