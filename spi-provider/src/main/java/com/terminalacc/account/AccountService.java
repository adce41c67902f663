package com.terminalacc.account;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import com.google.common.net.InternetDomainName;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelValidationException;
import org.keycloak.models.OrganizationDomainModel;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.organization.OrganizationProvider;

import com.terminalacc.account.AccountRequests.CreateAccount;
import com.terminalacc.account.AccountRequests.UpdateAccount;
import com.terminalacc.account.AccountRequests.UpdateOwnAccount;
import com.terminalacc.audit.Audit;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.cloud.MembershipStore;
import com.terminalacc.common.Domains;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.FieldError;
import com.terminalacc.common.KeycloakQueries;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.Persistence;
import com.terminalacc.common.TerminalException;
import com.terminalacc.common.Validator;
import com.terminalacc.contact.ContactDetails;
import com.terminalacc.contact.ContactEntity;
import com.terminalacc.contact.ContactStore;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.ContactUsers;
import com.terminalacc.user.Onboarding;
import com.terminalacc.user.UserNames;

/**
 * Customer accounts (S-ACC-1…5): a Keycloak organization plus our row. Staff create, change and delete accounts;
 * an account's Owner (right manage-account) switches it to BUSINESS and manages its domains. Every public method starts
 * with its authorization check ({@link AccessEvaluator}).
 */
public class AccountService {

    public static final int MAX_DOMAINS = 20;
    private static final Pattern CUSTOMER_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final KeycloakSession session;
    private final RealmModel realm;
    private final EntityManager em;
    private final OrganizationProvider orgs;
    private final AccountStore accounts;

    public AccountService(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.em = Persistence.em(session);
        this.orgs = session.getProvider(OrganizationProvider.class);
        this.accounts = new AccountStore(session, realm);
    }

    // ---- reading

    /** The account, for staff and for its own users. */
    public Account get(AccessEvaluator auth, String id) {
        auth.accounts().requireView(id);
        return accounts.get(id);
    }

    /** Staff search over name, customer number and domain; three queries per page whatever its size. */
    public Page<AccountRepresentation> search(AccessEvaluator auth, String search, Paging paging) {
        auth.accounts().requireSearch();
        String term = search == null ? "" : search.strip();
        KeycloakQueries queries = new KeycloakQueries(em, realm);
        Page<Object[]> rows = queries.searchAccounts(term, paging);
        Map<String, List<OrganizationDomainModel>> domains = queries.domains(rows.items().stream().map(r -> ((AccountEntity) r[0]).getId()).toList());
        List<AccountRepresentation> items = new ArrayList<>();
        for (Object[] row : rows.items()) {
            AccountEntity e = (AccountEntity) row[0];
            items.add(AccountRepresentation.of(e, (String) row[1], domains.getOrDefault(e.getId(), List.of())));
        }
        return new Page<>(items, rows.first(), rows.max(), rows.total());
    }

    // ---- writing

    /** S-ACC-1, S-ACC-5: staff create an account with its first contact, whose login is activated as Owner. */
    public Account create(AccessEvaluator auth, CreateAccount req, Audit audit) {
        auth.accounts().requireAdminister();
        Validator v = new Validator();
        String name = v.name("name", req.name(), true);
        AccountType type = v.oneOf("type", req.type(), AccountType.class, true);
        List<String> domains = domains(v, req.domains());
        String customerNumber = customerNumber(v, req.customerNumber());
        ContactDetails details = new ContactDetails(session, realm);
        details.validate(v, req.owner()); // all field errors at once
        v.throwIfInvalid();

        requireNameFree(name, null);
        requireDomainsFree(domains, null);
        requireCustomerNumberFree(customerNumber, null);

        String id = KeycloakModelUtils.generateId();
        OrganizationModel org;
        try {
            org = orgs.create(id, name, id);
            // S-DOM-1: domains created by staff are verified
            org.setDomains(domains.stream().map(d -> new OrganizationDomainModel(d, true)).collect(Collectors.toSet()));
        } catch (ModelDuplicateException e) {
            throw new TerminalException(ErrorCode.ACCOUNT_NAME_TAKEN, name);
        } catch (ModelValidationException e) {
            throw new TerminalException(ErrorCode.DOMAIN_TAKEN, String.join(", ", domains));
        } catch (jakarta.persistence.PersistenceException | org.keycloak.models.ModelException e) {
            // Keycloak flushes the new organization itself (its group): a name taken by a concurrent creation fails
            // there, at the unique key, after our check passed (PageRacesIT)
            throw Persistence.translate(e);
        }
        AccountEntity entity = new AccountEntity();
        entity.setId(org.getId());
        entity.setRealmId(realm.getId());
        entity.setType(type);
        entity.setAccEnabled(req.accEnabled() == null || req.accEnabled());
        entity.setAllowExternalEmails(req.allowExternalEmails() != null && req.allowExternalEmails());
        entity.setCustomerNumber(customerNumber);
        entity.setCreatedAt(Time.currentTimeMillis());
        em.persist(entity);
        Persistence.flush(em);
        Account account = new Account(org, entity);
        claim(account, domains);

        audit.record(Audit.ACCOUNT, OperationType.CREATE, Audit.accountPath(id), null, snapshot(account));

        ContactEntity owner = details.insert(account, req.owner(), !domains.isEmpty());
        audit.record(Audit.CONTACT, OperationType.CREATE, Audit.contactPath(id, owner.getId()), null, ContactStore.snapshot(owner));
        // S-ACC-5: the first contact becomes a user with role Owner
        ContactUsers users = new ContactUsers(session, realm);
        UserModel user = users.create(account, owner);
        users.setRole(user, TerminalRole.OWNER);
        new Onboarding(session, realm).start(owner, user, account.name(), UserNames.displayName(auth.actor().user()));
        Persistence.flush(em);
        audit.record(Audit.USER, OperationType.CREATE, ContactUsers.loginPath(owner), null, ContactUsers.snapshot(user, TerminalRole.OWNER, Set.of()));
        return account;
    }

