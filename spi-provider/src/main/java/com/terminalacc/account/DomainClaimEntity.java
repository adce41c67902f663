package com.terminalacc.account;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * S-DOM-2: the claim of an organisation domain by one account. The primary key (realm, name) is what makes a domain
 * belong to one account when two accounts claim it at the same moment; Keycloak's own {@code ORG_DOMAIN} has no unique
 * key on the name. Whether the domain is verified is kept where Keycloak keeps it, in the organization's domain.
 */
@Entity
@Table(name = "TACC_DOMAIN")
@IdClass(DomainClaimEntity.Key.class)
public class DomainClaimEntity {

    @Id
    @Column(name = "REALM_ID", length = 36)
    private String realmId;

    @Id
    @Column(name = "NAME", length = 255)
    private String name;

    @Column(name = "ORG_ID", length = 36, nullable = false)
    private String accountId;

    protected DomainClaimEntity() {
    }

    public DomainClaimEntity(String realmId, String name, String accountId) {
        this.realmId = realmId;
        this.name = name;
        this.accountId = accountId;
    }

    public String getName() {
        return name;
    }

    public String getAccountId() {
        return accountId;
    }

    public static class Key implements Serializable {
        private String realmId;
        private String name;

        public Key() {
        }

        public Key(String realmId, String name) {
            this.realmId = realmId;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(realmId, k.realmId) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(realmId, name);
        }
    }
}
