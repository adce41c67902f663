package com.terminalacc.token;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.SingleUseObjectProvider;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The database part of the {@code terminal} claim (a user's account, cloud map or overage count), kept in Keycloak's
 * cluster-wide single-use-object store (the Infinispan cache {@code actionTokens}), so that issuing or refreshing a
 * token costs no SQL while nothing changed. Role and module permissions are never cached: they come from Keycloak's
 * own user cache on every token.
 *
 * <p>Staleness is excluded by versions, not by timing: every account has a version; each change to clouds or
 * memberships puts a new version for every account it touches ({@link #changed}); Keycloak applies that put only
 * after the changing transaction has committed. A reader takes the version <em>before</em> it reads the database and
 * tags its entry with it, and uses an entry only while its tag is still the account's version. A reader that saw the
 * data before a commit therefore holds a tag that the commit's new version has replaced. Versions live longer than
 * entries, so an entry can never outlive the version it was checked against; the store has no size-based eviction.
 * A version that is missing (lost with the nodes that owned it in a cluster) is never a match: the next token starts
 * a new one, so no entry built before it is served again.
 */
public final class ClaimCache {

    /** How long an entry serves tokens at most, changes or not. */
    static final long ENTRY_SECONDS = 300;
    /** Longer than {@link #ENTRY_SECONDS}: a version outlives every entry tagged before it was replaced. */
    static final long VERSION_SECONDS = 24 * 3600;
    /** A user's account never changes (the contact's account is fixed); this only bounds memory. */
    static final long ACCOUNT_SECONDS = 24 * 3600;

    private static final String CHANGED_ATTRIBUTE = "terminal.claim.changed";

    private final SingleUseObjectProvider store;
    private final String realmId;

    public ClaimCache(KeycloakSession session, RealmModel realm) {
        this.store = session.singleUseObjects();
        this.realmId = realm.getId();
    }

    /** What one entry holds: the account, whether it was built for an Owner, and either the map or the count. */
    record Entry(String account, boolean owner, Map<String, String> clouds, Long overageCount) {
    }

    /** Records that clouds or memberships of these accounts changed; takes effect when the transaction commits. */
    @SuppressWarnings("unchecked")
    public static void changed(KeycloakSession session, RealmModel realm, Collection<String> accountIds) {
        ClaimCache cache = new ClaimCache(session, realm);
        // one new version per account and transaction: the store takes one write per key and transaction
        Set<String> done = session.getAttribute(CHANGED_ATTRIBUTE, Set.class);
        if (done == null) {
            done = new HashSet<>();
            session.setAttribute(CHANGED_ATTRIBUTE, done);
        }
        for (String account : accountIds) {
            if (account != null && done.add(cache.versionKey(account))) {
                cache.store.put(cache.versionKey(account), VERSION_SECONDS, Map.of("v", KeycloakModelUtils.generateId()));
            }
        }
    }

    /** The account of a user, when known from an earlier token; null otherwise. */
    String accountOf(String userId) {
        Map<String, String> notes = store.get(accountKey(userId));
        return notes == null ? null : notes.get("a");
    }

    void rememberAccount(String userId, String account) {
        store.put(accountKey(userId), ACCOUNT_SECONDS, Map.of("a", account));
    }

    /**
     * The account's current version; read it before reading the database. Null when the store has none: never
     * written, expired, or lost with the cluster nodes that held it. A missing version matches no entry (an entry
     * built before a change whose version was lost must not be served again); the caller starts a new one.
     */
    String version(String account) {
        Map<String, String> notes = store.get(versionKey(account));
        return notes == null ? null : notes.get("v");
    }

    /** The entry, if it was built under {@code version} for a user of the same Owner-ness; else null. */
    Entry get(String userId, String variant, String version, boolean owner) {
        Map<String, String> notes = store.get(entryKey(userId, variant));
        if (notes == null || !version.equals(notes.get("v")) || owner != "1".equals(notes.get("o"))) {
            return null;
        }
        String count = notes.get("n");
        return new Entry(notes.get("a"), owner, count == null ? decode(notes.get("c")) : null, count == null ? null : Long.valueOf(count));
    }

    void put(String userId, String variant, String version, Entry entry) {
        Map<String, String> notes = new HashMap<>();
        notes.put("v", version);
        notes.put("a", entry.account());
        notes.put("o", entry.owner() ? "1" : "0");
        if (entry.overageCount() != null) {
            notes.put("n", Long.toString(entry.overageCount()));
        } else {
            notes.put("c", encode(entry.clouds()));
        }
        store.put(entryKey(userId, variant), ENTRY_SECONDS, notes);
    }

    /** {@code id:perms,id:perms} — cloud ids are UUIDs, permissions letters. */
    static String encode(Map<String, String> clouds) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : clouds.entrySet()) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(e.getKey()).append(':').append(e.getValue());
        }
        return sb.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> clouds = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return clouds;
        }
        for (String pair : encoded.split(",")) {
            int colon = pair.indexOf(':');
            clouds.put(pair.substring(0, colon), pair.substring(colon + 1));
        }
        return clouds;
    }

    private String versionKey(String account) {
        return "terminal.claim.version." + realmId + "." + account;
    }

    private String accountKey(String userId) {
        return "terminal.claim.account." + realmId + "." + userId;
    }

    private String entryKey(String userId, String variant) {
        return "terminal.claim." + realmId + "." + userId + "." + variant;
    }
}
