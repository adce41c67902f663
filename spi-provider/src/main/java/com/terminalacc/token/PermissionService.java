package com.terminalacc.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.TypedQuery;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.Permissions;
import com.terminalacc.cloud.MemberType;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.Right;
import com.terminalacc.role.RightsMatrix;
import com.terminalacc.role.TerminalRole;

/**
 * What a user may do, as applications see it (S-TOK-1…3): the {@code terminal} claim of tokens, the permissions
 * endpoint behind the overage reference, and the check API. Runs on every token and every check, so every method
 * costs a small, fixed number of indexed queries whatever the number of clouds — never a query per cloud — and
 * reads role and module permissions from Keycloak's cached user model. The claim's database part is cached across
 * the cluster until the account's clouds or memberships change ({@link ClaimCache}); the permissions endpoint and
 * the check API always read the current data (S-TOK-3).
 */
public class PermissionService {

    /** Most checks in one batch. */
    public static final int MAX_CHECKS = 100;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;

    public PermissionService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
    }

    /**
     * A read-only query that does not flush: the token endpoint has Keycloak's session entities in the persistence
     * context, and an automatic flush would dirty-check them all before each of our queries. Nothing here writes.
     */
    private <T> TypedQuery<T> read(String jpql, Class<T> type) {
        return em.createQuery(jpql, type).setFlushMode(FlushModeType.COMMIT).setHint("org.hibernate.readOnly", true);
    }

    /**
     * A customer user: its account and role; null for users without a contact (staff, admins, service accounts).
     * {@code allClouds}: its role has the right manage-all-clouds — every cloud of its account as Cloud-Admin (S-CLD-7).
     */
    public record Subject(UserModel user, String accountId, TerminalRole role, boolean allClouds) {
        boolean owner() {
            return allClouds;
        }
    }

    private boolean allClouds(TerminalRole role) {
        return RightsMatrix.of(realm).allows(role, Right.MANAGE_ALL_CLOUDS);
    }

    /** One query: the user's contact gives its account. */
    public Subject subject(UserModel user) {
        if (user == null || !user.isEnabled()) {
            return null;
        }
        List<String> accounts = read("select c.accountId from ContactEntity c where c.userId = :user", String.class)
                .setParameter("user", user.getId()).getResultList();
        if (accounts.isEmpty()) {
            return null;
        }
        TerminalRole role = TerminalRole.of(realm, user).orElse(null);
        return role == null ? null : new Subject(user, accounts.get(0), role, allClouds(role));
    }

    // ---- the token claim (S-TOK-1, S-TOK-2)

    /**
     * The {@code terminal} claim: account, role, module permissions and the cloud map — or, past {@code maxClouds}
     * clouds or {@code maxCloudBytes} bytes of map, a reference to the permissions endpoint with the count.
     */
    public Map<String, Object> claim(UserModel user, int maxClouds, int maxCloudBytes, String endpoint) {
        if (user == null || !user.isEnabled()) {
            return null;
        }
        TerminalRole role = TerminalRole.of(realm, user).orElse(null); // from Keycloak's cached user: no SQL
        if (role == null) {
            return null;
        }
        boolean owner = allClouds(role);
        // The database part comes from the cache while the account's version is unchanged (see ClaimCache).
        ClaimCache cache = new ClaimCache(session, realm);
        String variant = maxClouds + "." + maxCloudBytes;
        String known = cache.accountOf(user.getId());
        String version = known == null ? null : cache.version(known); // before the database is read
        ClaimCache.Entry entry = version == null ? null : cache.get(user.getId(), variant, version, owner);
        if (entry == null) {
            entry = load(new Subject(user, null, role, owner), maxClouds, maxCloudBytes);
            if (entry == null) {
                return null;
            }
            if (known == null) {
                cache.rememberAccount(user.getId(), entry.account());
            } else if (version == null) {
                ClaimCache.changed(session, realm, List.of(known)); // no version (never written, or lost): a new one
            } else if (known.equals(entry.account())) {
                cache.put(user.getId(), variant, version, entry);
            }
        }
        Map<String, Object> claim = new LinkedHashMap<>();
        claim.put("account", entry.account());
        claim.put("role", role.wire());
        claim.put("modules", new ArrayList<>(ModuleCatalog.of(realm).held(user)));
        if (entry.overageCount() != null) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("count", entry.overageCount());
            ref.put("endpoint", endpoint);
            claim.put("cloudsRef", ref);
        } else {
            claim.put("clouds", entry.clouds());
        }
        return claim;
    }

    /**
     * The database part of the claim: one query for the contact (its account) and at most {@code maxClouds + 1}
     * memberships, one more for an Owner's account clouds, one count past the threshold. Null without a contact.
     */
    private ClaimCache.Entry load(Subject user, int maxClouds, int maxCloudBytes) {
        List<Object[]> rows = read("select c.accountId, m.cloudId, m.type, m.canWrite, m.canOrder from ContactEntity c"
                        + " left join CloudMemberEntity m on m.userId = c.userId where c.userId = :user order by m.cloudId", Object[].class)
                .setParameter("user", user.user().getId()).setMaxResults(maxClouds + 2).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Subject subject = new Subject(user.user(), (String) rows.get(0)[0], user.role(), user.allClouds());
        Map<String, String> clouds = new TreeMap<>();
        for (Object[] row : rows) {
            if (row[1] != null) {
                clouds.put((String) row[1], Permissions.effective((MemberType) row[2], (Boolean) row[3], (Boolean) row[4], false));
            }
        }
        if (subject.owner()) {
            ownAccountClouds(subject, maxClouds + 1, clouds);
        }
        if (clouds.size() > maxClouds || estimatedBytes(clouds) > maxCloudBytes) {
            return new ClaimCache.Entry(subject.accountId(), subject.owner(), null, countClouds(subject));
        }
        return new ClaimCache.Entry(subject.accountId(), subject.owner(), clouds, null);
    }

    /** Bytes the cloud map adds to the JSON of the token payload: {@code "<id>":"<perms>",}. */
    static int estimatedBytes(Map<String, String> clouds) {
        int bytes = 2;
        for (Map.Entry<String, String> e : clouds.entrySet()) {
            bytes += e.getKey().length() + e.getValue().length() + 6;
        }
        return bytes;
    }

    /** S-CLD-7: every cloud of the account as Cloud-Admin (one query, at most {@code limit}). */
    private void ownAccountClouds(Subject subject, int limit, Map<String, String> clouds) {
        for (String id : read("select c.id from CloudEntity c where c.accountId = :account order by c.id", String.class)
                .setParameter("account", subject.accountId()).setMaxResults(limit).getResultList()) {
            clouds.put(id, Permissions.effective(null, false, false, true));
        }
    }

    long countClouds(Subject subject) {
        if (subject.owner()) {
            return read("select count(c) from CloudEntity c where c.accountId = :account"
                            + " or c.id in (select m.cloudId from CloudMemberEntity m where m.userId = :user)", Long.class)
                    .setParameter("account", subject.accountId()).setParameter("user", subject.user().getId()).getSingleResult();
        }
        return read("select count(m) from CloudMemberEntity m where m.userId = :user", Long.class)
                .setParameter("user", subject.user().getId()).getSingleResult();
    }

    // ---- the permissions endpoint

    /** The full map, paged by cloud id: what a token with {@code cloudsRef} points to. */
    public Map<String, Object> permissions(AccessEvaluator auth, UserModel user, Paging paging) {
        auth.applications().requireAskAbout(user.getId());
        Subject subject = subject(user);
        if (subject == null) {
            throw new TerminalException(ErrorCode.NOT_A_CUSTOMER_USER);
        }
        String where = subject.owner()
                ? " from CloudEntity c where c.accountId = :account or c.id in (select m.cloudId from CloudMemberEntity m where m.userId = :user)"
                : " from CloudEntity c where c.id in (select m.cloudId from CloudMemberEntity m where m.userId = :user)";
        var idQuery = read("select c.id" + where + " order by c.id", String.class).setParameter("user", user.getId());
        if (subject.owner()) {
            idQuery.setParameter("account", subject.accountId());
        }
        List<String> ids = idQuery.setFirstResult(paging.first()).setMaxResults(paging.max()).getResultList();
        Map<String, String> clouds = new TreeMap<>();
        if (!ids.isEmpty()) {
            Map<String, String> own = subject.owner() ? ownClouds(subject, ids) : Map.of();
            for (Object[] row : read("select m.cloudId, m.type, m.canWrite, m.canOrder from CloudMemberEntity m"
                            + " where m.userId = :user and m.cloudId in :ids", Object[].class)
                    .setParameter("user", user.getId()).setParameter("ids", ids).getResultList()) {
                clouds.put((String) row[0], Permissions.effective((MemberType) row[1], (Boolean) row[2], (Boolean) row[3], false));
            }
            clouds.putAll(own);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userId", user.getId());
        result.put("account", subject.accountId());
        result.put("role", subject.role().wire());
        result.put("modules", new ArrayList<>(ModuleCatalog.of(realm).held(user)));
        result.put("clouds", clouds);
        result.put("first", paging.first());
        result.put("max", paging.max());
        result.put("total", countClouds(subject));
        return result;
    }

    private Map<String, String> ownClouds(Subject subject, Collection<String> ids) {
        Map<String, String> own = new HashMap<>();
        for (String id : read("select c.id from CloudEntity c where c.accountId = :account and c.id in :ids", String.class)
                .setParameter("account", subject.accountId()).setParameter("ids", ids).getResultList()) {
            own.put(id, Permissions.effective(null, false, false, true));
        }
        return own;
    }

    // ---- decisions: the check API and AuthZEN (S-TOK-2, S-TOK-3, S-APP-1)

    /** One question of the check API about the user it names: may it do {@code action} on the cloud or the product? */
    public record Check(String cloudId, String productId, String action) {
    }

    public record Result(String cloudId, String productId, String action, boolean allowed) {
    }

    /** One question about one user: may {@code userId} do {@code action} on the cloud or on the product's cloud? */
    public record Question(String userId, String cloudId, String productId, String action) {
    }

    /**
     * Why the answer is no: a stable code that applications may log or show (the AuthZEN decision context carries it).
     * An unknown cloud or product and one of another account give the same answer (S-ISO-1).
     */
    public enum Refusal {
        /** The user is unknown, disabled or no customer user: it may do nothing. */
        SUBJECT_UNKNOWN,
        /** No permission on the cloud: not a member, or the cloud or product is unknown or another account's. */
        NO_ACCESS,
        /** A member whose permissions lack the action (write, order; move needs Cloud-Admin). */
        PERMISSION_MISSING,
        /** A Cloud-Admin without the module right {@code clouds:move-products} (S-CLD-8). */
        MOVE_RIGHT_REQUIRED;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An answer: allowed, or refused with its reason. */
    public record Decision(boolean allowed, Refusal refusal) {
        static final Decision ALLOWED = new Decision(true, null);

        static Decision refused(Refusal refusal) {
            return new Decision(false, refusal);
        }
    }

    public static final Set<String> ACTIONS = Set.of("read", "write", "order", "move");

    /**
     * The check API: questions about one user. Each needs a cloud or a product (not both) and one of {@link #ACTIONS}.
     */
    public List<Result> check(AccessEvaluator auth, String userId, List<Check> checks) {
        auth.applications().requireAskAbout(userId);
        if (checks.size() > MAX_CHECKS) {
            throw new TerminalException(ErrorCode.TOO_MANY_CHECKS, MAX_CHECKS);
        }
        List<Question> questions = new ArrayList<>(checks.size());
        for (Check c : checks) {
            if (c.action() == null || !ACTIONS.contains(c.action()) || (c.cloudId() == null) == (c.productId() == null)) {
                throw new TerminalException(ErrorCode.INVALID_QUERY_PARAMETER, "checks: {cloudId | productId, action: read|write|order|move}");
            }
            questions.add(new Question(userId, c.cloudId(), c.productId(), c.action()));
        }
        List<Decision> decisions = decide(auth, questions);
        List<Result> results = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            Check c = checks.get(i);
            results.add(new Result(c.cloudId(), c.productId(), c.action(), decisions.get(i).allowed()));
        }
        return results;
    }

    /**
     * Answers up to {@value #MAX_CHECKS} questions from the current state (S-TOK-3), in their order: the one function
     * behind the check API and AuthZEN. The caller must be allowed to ask about every user named (else 403, before
     * anything is read). Per user asked about: who the user is (one query), the products' clouds (one query, only when
     * products are asked about), the user's memberships in those clouds (one query) and, for an Owner, which of them
     * belong to its account (one query). Questions must name a cloud or a product and an action of {@link #ACTIONS}.
     */
    public List<Decision> decide(AccessEvaluator auth, List<Question> questions) {
        Map<String, List<Integer>> byUser = new LinkedHashMap<>();
        for (int i = 0; i < questions.size(); i++) {
            byUser.computeIfAbsent(questions.get(i).userId(), k -> new ArrayList<>()).add(i);
        }
        for (String userId : byUser.keySet()) {
            auth.applications().requireAskAbout(userId);
        }
        if (questions.size() > MAX_CHECKS) {
            throw new TerminalException(ErrorCode.TOO_MANY_CHECKS, MAX_CHECKS);
        }
        Decision[] decisions = new Decision[questions.size()];
        for (Map.Entry<String, List<Integer>> user : byUser.entrySet()) {
            List<Question> asked = new ArrayList<>();
            for (int i : user.getValue()) {
                asked.add(questions.get(i));
            }
            List<Decision> answers = decideFor(user.getKey(), asked);
            for (int k = 0; k < answers.size(); k++) {
                decisions[user.getValue().get(k)] = answers.get(k);
            }
        }
        return List.of(decisions);
    }

    /** The questions about one user. */
    private List<Decision> decideFor(String userId, List<Question> questions) {
        KeycloakQueries.Subject found = userId == null ? null : new KeycloakQueries(em, realm).checkSubject(userId);
        // an unknown, disabled or non-customer user may do nothing
        KeycloakQueries.Subject subject = found == null || !found.enabled() || found.role() == null ? null : found;
        List<Decision> decisions = new ArrayList<>(questions.size());
        if (subject == null) {
            for (int i = 0; i < questions.size(); i++) {
                decisions.add(Decision.refused(Refusal.SUBJECT_UNKNOWN));
            }
            return decisions;
        }
        Map<String, String> productClouds = new HashMap<>();
        Set<String> productIds = new HashSet<>();
        for (Question q : questions) {
            if (q.productId() != null) {
                productIds.add(q.productId());
            }
        }
        if (!productIds.isEmpty()) {
            for (Object[] row : read("select p.externalId, p.cloudId from ProductEntity p where p.realmId = :realm and p.externalId in :ids", Object[].class)
                    .setParameter("realm", realm.getId()).setParameter("ids", productIds).getResultList()) {
                productClouds.put((String) row[0], (String) row[1]);
            }
        }
        Set<String> cloudIds = new HashSet<>(productClouds.values());
        for (Question q : questions) {
            if (q.cloudId() != null) {
                cloudIds.add(q.cloudId());
            }
        }
        Map<String, String> permissions = new HashMap<>();
        if (!cloudIds.isEmpty()) {
            for (Object[] row : read("select m.cloudId, m.type, m.canWrite, m.canOrder from CloudMemberEntity m"
                            + " where m.userId = :user and m.cloudId in :ids", Object[].class)
                    .setParameter("user", userId).setParameter("ids", cloudIds).getResultList()) {
                permissions.put((String) row[0], Permissions.effective((MemberType) row[1], (Boolean) row[2], (Boolean) row[3], false));
            }
            if (allClouds(subject.role())) {
                for (String id : read("select c.id from CloudEntity c where c.accountId = :account and c.id in :ids", String.class)
                        .setParameter("account", subject.accountId()).setParameter("ids", cloudIds).getResultList()) {
                    permissions.put(id, Permissions.effective(null, false, false, true));
                }
            }
        }
        boolean mayMove = subject.modules().contains(AccessEvaluator.Products.MOVE_RIGHT);
        for (Question q : questions) {
            String cloudId = q.cloudId() != null ? q.cloudId() : productClouds.get(q.productId());
            String perms = cloudId == null ? null : permissions.get(cloudId);
            if (perms == null) {
                decisions.add(Decision.refused(Refusal.NO_ACCESS));
            } else if (!Permissions.allows(perms, q.action())) {
                decisions.add(Decision.refused(Refusal.PERMISSION_MISSING));
            } else if ("move".equals(q.action()) && !mayMove) {
                decisions.add(Decision.refused(Refusal.MOVE_RIGHT_REQUIRED));
            } else {
                decisions.add(Decision.ALLOWED);
            }
        }
        return decisions;
    }
}