    public Account update(AccessEvaluator auth, String id, UpdateAccount req, Audit audit) {
        auth.accounts().requireAdminister();
        Account account = accounts.lock(id);
        Map<String, Object> before = snapshot(account);
        Validator v = new Validator();
        String name = req.name() == null ? null : v.name("name", req.name(), true);
        AccountType type = req.type() == null ? null : v.oneOf("type", req.type(), AccountType.class, true);
        List<String> domains = req.domains() == null ? null : domains(v, req.domains());
        String customerNumber = req.customerNumber() == null ? null : customerNumber(v, req.customerNumber());
        v.throwIfInvalid();

        AccountEntity e = account.entity();
        if (name != null && !name.equals(account.name())) {
            requireNameFree(name, id);
            account.org().setName(name);
        }
        if (type != null && type != e.getType()) {
            if (type == AccountType.PERSONAL && new ContactStore(session, realm).count(id) > 1) {
                throw new TerminalException(ErrorCode.ACCOUNT_TYPE_DOWNGRADE); // S-ACC-2
            }
            e.setType(type);
        }
        if (req.allowExternalEmails() != null) {
            e.setAllowExternalEmails(req.allowExternalEmails());
        }
        if (domains != null) {
            setDomains(account, domains, true);
        }
        if (req.accEnabled() != null) {
            e.setAccEnabled(req.accEnabled());
        }
        if (req.requireTwoFactor() != null) {
            e.setRequireTwoFactor(req.requireTwoFactor()); // S-SEC-1, staff per account
        }
        if (customerNumber != null) {
            String value = customerNumber.isEmpty() ? null : customerNumber;
            requireCustomerNumberFree(value, id);
            e.setCustomerNumber(value);
        }
        Persistence.flush(em);
        recordUpdate(account, before, audit);
        return account;
    }

    /** The account's own settings: PERSONAL → BUSINESS (S-ACC-2) and the organisation domains (S-ACC-3). */
    public Account updateSettings(AccessEvaluator auth, String accountId, UpdateOwnAccount req, Audit audit) {
        auth.accounts().requireManageSettings(accountId);
        Account account = accounts.lock(accountId);
        Map<String, Object> before = snapshot(account);
        Validator v = new Validator();
        AccountType type = req.type() == null ? null : v.oneOf("type", req.type(), AccountType.class, true);
        List<String> domains = req.domains() == null ? null : domains(v, req.domains());
        v.throwIfInvalid();
        if (type != null && type != account.type()) {
            if (type == AccountType.PERSONAL) {
                throw new TerminalException(ErrorCode.ACCOUNT_TYPE_DOWNGRADE);
            }
            account.entity().setType(type);
        }
        if (domains != null) {
            setDomains(account, domains, false);
        }
        if (req.requireTwoFactor() != null) {
            account.entity().setRequireTwoFactor(req.requireTwoFactor()); // S-SEC-1
        }
        Persistence.flush(em);
        recordUpdate(account, before, audit);
        return account;
    }

