package com.terminalacc.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import com.terminalacc.cloud.MemberType;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.Right;
import com.terminalacc.role.RightsMatrix;
import com.terminalacc.role.TerminalRole;

/**
 * Who may do what — the one place (S-ROL-1…5, S-ROL-4 as configuration, S-MOD-1, S-CLD-4/7/8/9, S-STF-1,
 * S-ISO-1). Built once per request from the {@link Actor}, in the shape of Keycloak's {@code AdminPermissionEvaluator}:
 * one object per kind of target, each with {@code canX(target)} for pages (which only read these booleans) and
 * {@code requireX(target)} for the services, whose every public method starts with exactly one of them.
 *
 * <p>A refusal about something the actor may not even see answers exactly like a target that does not exist
 * ({@code contact_not_found}, {@code cloud_not_found}, …); a refusal about something it sees answers 403 with the
 * reason. Staff read everything; they change through the staff API and area only when they hold the staff role or
 * manage-realm ({@link Actor#staffWrite()}). Invariants that depend on data (last Owner, last Cloud-Admin) are not
 * here: they live in the use cases, under the account lock.
 *
 * <p>Pure logic over the actor and targets: no database access (targets are resolved by the stores), so it is unit
 * tested without a server.
 */
public final class AccessEvaluator {

    private final Actor actor;
    private final RightsMatrix matrix;
    private final Supplier<Set<String>> heldModules;

    public AccessEvaluator(Actor actor, RightsMatrix matrix, Supplier<Set<String>> heldModules) {
        this.actor = actor;
        this.matrix = matrix;
        this.heldModules = heldModules;
    }

    /** The evaluator of a request: the realm's rights matrix, the actor's module permissions from Keycloak's user cache. */
    public static AccessEvaluator of(KeycloakSession session, RealmModel realm, Actor actor) {
        return new AccessEvaluator(actor, RightsMatrix.of(realm),
                () -> actor.user() == null ? Set.of() : ModuleCatalog.of(realm).held(actor.user()));
    }

    public Actor actor() {
        return actor;
    }

    public RightsMatrix matrix() {
        return matrix;
    }

    // ---- the building blocks

    private boolean customer() {
        return actor.isCustomer();
    }

    private boolean customerOf(String accountId) {
        return actor.isCustomer() && accountId != null && accountId.equals(actor.accountId());
    }

    private boolean has(Right right) {
        return actor.isCustomer() && matrix.allows(actor.role(), right);
    }

    private boolean staffReads() {
        return actor.isStaff();
    }

    private boolean staffWrites() {
        return actor.isStaff() && actor.staffWrite();
    }

    private boolean self(ContactTarget t) {
        return actor.isCustomer() && t.contactId() != null && t.contactId().equals(actor.contactId());
    }

    /** S-ROL-1: the actor's role is above the target's, and it holds the right to edit that role. */
    private boolean outranks(TerminalRole target) {
        if (target == null) {
            return has(Right.MANAGE_CONTACTS);
        }
        if (!actor.isCustomer() || actor.role() == null || !actor.role().isAbove(target)) {
            return false;
        }
        return switch (target) {
            case USER -> has(Right.EDIT_USER);
            case ADMIN -> has(Right.EDIT_ADMIN);
            case OWNER -> false;
        };
    }

    private static TerminalException refuse(ErrorCode code, Object... args) {
        return new TerminalException(code, args);
    }

    /** What the actor may do, for {@code GET /me}: the rights of its role. */
    public List<String> rights() {
        List<String> keys = new ArrayList<>();
        if (customer()) {
            matrix.rightsOf(actor.role()).forEach(r -> keys.add(r.key()));
        }
        keys.sort(null);
        return keys;
    }

    // ---- accounts (S-ACC-1…5)

    private final Accounts accounts = new Accounts();

    public Accounts accounts() {
        return accounts;
    }

    public final class Accounts {

