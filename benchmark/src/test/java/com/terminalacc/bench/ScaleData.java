package com.terminalacc.bench;

import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.terminalacc.bench.BenchSupport.db;
import static com.terminalacc.bench.BenchSupport.scalar;

/**
 * The provider-scale data set of issue 16, loaded by SQL into PostgreSQL the way a migration would: one template
 * account (its organization, group, domain, Owner and one User with contacts, role mappings, organization membership
 * and password) is created through the real staff and customer APIs by the benchmark, and its rows are copied with
 * {@code generate_series} — so every copied row is a row Keycloak and the extension wrote themselves, only the names
 * and ids differ. Ids are {@code md5(name)::uuid}, so a benchmark knows them without reading them back
 * ({@link #uuid}): account {@code i} (1..{@link #ACCOUNTS}) has organization {@code uuid("o"+i)}, users
 * {@code uuid("u"+i+"-"+k)} with e-mail {@code u<k>@a<i>.scale.test} (k = 0 the Owner, 1..4 Users) and clouds
 * {@code uuid("c"+i+"-"+j)}; the large account has users {@code uuid("lu"+m)} and clouds {@code uuid("lc"+j)}.
 *
 * <p>Data set (defaults; {@code -Dscale.accounts=…} for a smaller run): 100,000 accounts with 5 users and contacts
 * each (1 Owner, 4 Users) = 500,000; 2 clouds per account = 200,000; each User in both clouds of its account = 800,000
 * memberships; plus one large account with 10,000 contacts and users, 2,000 clouds and 200,000 memberships (one cloud
 * with 500 members). In all 1,000,000 memberships. Used by {@link ScaleBenchmark} and {@link ScaleTokenBenchmark}.
 */
final class ScaleData {

    static final int ACCOUNTS = Integer.getInteger("scale.accounts", 100_000);
    static final int USERS_PER_ACCOUNT = 5;
    static final int CLOUDS_PER_ACCOUNT = 2;
    static final int LARGE_USERS = 10_000;
    static final int LARGE_CLOUDS = 2_000;
    static final int LARGE_PER_USER = 20;

    private final Map<String, Double> loadSeconds = new LinkedHashMap<>();

    /** The e-mail (= username) of loaded user {@code k} (0 = Owner, 1..4 Users) of loaded account {@code i}. */
    static String email(int account, int k) {
        return "u" + k + "@a" + account + ".scale.test";
    }