    /**
     * S-DOM-1: the account proves a pending domain by its DNS TXT record. The lookup runs before the account lock (a
     * slow DNS server blocks nobody); under the lock the domain must still be there and pending.
     */
    public Account verifyDomain(AccessEvaluator auth, String accountId, String domain, Audit audit) {
        auth.accounts().requireManageSettings(accountId);
        Account account = accounts.get(accountId);
        String name = pendingDomain(account, domain);
        new DomainVerifier(realm).requireProof(name, account.entity().getDomainToken());
        return markVerified(accountId, name, audit);
    }

    /** S-DOM-1: staff confirm a pending domain (after checking ownership their own way). */
    public Account confirmDomain(AccessEvaluator auth, String accountId, String domain, Audit audit) {
        auth.accounts().requireAdminister();
        pendingDomain(accounts.get(accountId), domain);
        return markVerified(accountId, domain, audit);
    }

    private Account markVerified(String accountId, String domain, Audit audit) {
        Account account = accounts.lock(accountId);
        String name = pendingDomain(account, domain);
        Map<String, Object> before = snapshot(account);
        account.org().setDomains(account.org().getDomains()
                .map(d -> d.getName().equals(name) ? new OrganizationDomainModel(name, true) : d)
                .collect(Collectors.toSet()));
        Persistence.flush(em);
        recordUpdate(account, before, audit);
        return account;
    }

    /** The account's pending domain of that name (404 {@code domain_not_found}, 409 {@code domain_already_verified}). */
    private static String pendingDomain(Account account, String domain) {
        String name = domain == null ? "" : domain.strip().toLowerCase(Locale.ROOT);
        OrganizationDomainModel model = account.org().getDomains().filter(d -> d.getName().equals(name)).findFirst()
                .orElseThrow(() -> new TerminalException(ErrorCode.DOMAIN_NOT_FOUND, name));
        if (model.isVerified()) {
            throw new TerminalException(ErrorCode.DOMAIN_ALREADY_VERIFIED, name);
        }
        return name;
    }

    /** Deletes the account with everything it owns: contacts, users, memberships (S-STF-1). */
    public void delete(AccessEvaluator auth, String id, Audit audit) {
        auth.accounts().requireAdminister();
        Account account = accounts.lock(id);
        Map<String, Object> before = snapshot(account);
        // partner users lose the memberships in this account's clouds with them
        new MembershipStore(session, realm).removeAllOfAccount(id);
        ContactUsers users = new ContactUsers(session, realm);
        List<ContactEntity> contacts = em.createQuery("select c from ContactEntity c where c.accountId = :account", ContactEntity.class)
                .setParameter("account", id).getResultList();
        for (ContactEntity contact : contacts) {
            users.removeWithAccount(contact);
            em.remove(contact);
        }
        Persistence.flush(em);
        em.remove(account.entity());
        Persistence.flush(em);
        orgs.remove(account.org());
        audit.record(Audit.ACCOUNT, OperationType.DELETE, Audit.accountPath(id), before, null);
    }

    // ---- rules and helpers

    /**
     * S-ACC-3, S-DOM-1, S-DOM-2: the account's domains become exactly these. Domains it keeps keep their state; new ones
     * are verified when staff add them and pending when an Owner does. A domain belongs to one account: besides
     * Keycloak's check, the claim's primary key decides between two accounts claiming it at the same moment.
     */
    private void setDomains(Account account, List<String> domains, boolean byStaff) {
        List<String> current = account.domains();
        if (domains.equals(current)) {
            return;
        }
        requireDomainsFree(domains, account.id());
        if (!account.entity().isAllowExternalEmails()) {
            // S-ACC-3: a domain that contacts still use cannot go, or their addresses would break the rule.
            List<String> emails = new ContactStore(session, realm).emails(account.id());
            for (String email : emails) {
                if (Domains.contains(current, email) && !Domains.contains(domains, email)) {
                    throw new TerminalException(ErrorCode.DOMAIN_IN_USE, Domains.domainOf(email));
                }
            }
        }
        Set<String> verified = account.org().getDomains().filter(OrganizationDomainModel::isVerified)
                .map(OrganizationDomainModel::getName).collect(Collectors.toSet());
        try {
            account.org().setDomains(domains.stream().map(d -> new OrganizationDomainModel(d, byStaff || verified.contains(d)))
                    .collect(Collectors.toSet()));
        } catch (ModelValidationException e) {
            throw new TerminalException(ErrorCode.DOMAIN_TAKEN, String.join(", ", domains));
        }
        em.createQuery("delete from DomainClaimEntity d where d.realmId = :realm and d.accountId = :account and d.name not in :names")
                .setParameter("realm", realm.getId()).setParameter("account", account.id())
                .setParameter("names", domains.isEmpty() ? List.of("") : domains).executeUpdate();
        claim(account, domains.stream().filter(d -> !current.contains(d)).toList());
        if (!byStaff && account.entity().getDomainToken() == null && domains.stream().anyMatch(d -> !verified.contains(d))) {
            account.entity().setDomainToken(SecretGenerator.getInstance().randomString(32, TOKEN_SYMBOLS));
        }
    }