        public boolean canView(String accountId) {
            return staffReads() || customerOf(accountId);
        }

        public void requireView(String accountId) {
            if (!canView(accountId)) {
                throw refuse(ErrorCode.ACCOUNT_NOT_FOUND);
            }
        }

        /** The settings an account's Owner changes: type (S-ACC-2), organisation domains (S-ACC-3). */
        public boolean canManageSettings(String accountId) {
            return staffWrites() || customerOf(accountId) && has(Right.MANAGE_ACCOUNT);
        }

        public void requireManageSettings(String accountId) {
            requireView(accountId);
            if (!canManageSettings(accountId)) {
                throw refuse(staffReads() ? ErrorCode.STAFF_ONLY : ErrorCode.FORBIDDEN);
            }
        }

        /** Staff search all accounts. */
        public boolean canSearch() {
            return staffReads();
        }

        public void requireSearch() {
            if (!canSearch()) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }

        /** Create and delete accounts, name, customer number, the ACC switch, external addresses: staff only. */
        public boolean canAdminister() {
            return staffWrites();
        }

        public void requireAdminister() {
            if (!canAdminister()) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }

        /** The whole account's activity log: staff. */
        public boolean canSeeLog(String accountId) {
            return staffReads();
        }

        public void requireSeeLog(String accountId) {
            if (!canSeeLog(accountId)) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }
    }

    // ---- contacts (S-CON-1…5, S-ROL-1, S-ROL-4)

    private final Contacts contacts = new Contacts();

    public Contacts contacts() {
        return contacts;
    }

    public final class Contacts {

        /** The account's contact list (and any of its contacts). */
        public boolean canList(String accountId) {
            return staffReads() || customerOf(accountId) && has(Right.MANAGE_CONTACTS);
        }

