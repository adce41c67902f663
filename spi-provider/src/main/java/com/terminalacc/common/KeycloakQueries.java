package com.terminalacc.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;

import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import com.terminalacc.role.RoleIndex;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginService;

/**
 * The only queries on Keycloak's own tables (users, role mappings, organizations). Everything else goes through
 * Keycloak's providers. Each query is here because the provider API would cost a query (or a user model) per row of a
 * page, or has no way to ask it; the line above each says which.
 */
public final class KeycloakQueries {

    private final EntityManager em;
    private final RealmModel realm;

    public KeycloakQueries(EntityManager em, RealmModel realm) {
        this.em = em;
        this.realm = realm;
    }

    /** A read that does not flush the persistence context (used on the token and check paths; nothing here writes). */
    private <T> TypedQuery<T> read(String jpql, Class<T> type) {
        return em.createQuery(jpql, type).setFlushMode(FlushModeType.COMMIT).setHint("org.hibernate.readOnly", true);
    }

    /** The login state of a user as a contact list shows it. */
    public record LoginState(boolean enabled, TerminalRole role, Set<String> modules, boolean mustChangePassword, boolean twoFactor) {
    }

    /**
     * Login states of a page of contacts' users. Why here: {@code UserProvider} would load each user, its role
     * mappings and required actions one by one — three queries per row instead of three per page.
     */
    public Map<String, LoginState> loginStates(Collection<String> userIds) {
        Map<String, LoginState> states = new HashMap<>();
        if (userIds.isEmpty()) {
            return states;
        }
        Set<String> mustChange = new HashSet<>(em.createQuery("select a.user.id from UserRequiredActionEntity a"
                        + " where a.user.id in :ids and a.action = :action", String.class)
                .setParameter("ids", userIds).setParameter("action", UserModel.RequiredAction.UPDATE_PASSWORD.name()).getResultList());
        Map<String, Boolean> enabled = new HashMap<>();
        for (Object[] row : em.createQuery("select u.id, u.enabled from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()) {
            enabled.put((String) row[0], (Boolean) row[1]);
        }
        Map<String, TerminalRole> roles = new HashMap<>();
        Map<String, Set<String>> modules = new HashMap<>();
        RoleIndex index = new RoleIndex(realm);
        if (!index.ids().isEmpty()) {
            for (Object[] row : em.createQuery("select m.user.id, m.roleId from UserRoleMappingEntity m where m.user.id in :ids"
                            + " and m.roleId in :roles", Object[].class)
                    .setParameter("ids", userIds).setParameter("roles", index.ids()).getResultList()) {
                String userId = (String) row[0];
                TerminalRole role = index.terminalRole((String) row[1]);
                if (role != null) {
                    roles.merge(userId, role, (a, b) -> a.isAbove(b) ? a : b);
                }
                String module = index.module((String) row[1]);
                if (module != null) {
                    modules.computeIfAbsent(userId, k -> new TreeSet<>()).add(module);
                }
            }
        }
        // S-SEC-2: whether the user has a second factor
        Set<String> twoFactor = new HashSet<>(em.createQuery("select distinct c.user.id from CredentialEntity c"
                        + " where c.user.id in :ids and c.type in :types", String.class)
                .setParameter("ids", userIds).setParameter("types", LoginService.SECOND_FACTORS).getResultList());
        for (Map.Entry<String, Boolean> e : enabled.entrySet()) {
            String id = e.getKey();
            states.put(id, new LoginState(e.getValue(), roles.get(id), modules.getOrDefault(id, Set.of()), mustChange.contains(id),
                    twoFactor.contains(id)));
        }
        return states;
    }

    /**
     * Enabled users of the account holding a realm role (the last-Owner count of S-ROL-3, under the account lock).
     * Why here: Keycloak can list a role's members only across the whole realm.
     */
    public long countEnabledWithRole(String accountId, String roleId) {
        return em.createQuery("select count(c) from ContactEntity c, UserEntity u, UserRoleMappingEntity m"
                        + " where c.accountId = :account and u.id = c.userId and u.enabled = true and m.user = u and m.roleId = :role", Long.class)
                .setParameter("account", accountId).setParameter("role", roleId).getSingleResult();
    }

    /**
     * Active users of the account who are not members of the cloud, in name order, at most {@code limit}; with a term,
     * only those whose first name, last name or e-mail address starts with it. Why here: one query instead of a user
     * model per contact. Bounded (issue 16): an account with 10,000 contacts answers the first page, never all of them.
     */
    public List<Object[]> activeContactsOutside(String accountId, String cloudId, String term, int limit) {
        String filter = term.isEmpty() ? "" : " and (lower(c.lastName) like :term escape '\\' or lower(c.firstName) like :term escape '\\'"
                + " or lower(c.email) like :term escape '\\')";
        TypedQuery<Object[]> query = em.createQuery("select c.id, c.firstName, c.lastName, c.email from ContactEntity c, UserEntity u"
                        + " where c.accountId = :account and u.id = c.userId and u.enabled = true" + filter
                        + " and not exists (select m.userId from CloudMemberEntity m where m.cloudId = :cloud and m.userId = c.userId)"
                        + " order by lower(c.lastName), lower(c.firstName), c.id", Object[].class)
                .setParameter("account", accountId).setParameter("cloud", cloudId).setMaxResults(limit);
        if (!term.isEmpty()) {
            query.setParameter("term", Like.escape(term.toLowerCase(Locale.ROOT)) + "%");
        }
        return query.getResultList();
    }

    /** Display names ("First Last", else the username) of many users. Why here: one query for a page of log entries. */
    public Map<String, String> displayNames(Collection<String> userIds) {
        Map<String, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select u.id, u.firstName, u.lastName, u.username from UserEntity u where u.id in :ids", Object[].class)
                .setParameter("ids", userIds).getResultList()) {
            String name = ((row[1] == null ? "" : row[1]) + " " + (row[2] == null ? "" : row[2])).strip();
            names.put((String) row[0], name.isEmpty() ? (String) row[3] : name);
        }
        return names;
    }