    /** A UUID-shaped id derived from a name, the same as PostgreSQL's {@code md5(name)::uuid::text}. */
    static String uuid(String name) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("MD5").digest(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (byte b : d) {
                hex.append(String.format("%02x", b));
            }
            String h = hex.toString();
            return h.substring(0, 8) + "-" + h.substring(8, 12) + "-" + h.substring(12, 16) + "-" + h.substring(16, 20) + "-" + h.substring(20);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The whole data set from the two template accounts, then {@code vacuum (analyze)}; returns the seconds it took. */
    double load(String tplOrg, String tplUser, String tplOwner, String largeOrg, String largeUser) throws Exception {
        long start = System.nanoTime();
        loadAccounts(tplOrg, tplUser, tplOwner);
        loadLargeAccount(largeOrg, largeUser);
        // VACUUM, not only ANALYZE: after a bulk load no page is marked all-visible yet, so no index-only scan could
        // skip the table, and the first reader of each row would set its hint bits (dirtying pages). In production
        // autovacuum has done this long before; the measurement should see that state, not the minutes after a load.
        timed("vacuum", "vacuum (analyze)");
        return (System.nanoTime() - start) / 1e9;
    }

    void loadAccounts(String tplOrg, String tplUser, String tplOwner) throws Exception {
        String n = Integer.toString(ACCOUNTS);
        String org = "md5('o'||i)::uuid::text";
        String grp = "md5('g'||i)::uuid::text";
        timed("accounts: groups", "insert into KEYCLOAK_GROUP (ID, NAME, PARENT_GROUP, REALM_ID, TYPE, DESCRIPTION, ORG_ID, CREATED_TIMESTAMP, LAST_MODIFIED_TIMESTAMP)"
                + " select " + grp + ", case when g.NAME = o.ID then " + org + " else g.NAME || '-' || i end, g.PARENT_GROUP, g.REALM_ID, g.TYPE, g.DESCRIPTION, null,"
                + " g.CREATED_TIMESTAMP, g.LAST_MODIFIED_TIMESTAMP from generate_series(1, " + n + ") i, ORG o join KEYCLOAK_GROUP g on g.ID = o.GROUP_ID where o.ID = '" + tplOrg + "'");
        timed("accounts: organizations", "insert into ORG (ID, ENABLED, REALM_ID, GROUP_ID, NAME, DESCRIPTION, ALIAS, REDIRECT_URL)"
                + " select " + org + ", o.ENABLED, o.REALM_ID, " + grp + ", 'Scale Account ' || i, o.DESCRIPTION, 'scale-' || i, o.REDIRECT_URL"
                + " from generate_series(1, " + n + ") i, ORG o where o.ID = '" + tplOrg + "'");
        // the group and the organization point at each other: the group's ORG_ID is set once both exist
        timed("accounts: groups", "update KEYCLOAK_GROUP g set ORG_ID = o.ID from ORG o where o.GROUP_ID = g.ID and g.ORG_ID is null and o.ALIAS like 'scale-%'");
        timed("accounts: domains", "insert into ORG_DOMAIN (ID, NAME, VERIFIED, ORG_ID)"
                + " select case when d.ID = o.ID then " + org + " else md5('d'||i)::uuid::text end, 'a' || i || '.scale.test', true, " + org
                + " from generate_series(1, " + n + ") i, ORG o join ORG_DOMAIN d on d.ORG_ID = o.ID where o.ID = '" + tplOrg + "'");
        timed("accounts: Terminal accounts", "insert into TACC_ACCOUNT (ORG_ID, REALM_ID, ACCOUNT_TYPE, ACC_ENABLED, ALLOW_EXTERNAL_EMAILS, CUSTOMER_NUMBER, CREATED_AT, VERSION, REQUIRE_TWO_FACTOR)"
                + " select " + org + ", a.REALM_ID, a.ACCOUNT_TYPE, a.ACC_ENABLED, a.ALLOW_EXTERNAL_EMAILS, 'S' || lpad(i::text, 7, '0'), a.CREATED_AT, 0, false"
                + " from generate_series(1, " + n + ") i, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        timed("accounts: domain claims", "insert into TACC_DOMAIN (REALM_ID, NAME, ORG_ID)"
                + " select a.REALM_ID, 'a' || i || '.scale.test', " + org + " from generate_series(1, " + n + ") i, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        // users k = 0 (Owner, from the template's Owner) and 1..4 (Users, from the template's User)
        copyUsers("accounts", tplOwner, tplOrg, "generate_series(1, " + n + ") i, generate_series(0, 0) k",
                "'u' || k || '@a' || i || '.scale.test'", "md5('u'||i||'-'||k)::uuid::text", org, "'Owner ' || i");
        copyUsers("accounts", tplUser, tplOrg, "generate_series(1, " + n + ") i, generate_series(1, " + (USERS_PER_ACCOUNT - 1) + ") k",
                "'u' || k || '@a' || i || '.scale.test'", "md5('u'||i||'-'||k)::uuid::text", org, "'User ' || i || '-' || k");
        timed("accounts: clouds", "insert into TACC_CLOUD (ID, REALM_ID, ACCOUNT_ID, NAME, NAME_KEY, ICON, CREATED_AT, VERSION)"
                + " select md5('c'||i||'-'||j)::uuid::text, a.REALM_ID, " + org + ", 'Cloud ' || j, 'cloud ' || j, 'cloud', 0, 0"
                + " from generate_series(1, " + n + ") i, generate_series(0, " + (CLOUDS_PER_ACCOUNT - 1) + ") j, TACC_ACCOUNT a where a.ORG_ID = '" + tplOrg + "'");
        timed("accounts: memberships", "insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                + " select md5('c'||i||'-'||j)::uuid::text, md5('u'||i||'-'||k)::uuid::text, " + org + ", case when k = 1 then 'ADMIN' else 'MEMBER' end,"
                + " (i + k + j) % 2 = 0, (i + k + j) % 5 = 0, 0"
                + " from generate_series(1, " + n + ") i, generate_series(1, " + (USERS_PER_ACCOUNT - 1) + ") k, generate_series(0, " + (CLOUDS_PER_ACCOUNT - 1) + ") j");
    }

    void loadLargeAccount(String largeOrg, String tplUser) throws Exception {
        String org = "'" + largeOrg + "'";
        String domain = scalar("select NAME from ORG_DOMAIN where ORG_ID = '" + largeOrg + "' limit 1");
        copyUsers("large account", tplUser, largeOrg, "generate_series(0, " + (LARGE_USERS - 1) + ") i, generate_series(0, 0) k",
                "'large' || i || '@" + domain + "'", "md5('lu'||i)::uuid::text", org, "'Large ' || i");
        timed("large account: clouds", "insert into TACC_CLOUD (ID, REALM_ID, ACCOUNT_ID, NAME, NAME_KEY, ICON, CREATED_AT, VERSION)"
                + " select md5('lc'||j)::uuid::text, 'terminal', " + org + ", 'Large cloud ' || j, 'large cloud ' || j, 'cloud', 0, 0"
                + " from generate_series(0, " + (LARGE_CLOUDS - 1) + ") j");
        // user m is in 20 clouds spread over the 2,000; users 0..499 are also in cloud 0 (500 members)
        timed("large account: memberships", "insert into TACC_CLOUD_MEMBER (CLOUD_ID, USER_ID, ACCOUNT_ID, MEMBER_TYPE, CAN_WRITE, CAN_ORDER, CREATED_AT)"
                + " select distinct on (c, u) c, u, " + org + ", 'MEMBER', true, false, 0 from ("
                + " select md5('lc' || ((m * 7 + t * 97) % " + LARGE_CLOUDS + "))::uuid::text c, md5('lu'||m)::uuid::text u"
                + " from generate_series(0, " + (LARGE_USERS - 1) + ") m, generate_series(0, " + (LARGE_PER_USER - 1) + ") t"
                + " union select md5('lc0')::uuid::text, md5('lu'||m)::uuid::text from generate_series(0, 499) m) x");
    }

    /** Copies the template user's rows (user, password, roles, organization membership, contact) for each row of {@code from}. */
    private void copyUsers(String what, String tplUser, String tplOrg, String from, String email, String id, String org, String lastName) throws Exception {
        String tplGroup = scalar("select GROUP_ID from ORG where ID = '" + tplOrg + "'");
        String newGroup = org.startsWith("md5") ? "md5('g'||i)::uuid::text" : "(select GROUP_ID from ORG where ID = " + org + ")";
        timed(what + ": users", "insert into USER_ENTITY (ID, EMAIL, EMAIL_CONSTRAINT, EMAIL_VERIFIED, ENABLED, FIRST_NAME, LAST_NAME, REALM_ID, USERNAME,"
                + " CREATED_TIMESTAMP, NOT_BEFORE, LAST_MODIFIED_TIMESTAMP)"
                + " select " + id + ", " + email + ", " + email + ", u.EMAIL_VERIFIED, u.ENABLED, 'Scale', " + lastName + ", u.REALM_ID, " + email + ","
                + " u.CREATED_TIMESTAMP, 0, u.LAST_MODIFIED_TIMESTAMP from " + from + ", USER_ENTITY u where u.ID = '" + tplUser + "'");
        timed(what + ": passwords", "insert into CREDENTIAL (ID, SALT, TYPE, USER_ID, CREATED_DATE, USER_LABEL, SECRET_DATA, CREDENTIAL_DATA, PRIORITY, VERSION)"
                + " select md5('cr' || " + id + ")::uuid::text, c.SALT, c.TYPE, " + id + ", c.CREATED_DATE, c.USER_LABEL, c.SECRET_DATA, c.CREDENTIAL_DATA, c.PRIORITY, c.VERSION"
                + " from " + from + ", CREDENTIAL c where c.USER_ID = '" + tplUser + "' and c.TYPE = 'password'");
        timed(what + ": role mappings", "insert into USER_ROLE_MAPPING (ROLE_ID, USER_ID) select r.ROLE_ID, " + id + " from " + from + ", USER_ROLE_MAPPING r where r.USER_ID = '" + tplUser + "'");
        timed(what + ": organization memberships", "insert into USER_GROUP_MEMBERSHIP (GROUP_ID, USER_ID, MEMBERSHIP_TYPE)"
                + " select case when m.GROUP_ID = '" + tplGroup + "' then " + newGroup + " else m.GROUP_ID end, " + id + ", m.MEMBERSHIP_TYPE"
                + " from " + from + ", USER_GROUP_MEMBERSHIP m where m.USER_ID = '" + tplUser + "'");
        timed(what + ": contacts", "insert into TACC_CONTACT (ID, REALM_ID, ACCOUNT_ID, FIRST_NAME, LAST_NAME, EMAIL, PHONE, JOB_TITLE, LOCALE, SUPPORT_PERMISSION, USER_ID,"
                + " CREATED_AT, UPDATED_AT, VERSION)"
                + " select md5('ct' || " + id + ")::uuid::text, c.REALM_ID, " + org + ", 'Scale', " + lastName + ", " + email + ", c.PHONE, c.JOB_TITLE, c.LOCALE,"
                + " c.SUPPORT_PERMISSION, " + id + ", c.CREATED_AT, c.UPDATED_AT, 0 from " + from + ", TACC_CONTACT c where c.USER_ID = '" + tplUser + "'");
    }

    void timed(String what, String sql) throws Exception {
        long t0 = System.nanoTime();
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage() + "\n" + sql, e);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        loadSeconds.merge(what.replaceAll(":.*", ""), seconds, Double::sum);
        System.out.printf("loaded %s in %.1f s%n", what, seconds);
    }

    String loadSummary() {
        List<String> parts = new ArrayList<>();
        loadSeconds.forEach((k, v) -> parts.add(String.format("%s %.0f s", k, v)));
        return String.join(", ", parts);
    }

    /** One line of markdown-friendly facts about the loaded data: counts of accounts, users, contacts, clouds, memberships. */
    static String counts() throws Exception {
        return String.format("%,d accounts, %,d users, %,d contacts, %,d clouds, %,d memberships",
                Long.parseLong(scalar("select count(*) from TACC_ACCOUNT")), Long.parseLong(scalar("select count(*) from USER_ENTITY")),
                Long.parseLong(scalar("select count(*) from TACC_CONTACT")), Long.parseLong(scalar("select count(*) from TACC_CLOUD")),
                Long.parseLong(scalar("select count(*) from TACC_CLOUD_MEMBER")));
    }
}