        public void requireList(String accountId) {
            accounts.requireView(accountId);
            if (!canList(accountId)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** One's own contact, or any of the account's for those who see the list. */
        public boolean canView(ContactTarget t) {
            return self(t) || canList(t.accountId());
        }

        public void requireView(ContactTarget t) {
            requireVisible(t);
            if (!canView(t)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        public boolean canCreate(String accountId) {
            return staffWrites() || customerOf(accountId) && has(Right.MANAGE_CONTACTS);
        }

        public void requireCreate(String accountId) {
            accounts.requireView(accountId);
            if (!canCreate(accountId)) {
                throw refuse(staffReads() ? ErrorCode.STAFF_ONLY : ErrorCode.FORBIDDEN);
            }
        }

        /**
         * "Edit" of S-ROL-4: the support permission, deleting, and everything about the login (role, module
         * permissions, password, deactivation): only below one's own role, never oneself.
         */
        public boolean canEdit(ContactTarget t) {
            return staffWrites() || customerOf(t.accountId()) && !self(t) && outranks(t.role());
        }

        public void requireEdit(ContactTarget t) {
            requireVisible(t);
            if (self(t)) {
                throw refuse(ErrorCode.NOT_ON_YOURSELF); // S-ROL-3
            }
            if (!canEdit(t)) {
                throw refuse(staffReads() ? ErrorCode.STAFF_ONLY : ErrorCode.FORBIDDEN);
            }
        }

        /** Name, phone, position, language (and a plain contact's e-mail): one's own, or as {@link #canEdit}. */
        public boolean canEditDetails(ContactTarget t) {
            return self(t) || canEdit(t);
        }

        public void requireEditDetails(ContactTarget t) {
            requireVisible(t);
            if (!canEditDetails(t)) {
                throw refuse(staffReads() ? ErrorCode.STAFF_ONLY : ErrorCode.FORBIDDEN);
            }
        }

        public boolean canDelete(ContactTarget t) {
            return canEdit(t);
        }

        public void requireDelete(ContactTarget t) {
            requireEdit(t);
        }

        /** A contact of another account does not exist for a customer (S-ISO-1). */
        private void requireVisible(ContactTarget t) {
            if (!staffReads() && !customerOf(t.accountId())) {
                throw refuse(ErrorCode.CONTACT_NOT_FOUND);
            }
        }
    }

    // ---- logins and roles (S-LOG-1…4, S-ROL-1…3)

    private final Logins logins = new Logins();

    public Logins logins() {
        return logins;
    }

    public final class Logins {

        /**
         * S-LOG-1: Owners and Admins activate logins — not their own, and not one whose (dormant) user holds a role at
         * or above their own: re-activating a disabled Owner is an Owner change, that is staff's.
         */
        public boolean canActivate(ContactTarget t) {
            return staffWrites() || customerOf(t.accountId()) && !self(t) && has(Right.ACTIVATE_LOGIN)
                    && (t.role() == null || outranks(t.role()));
        }

        public void requireActivate(ContactTarget t) {
            contacts.requireVisible(t);
            if (self(t)) {
                throw refuse(ErrorCode.NOT_ON_YOURSELF);
            }
            if (!canActivate(t)) {
                throw refuse(staffReads() ? ErrorCode.STAFF_ONLY : ErrorCode.FORBIDDEN);
            }
        }

        /** S-ROL-1, S-ROL-2: only roles below one's own, with the right to create them; Owner only by staff. */
        public boolean canGrant(TerminalRole role) {
            if (staffWrites()) {
                return true;
            }
            if (!customer() || role == TerminalRole.OWNER || actor.role() == null || !actor.role().isAbove(role)) {
                return false;
            }
            return has(role == TerminalRole.ADMIN ? Right.CREATE_ADMIN : Right.CREATE_USER);
        }

        public void requireGrant(TerminalRole role) {
            if (!canGrant(role)) {
                throw refuse(role == TerminalRole.OWNER && !staffReads() ? ErrorCode.OWNER_ONLY_BY_STAFF : ErrorCode.ROLE_NOT_GRANTABLE);
            }
        }

        /** The roles a form may offer, highest first. */
        public List<TerminalRole> grantable() {
            List<TerminalRole> roles = new ArrayList<>();
            for (TerminalRole r : List.of(TerminalRole.OWNER, TerminalRole.ADMIN, TerminalRole.USER)) {
                if (canGrant(r)) {
                    roles.add(r);
                }
            }
            return roles;
        }

        /** Role, module permissions, password, deactivation and a new initial password: "edit" of S-ROL-4. */
        public boolean canEdit(ContactTarget t) {
            return contacts.canEdit(t);
        }

        public void requireEdit(ContactTarget t) {
            contacts.requireEdit(t);
        }
    }

    // ---- module permissions (S-MOD-1)

    private final Modules modules = new Modules();

    public Modules modules() {
        return modules;
    }

    public final class Modules {

        /** Owners (right grant-all-modules) and staff grant every permission, others only those they hold. */
        public boolean canGrant(String permission) {
            return staffWrites() || has(Right.GRANT_ALL_MODULES) || customer() && heldModules.get().contains(permission);
        }

        /** Refuses, naming them, the permissions the actor may not grant or revoke. */
        public void requireGrant(Collection<String> permissions) {
            List<String> missing = new ArrayList<>();
            for (String p : permissions) {
                if (!canGrant(p)) {
                    missing.add(p);
                }
            }
            if (!missing.isEmpty()) {
                throw refuse(ErrorCode.MODULE_NOT_HELD, String.join(", ", missing));
            }
        }

        /** Whether the actor itself holds a module permission (e.g. {@code clouds:move-products}). */
        public boolean holds(String permission) {
            return customer() && heldModules.get().contains(permission);
        }
    }

    // ---- owner requests (S-ROL-2, S-ROL-5)

    private final OwnerRequests ownerRequests = new OwnerRequests();

    public OwnerRequests ownerRequests() {
        return ownerRequests;
    }

    public final class OwnerRequests {

        /** File and follow the account's requests. */
        public boolean canFile(String accountId) {
            return customerOf(accountId) && has(Right.REQUEST_OWNER);
        }

        public void requireFile(String accountId) {
            if (!canFile(accountId)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        public boolean canList(String accountId) {
            return staffReads() || canFile(accountId);
        }

        public void requireList(String accountId) {
            if (!canList(accountId)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** One request: a request of another account does not exist for a customer (S-ISO-1). */
        public boolean canView(String requestAccountId) {
            return staffReads() || canFile(requestAccountId);
        }

        public void requireView(String requestAccountId) {
            if (!staffReads() && !customerOf(requestAccountId)) {
                throw refuse(ErrorCode.OWNER_REQUEST_NOT_FOUND);
            }
            if (!canView(requestAccountId)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** Approve and reject: staff who may change. */
        public boolean canDecide() {
            return staffWrites();
        }

        public void requireDecide() {
            if (!canDecide()) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }
    }

    // ---- clouds (S-CLD-1…8)

    private final Clouds clouds = new Clouds();

    public Clouds clouds() {
        return clouds;
    }

    public final class Clouds {

        /** S-CLD-7: the right manage-all-clouds of the cloud's own account. */
        public boolean managesAllOf(String accountId) {
            return customerOf(accountId) && has(Right.MANAGE_ALL_CLOUDS);
        }

        /** The customer's list of clouds (its assigned ones; all of the account's with manage-all-clouds). */
        public boolean canList() {
            return staffReads() || has(Right.SEE_ASSIGNED_CLOUDS);
        }

        public void requireList() {
            if (!canList()) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** The partner side of an accepted share: its Owners and Admins manage their own people there (S-CLD-9). */
        public boolean partnerManages(CloudTarget c) {
            return customer() && !customerOf(c.accountId()) && c.partnerShare() != null
                    && customerOf(c.partnerShare().partnerAccountId()) && has(Right.ACCEPT_SHARES);
        }

        public boolean canView(CloudTarget c) {
            if (staffReads()) {
                return true;
            }
            if (!has(Right.SEE_ASSIGNED_CLOUDS) && !partnerManages(c)) {
                return false;
            }
            return c.membership() != null || managesAllOf(c.accountId()) || partnerManages(c);
        }

        /** A cloud the actor may not see does not exist for it (S-ISO-1). */
        public void requireView(CloudTarget c) {
            if (!canView(c)) {
                throw refuse(ErrorCode.CLOUD_NOT_FOUND);
            }
        }

        /** S-CLD-4: Cloud-Admins of the cloud's own account — and its Owners (S-CLD-7). Staff only read clouds. */
        public boolean canManage(CloudTarget c) {
            return customerOf(c.accountId()) && (c.membership() == MemberType.ADMIN || managesAllOf(c.accountId()));
        }

        public void requireManage(CloudTarget c) {
            requireView(c);
            if (!canManage(c)) {
                throw refuse(ErrorCode.NOT_CLOUD_ADMIN);
            }
        }

        /** S-CLD-3: Owners and Admins create clouds (right create-cloud). */
        public boolean canCreate() {
            return has(Right.CREATE_CLOUD);
        }

        public void requireCreate() {
            if (!canCreate()) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** The actor's effective permissions on the cloud, as its token and the check API state them. */
        public String permissions(CloudTarget c) {
            if (!customer()) {
                return null;
            }
            return Permissions.effective(c.membership(), c.write(), c.order(), managesAllOf(c.accountId()));
        }
    }

    // ---- cloud members (S-CLD-2, S-CLD-4, S-CLD-5, S-CLD-9)

    private final Members members = new Members();

    public Members members() {
        return members;
    }

    public final class Members {

        /**
         * Whose memberships the actor sees in a cloud it sees: the cloud's own account and staff see all; a partner
         * company sees the sharing company's members and its own people — never a third company's (S-ISO-1).
         * Null means every account.
         */
        public Set<String> visibleAccounts(CloudTarget c) {
            if (staffReads() || customerOf(c.accountId())) {
                return null;
            }
            return Set.of(c.accountId(), actor.accountId());
        }

        public boolean canSee(CloudTarget c, String memberAccountId) {
            Set<String> visible = visibleAccounts(c);
            return visible == null || visible.contains(memberAccountId);
        }

        /**
         * Adding a user of {@code memberAccountId}: a Cloud-Admin adds users of the cloud's account; a partner's
         * Owners and Admins add their own people.
         */
        public boolean canAdd(CloudTarget c, String memberAccountId) {
            if (clouds.canManage(c)) {
                return c.accountId().equals(memberAccountId);
            }
            return clouds.partnerManages(c) && customerOf(memberAccountId);
        }

        /** Whom the actor adds from: the account whose users it may add to the cloud, or null. */
        public String addsFrom(CloudTarget c) {
            if (clouds.canManage(c)) {
                return c.accountId();
            }
            return clouds.partnerManages(c) ? actor.accountId() : null;
        }

        public void requireAdd(CloudTarget c, String memberAccountId) {
            clouds.requireView(c);
            if (addsFrom(c) == null) {
                throw refuse(ErrorCode.NOT_CLOUD_ADMIN);
            }
            if (!canAdd(c, memberAccountId)) {
                throw refuse(ErrorCode.CONTACT_NOT_FOUND); // a person of another company is not there to be added
            }
        }

        /** Type, permissions, removal: the cloud's Cloud-Admins for everyone, a partner for its own people. */
        public boolean canEdit(CloudTarget c, String memberAccountId) {
            return clouds.canManage(c) || clouds.partnerManages(c) && customerOf(memberAccountId);
        }

        /** {@code memberAccountId} null: no such member (answers like one the actor may not see). */
        public void requireEdit(CloudTarget c, String memberAccountId) {
            clouds.requireView(c);
            if (memberAccountId == null || !canSee(c, memberAccountId)) {
                throw refuse(ErrorCode.MEMBER_NOT_FOUND);
            }
            if (!canEdit(c, memberAccountId)) {
                throw refuse(ErrorCode.NOT_CLOUD_ADMIN);
            }
        }

        /**
         * What a member of {@code memberAccountId} may be given: anything in the cloud's own account; a partner's
         * people are Cloud-Members within the share's ceiling (S-CLD-9).
         */
        public void requireGrantable(CloudTarget c, CloudTarget.Share share, String memberAccountId, MemberType type,
                                     boolean write, boolean order) {
            if (c.accountId().equals(memberAccountId)) {
                return;
            }
            if (type == MemberType.ADMIN) {
                throw refuse(ErrorCode.PARTNER_MEMBER_TYPE);
            }
            if (share == null || (write && !share.maxWrite()) || (order && !share.maxOrder())) {
                throw refuse(ErrorCode.SHARE_CEILING,
                        share == null ? Permissions.ceiling(false, false) : Permissions.ceiling(share.maxWrite(), share.maxOrder()));
            }
        }
    }

    // ---- shares (S-CLD-9)

    private final Shares shares = new Shares();

    public Shares shares() {
        return shares;
    }

    public final class Shares {

        /** The shares of a cloud: its Cloud-Admins, and staff. */
        public boolean canListOfCloud(CloudTarget c) {
            return staffReads() || clouds.canManage(c);
        }

        public void requireListOfCloud(CloudTarget c) {
            clouds.requireView(c);
            if (!canListOfCloud(c)) {
                throw refuse(ErrorCode.NOT_CLOUD_ADMIN);
            }
        }

        /** Offer the cloud, or change a share's ceiling: Cloud-Admin with the right share-cloud (S-ROL-4). */
        public boolean canShare(CloudTarget c) {
            return clouds.canManage(c) && has(Right.SHARE_CLOUD);
        }

        public void requireShare(CloudTarget c) {
            clouds.requireManage(c);
            if (!canShare(c)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** The sharing side ends a share: its Cloud-Admins (ending only takes access away). */
        public boolean canEndFromCloud(CloudTarget c) {
            return clouds.canManage(c);
        }

        public void requireEndFromCloud(CloudTarget c) {
            clouds.requireManage(c);
        }

        /** The partner side: the shares offered to the account. */
        public boolean canListIncoming() {
            return has(Right.ACCEPT_SHARES);
        }

        public void requireListIncoming() {
            if (!canListIncoming()) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }

        /** Accept, decline or end a share offered to the account; a share offered to another does not exist. */
        public boolean canDecide(String partnerAccountId) {
            return customerOf(partnerAccountId) && has(Right.ACCEPT_SHARES);
        }

        public void requireDecide(String partnerAccountId) {
            if (!customerOf(partnerAccountId)) {
                throw refuse(ErrorCode.SHARE_NOT_FOUND);
            }
            if (!canDecide(partnerAccountId)) {
                throw refuse(ErrorCode.FORBIDDEN);
            }
        }
    }

    // ---- products (S-CLD-8)

    private final Products products = new Products();

    public Products products() {
        return products;
    }

    public final class Products {

        public static final String MOVE_RIGHT = "clouds:move-products";

        /** Moving needs Cloud-Admin on both clouds and the module right {@value #MOVE_RIGHT}. */
        public boolean canMove(CloudTarget source, CloudTarget target) {
            return clouds.canManage(source) && clouds.canManage(target) && modules.holds(MOVE_RIGHT);
        }

        /** Whether the actor may move products out of this cloud at all (for offering the action). */
        public boolean canMoveFrom(CloudTarget source) {
            return clouds.canManage(source) && modules.holds(MOVE_RIGHT);
        }

        /** {@code target} null: the target cloud does not exist. */
        public void requireMove(CloudTarget source, CloudTarget target) {
            if (!clouds.canView(source)) {
                throw refuse(ErrorCode.PRODUCT_NOT_FOUND); // a product in a cloud one cannot see does not exist
            }
            if (target == null) {
                throw refuse(ErrorCode.CLOUD_NOT_FOUND);
            }
            clouds.requireView(target);
            if (!canMove(source, target)) {
                throw refuse(ErrorCode.MOVE_RIGHT_REQUIRED);
            }
        }

        /** The product registry is the applications' (service accounts with terminal-app). */
        public boolean canRegister() {
            return actor.kind() == Actor.Kind.APPLICATION;
        }

        public void requireRegister() {
            if (!canRegister()) {
                throw refuse(ErrorCode.APP_ROLE_REQUIRED);
            }
        }
    }

    // ---- the app API: whose permissions may be asked (S-TOK-2, S-TOK-3)

    private final Applications applications = new Applications();

    public Applications applications() {
        return applications;
    }

    public final class Applications {

        /** An application asks about any user; a user only about itself. */
        public boolean canAskAbout(String userId) {
            return actor.kind() == Actor.Kind.APPLICATION || userId != null && userId.equals(actor.userId());
        }

        public void requireAskAbout(String userId) {
            if (!canAskAbout(userId)) {
                throw refuse(ErrorCode.APP_ROLE_REQUIRED);
            }
        }
    }

    // ---- staff (S-STF-1)

    private final Staff staff = new Staff();

    public Staff staff() {
        return staff;
    }

    public final class Staff {

        public boolean canRead() {
            return staffReads();
        }

        public void requireRead() {
            if (!canRead()) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }

        public boolean canWrite() {
            return staffWrites();
        }

        public void requireWrite() {
            if (!canWrite()) {
                throw refuse(ErrorCode.STAFF_ONLY);
            }
        }
    }
}