    /** Names of many accounts (organizations). Why here: one query for a page instead of one lookup per row. */
    public Map<String, String> organizationNames(Collection<String> ids) {
        Map<String, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        for (Object[] row : em.createQuery("select o.id, o.name from OrganizationEntity o where o.id in :ids", Object[].class)
                .setParameter("ids", ids).getResultList()) {
            names.put((String) row[0], (String) row[1]);
        }
        return names;
    }

    /** The domains of the accounts with their verification state (S-DOM-1), one query. */
    public Map<String, List<OrganizationDomainModel>> domains(Collection<String> accountIds) {
        Map<String, List<OrganizationDomainModel>> domains = new HashMap<>();
        if (accountIds.isEmpty()) {
            return domains;
        }
        for (Object[] d : em.createQuery("select d.organization.id, d.name, d.verified from OrganizationDomainEntity d where d.organization.id in :ids", Object[].class)
                .setParameter("ids", accountIds).getResultList()) {
            domains.computeIfAbsent((String) d[0], k -> new ArrayList<>()).add(new OrganizationDomainModel((String) d[1], (Boolean) d[2]));
        }
        return domains;
    }

    /**
     * Staff search (S-STF-1): accounts whose name contains the term, whose customer number starts with it, or one of whose
     * domains starts with it (an e-mail address searches by its domain). Why here: the customer number and the domain
     * claims are ours, Keycloak's organization search covers name and domain only and reads every organization.
     *
     * <p>Why this shape (issue 16, 100,000 accounts): the matching ids come from one union of three index lookups — the
     * customer number and the domain by prefix, the name through a trigram index on PostgreSQL (changeset
     * {@code 2026-12-03-account-search}; elsewhere one pass over the names) — and only those rows are joined and sorted,
     * instead of joining all accounts with all organizations and filtering row by row (1.5 s per page at 100,000
     * accounts before). One query for the page, one count.
     */
    public Page<Object[]> searchAccounts(String term, Paging paging) {
        // o.realmId as well as a.realmId: lets PostgreSQL walk its index on (REALM_ID, lower(NAME)) for the order
        String where = " from AccountEntity a, OrganizationEntity o where o.id = a.id and a.realmId = :realm and o.realmId = :realm";
        String domain = term.contains("@") ? term.substring(term.lastIndexOf('@') + 1) : term;
        if (!term.isEmpty()) {
            where += " and a.id in (select n.id from OrganizationEntity n where n.realmId = :realm and lower(n.name) like :contains escape '\\'"
                    + " union select c.id from AccountEntity c where c.realmId = :realm"
                    + " and lower(c.customerNumber) like :prefix escape '\\'"
                    + " union select d.accountId from DomainClaimEntity d where d.realmId = :realm and d.name like :domain escape '\\')";
        }
        TypedQuery<Object[]> query = em.createQuery("select a, o.name" + where + " order by lower(o.name), a.id", Object[].class);
        // without a term every account counts: no join needed
        TypedQuery<Long> count = em.createQuery(term.isEmpty() ? "select count(a) from AccountEntity a where a.realmId = :realm" : "select count(a)" + where, Long.class);
        for (TypedQuery<?> q : List.of(query, count)) {
            q.setParameter("realm", realm.getId());
            if (!term.isEmpty()) {
                q.setParameter("contains", "%" + Like.escape(term.toLowerCase(Locale.ROOT)) + "%");
                q.setParameter("prefix", Like.escape(term.toLowerCase(Locale.ROOT)) + "%");
                q.setParameter("domain", Like.escape(domain.toLowerCase(Locale.ROOT)) + "%");
            }
        }
        List<Object[]> rows = query.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        return new Page<>(rows, paging.first(), paging.max(), count.getSingleResult());
    }

    /** Who a user id is for the check API, without loading the user model. */
    public record Subject(String accountId, boolean enabled, TerminalRole role, Set<String> modules) {
    }

    /**
     * The check API's subject: the contact's account, the user's enabled flag, its Terminal role and module
     * permissions in one query. Why here: the check API runs on every request of an application; loading the user model
     * and its role mappings costs several queries on a cold cache.
     */
    public Subject checkSubject(String userId) {
        RoleIndex index = new RoleIndex(realm);
        String account = null;
        boolean enabled = false;
        TerminalRole role = null;
        Set<String> modules = new HashSet<>();
        for (Object[] row : read("select c.accountId, u.enabled, m.roleId from ContactEntity c join UserEntity u on u.id = c.userId"
                        + " left join UserRoleMappingEntity m on m.user = u where c.userId = :user", Object[].class)
                .setParameter("user", userId).getResultList()) {
            account = (String) row[0];
            enabled = Boolean.TRUE.equals(row[1]);
            String roleId = (String) row[2];
            if (roleId != null) {
                TerminalRole r = index.terminalRole(roleId);
                if (r != null && (role == null || r.isAbove(role))) {
                    role = r;
                }
                String module = index.module(roleId);
                if (module != null) {
                    modules.add(module);
                }
            }
        }
        return account == null ? null : new Subject(account, enabled, role, modules);
    }
}