    /** Inserts the claims and flushes: a domain another account claimed first answers 409 {@code domain_taken}. */
    private void claim(Account account, List<String> added) {
        for (String domain : added) {
            em.persist(new DomainClaimEntity(realm.getId(), domain, account.id()));
        }
        Persistence.flush(em);
    }

    private void recordUpdate(Account account, Map<String, Object> before, Audit audit) {
        Map<String, Object> after = snapshot(account);
        if (!after.equals(before)) {
            audit.record(Audit.ACCOUNT, OperationType.UPDATE, Audit.accountPath(account.id()), before, after);
        }
    }

    private static final char[] TOKEN_SYMBOLS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private static List<String> domains(Validator v, List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        if (raw.size() > MAX_DOMAINS) {
            v.add(new FieldError("domains", ErrorCode.FIELD_TOO_LONG, MAX_DOMAINS));
            return List.of();
        }
        Set<String> result = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String d = v.domain("domains[" + i + "]", raw.get(i));
            if (d != null && isPublicSuffix(d)) {
                v.add(new FieldError("domains[" + i + "]", ErrorCode.DOMAIN_PUBLIC_SUFFIX, d)); // S-DOM-2
            } else if (d != null) {
                result.add(d);
            }
        }
        return result.stream().sorted().toList();
    }

    /**
     * S-DOM-2: {@code co.uk}, {@code github.io} and the like belong to many owners. Guava's {@code InternetDomainName}
     * carries the Public Suffix List (ICANN and private sections) and is updated with every Guava release; Keycloak
     * ships Guava, so the list is the one of the Keycloak release in use.
     */
    static boolean isPublicSuffix(String domain) {
        try {
            return InternetDomainName.from(domain).isPublicSuffix();
        } catch (IllegalArgumentException e) {
            return false; // syntax was checked before; Guava is stricter about some labels
        }
    }

    private static String customerNumber(Validator v, String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw.strip();
        if (value.isEmpty()) {
            return "";
        }
        if (!CUSTOMER_NUMBER.matcher(value).matches()) {
            v.add(new FieldError("customerNumber", ErrorCode.FIELD_INVALID_CHARACTERS));
            return null;
        }
        return value;
    }

    private void requireNameFree(String name, String exceptId) {
        OrganizationModel existing = orgs.getAllStream(name, true, 0, 1).findFirst().orElse(null);
        if (existing != null && !existing.getId().equals(exceptId)) {
            throw new TerminalException(ErrorCode.ACCOUNT_NAME_TAKEN, name);
        }
    }

    private void requireDomainsFree(List<String> domains, String exceptId) {
        for (String domain : domains) {
            OrganizationModel existing = orgs.getByDomainName(domain);
            if (existing != null && !existing.getId().equals(exceptId)) {
                throw new TerminalException(ErrorCode.DOMAIN_TAKEN, domain);
            }
        }
    }

    private void requireCustomerNumberFree(String customerNumber, String exceptId) {
        if (customerNumber == null || customerNumber.isEmpty()) {
            return;
        }
        List<String> ids = em.createQuery("select a.id from AccountEntity a where a.realmId = :realm and a.customerNumber = :no", String.class)
                .setParameter("realm", realm.getId()).setParameter("no", customerNumber).getResultList();
        if (ids.stream().anyMatch(i -> !i.equals(exceptId))) {
            throw new TerminalException(ErrorCode.CUSTOMER_NUMBER_TAKEN, customerNumber);
        }
    }

    public static Map<String, Object> snapshot(Account account) {
        Map<String, Object> m = new LinkedHashMap<>();
        AccountEntity e = account.entity();
        m.put("name", account.name());
        m.put("type", e.getType().name());
        m.put("domains", account.domains());
        m.put("verifiedDomains", account.verifiedDomains());
        m.put("accEnabled", e.isAccEnabled());
        m.put("allowExternalEmails", e.isAllowExternalEmails());
        m.put("requireTwoFactor", e.isRequireTwoFactor());
        m.put("customerNumber", e.getCustomerNumber());
        return new TreeMap<>(m);
    }
}
