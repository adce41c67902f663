package com.terminalacc.account;

import java.util.List;

import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;

/** A customer account as the service layer sees it: the Keycloak organization plus our row. */
public record Account(OrganizationModel org, AccountEntity entity) {

    public String id() {
        return entity.getId();
    }

    public String name() {
        return org.getName();
    }

    public AccountType type() {
        return entity.getType();
    }

    /** All domains of the account, verified or pending (S-DOM-1). */
    public List<String> domains() {
        return org.getDomains().map(OrganizationDomainModel::getName).sorted().toList();
    }

    /** The domains that count for contact e-mails (S-ACC-3) and for finding a share partner (S-CLD-9): S-DOM-1. */
    public List<String> verifiedDomains() {
        return org.getDomains().filter(OrganizationDomainModel::isVerified).map(OrganizationDomainModel::getName).sorted().toList();
    }
}
