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

    public List<String> domains() {
        return org.getDomains().map(OrganizationDomainModel::getName).sorted().toList();
    }
}
