package com.terminalacc.jpa;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import com.terminalacc.account.AccountEntity;
import com.terminalacc.account.DomainClaimEntity;
import com.terminalacc.cloud.CloudEntity;
import com.terminalacc.cloud.CloudMemberEntity;
import com.terminalacc.cloud.CloudShareEntity;
import com.terminalacc.cloud.ProductEntity;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.owner.OwnerRequestEntity;

/**
 * Adds our entities to Keycloak's persistence unit and our Liquibase changelog to its migration. Keycloak keeps the
 * changelog state in {@code DATABASECHANGELOG_<first ten letters of the id>}, so the id must not change.
 */
public class TerminalJpaEntityProviderFactory implements JpaEntityProviderFactory, JpaEntityProvider {

    public static final String ID = "terminal-acc-entities";

    private static final List<Class<?>> ENTITIES = List.of(
            AccountEntity.class,
            DomainClaimEntity.class,
            ContactEntity.class,
            OwnerRequestEntity.class,
            CloudEntity.class,
            CloudMemberEntity.class,
            CloudShareEntity.class,
            ProductEntity.class);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public List<Class<?>> getEntities() {
        return ENTITIES;
    }

    @Override
    public String getChangelogLocation() {
        return "META-INF/terminal-acc/changelog-master.xml";
    }

    @Override
    public String getFactoryId() {
        return ID;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
