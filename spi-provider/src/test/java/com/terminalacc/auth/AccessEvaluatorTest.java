package com.terminalacc.auth;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.terminalacc.cloud.MemberType;
import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.Right;
import com.terminalacc.role.RightsMatrix;
import com.terminalacc.role.TerminalRole;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluator without a server: the hierarchy (S-ROL-1…3), the rights matrix with the SPEC's defaults (S-ROL-4),
 * module permissions (S-MOD-1), clouds and partners (S-CLD-4/7/9), isolation (S-ISO-1) and staff (S-STF-1).
 */
class AccessEvaluatorTest {

    static final String A = "account-a";
    static final String B = "account-b";
    static final String C = "account-c";

    static AccessEvaluator customer(TerminalRole role, String account, Set<String> modules) {
        return new AccessEvaluator(Actor.customer(null, account, "me-" + role, role), RightsMatrix.defaults(), () -> modules);
    }

    static AccessEvaluator customer(TerminalRole role) {
        return customer(role, A, Set.of());
    }

    static AccessEvaluator staff(boolean write) {
        return new AccessEvaluator(Actor.staff(null, write), RightsMatrix.defaults(), Set::of);
    }

    static ContactTarget contact(String account, TerminalRole role) {
        return new ContactTarget(account, "c-" + role, role);
    }

    static ErrorCode refusal(Runnable r) {
        return assertThrows(TerminalException.class, r::run).getCode();
    }

    @Test
    void onlyRolesBelowOnesOwnAreGrantedAndOwnerNeverByCustomers() { // S-ROL-1, S-ROL-2
        assertTrue(customer(TerminalRole.OWNER).logins().canGrant(TerminalRole.ADMIN));
        assertTrue(customer(TerminalRole.OWNER).logins().canGrant(TerminalRole.USER));
        assertFalse(customer(TerminalRole.OWNER).logins().canGrant(TerminalRole.OWNER));
        assertTrue(customer(TerminalRole.ADMIN).logins().canGrant(TerminalRole.USER));
        assertFalse(customer(TerminalRole.ADMIN).logins().canGrant(TerminalRole.ADMIN));
        assertFalse(customer(TerminalRole.USER).logins().canGrant(TerminalRole.USER));
        assertEquals(ErrorCode.OWNER_ONLY_BY_STAFF, refusal(() -> customer(TerminalRole.OWNER).logins().requireGrant(TerminalRole.OWNER)));
        assertEquals(ErrorCode.ROLE_NOT_GRANTABLE, refusal(() -> customer(TerminalRole.ADMIN).logins().requireGrant(TerminalRole.ADMIN)));
        assertTrue(staff(true).logins().canGrant(TerminalRole.OWNER));
        assertFalse(staff(false).logins().canGrant(TerminalRole.USER), "reading staff grant nothing");
    }

    @Test
    void editingFollowsTheHierarchyNeverOneselfNeverAnotherAccount() { // S-ROL-1, S-ROL-3, S-ROL-4, S-ISO-1
        AccessEvaluator owner = customer(TerminalRole.OWNER);
        AccessEvaluator admin = customer(TerminalRole.ADMIN);
        assertTrue(owner.contacts().canEdit(contact(A, TerminalRole.ADMIN)));
        assertTrue(owner.contacts().canEdit(contact(A, TerminalRole.USER)));
        assertFalse(owner.contacts().canEdit(contact(A, TerminalRole.OWNER)), "Owners do not edit Owners");
        assertTrue(admin.contacts().canEdit(contact(A, TerminalRole.USER)));
        assertFalse(admin.contacts().canEdit(contact(A, TerminalRole.ADMIN)));
        assertTrue(admin.contacts().canEdit(contact(A, null)), "plain contacts: right manage-contacts");
        assertFalse(customer(TerminalRole.USER).contacts().canEdit(contact(A, null)));
        ContactTarget self = new ContactTarget(A, "me-OWNER", TerminalRole.OWNER);
        assertEquals(ErrorCode.NOT_ON_YOURSELF, refusal(() -> owner.contacts().requireEdit(self)));
        assertTrue(owner.contacts().canEditDetails(self), "one's own details");
        assertEquals(ErrorCode.CONTACT_NOT_FOUND, refusal(() -> owner.contacts().requireView(contact(B, null))),
                "another account's contact does not exist");
        assertEquals(ErrorCode.CONTACT_NOT_FOUND, refusal(() -> owner.contacts().requireEdit(contact(B, TerminalRole.USER))));
    }

    @Test
    void aDormantLoginKeepsItsRankForReactivation() { // S-ROL-1: a disabled Owner is re-activated by staff only
        assertFalse(customer(TerminalRole.ADMIN).logins().canActivate(contact(A, TerminalRole.OWNER)));
        assertFalse(customer(TerminalRole.OWNER).logins().canActivate(contact(A, TerminalRole.OWNER)));
        assertFalse(customer(TerminalRole.ADMIN).logins().canActivate(contact(A, TerminalRole.ADMIN)));
        assertTrue(customer(TerminalRole.ADMIN).logins().canActivate(contact(A, TerminalRole.USER)));
        assertTrue(customer(TerminalRole.ADMIN).logins().canActivate(contact(A, null)));
        assertTrue(staff(true).logins().canActivate(contact(A, TerminalRole.OWNER)));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> customer(TerminalRole.ADMIN).logins().requireActivate(contact(A, TerminalRole.OWNER))));
    }

    @Test
    void theMatrixIsConfigurationTheHierarchyIsNot() { // S-ROL-4
        Map<Right, Set<TerminalRole>> grants = new EnumMap<>(Right.class);
        for (Right r : Right.values()) {
            grants.put(r, Set.of(TerminalRole.OWNER, TerminalRole.ADMIN, TerminalRole.USER)); // everything to everyone
        }
        AccessEvaluator user = new AccessEvaluator(Actor.customer(null, A, "me", TerminalRole.USER), RightsMatrix.of(grants), Set::of);
        assertTrue(user.clouds().canCreate(), "a right given to User by configuration counts");
        assertTrue(user.contacts().canCreate(A));
        assertFalse(user.logins().canGrant(TerminalRole.USER), "but nobody grants its own role");
        assertFalse(user.contacts().canEdit(contact(A, TerminalRole.USER)), "nor edits its own rank");
        assertFalse(user.logins().canGrant(TerminalRole.OWNER));
    }

    @Test
    void theSpecsDefaultsOfTheDecisionsThatWereRoleChecks() { // S-ROL-4 defaults, S-ACC-2, S-ROL-2, S-CLD-3, S-CLD-9
        AccessEvaluator owner = customer(TerminalRole.OWNER);
        AccessEvaluator admin = customer(TerminalRole.ADMIN);
        AccessEvaluator user = customer(TerminalRole.USER);
        assertTrue(owner.accounts().canManageSettings(A));
        assertFalse(admin.accounts().canManageSettings(A));
        assertTrue(owner.ownerRequests().canFile(A));
        assertFalse(admin.ownerRequests().canFile(A));
        assertTrue(admin.clouds().canCreate());
        assertFalse(user.clouds().canCreate());
        assertTrue(admin.shares().canListIncoming());
        assertFalse(user.shares().canListIncoming());
        assertFalse(owner.accounts().canManageSettings(B), "only one's own account");
    }

    @Test
    void modulesAreGrantedByOwnersOrByThoseWhoHoldThem() { // S-MOD-1
        assertTrue(customer(TerminalRole.OWNER).modules().canGrant("clouds:move-products"));
        AccessEvaluator admin = customer(TerminalRole.ADMIN, A, Set.of("support"));
        assertTrue(admin.modules().canGrant("support"));
        assertFalse(admin.modules().canGrant("clouds"));
        TerminalException e = assertThrows(TerminalException.class, () -> admin.modules().requireGrant(Set.of("support", "clouds")));
        assertEquals(ErrorCode.MODULE_NOT_HELD, e.getCode());
        assertEquals("clouds", e.getArgs()[0]);
    }

    static CloudTarget cloud(String account, MemberType membership, CloudTarget.Share share) {
        return new CloudTarget("cloud", account, membership, false, false, share);
    }

    @Test
    void cloudAdminsAndOwnersManageOnlyTheirAccountsClouds() { // S-CLD-4, S-CLD-7
        assertTrue(customer(TerminalRole.USER).clouds().canManage(cloud(A, MemberType.ADMIN, null)), "Cloud-Admin is per cloud");
        assertFalse(customer(TerminalRole.ADMIN).clouds().canManage(cloud(A, MemberType.MEMBER, null)));
        assertTrue(customer(TerminalRole.OWNER).clouds().canManage(cloud(A, null, null)), "Owners act as Cloud-Admin");
        assertFalse(customer(TerminalRole.OWNER).clouds().canView(cloud(B, null, null)));
        assertEquals(ErrorCode.CLOUD_NOT_FOUND, refusal(() -> customer(TerminalRole.OWNER).clouds().requireManage(cloud(B, null, null))));
        assertEquals(ErrorCode.NOT_CLOUD_ADMIN, refusal(() -> customer(TerminalRole.USER).clouds().requireManage(cloud(A, MemberType.MEMBER, null))));
        assertTrue(staff(false).clouds().canView(cloud(B, null, null)));
        assertFalse(staff(true).clouds().canManage(cloud(B, null, null)), "staff read clouds");
    }

    @Test
    void aPartnerSeesTheSharerAndItselfNeverAThirdCompany() { // S-ISO-1, S-CLD-9
        CloudTarget.Share share = new CloudTarget.Share("s", B, true, false);
        CloudTarget shared = cloud(A, null, share);
        AccessEvaluator partnerOwner = customer(TerminalRole.OWNER, B, Set.of());
        assertTrue(partnerOwner.clouds().canView(shared));
        assertFalse(partnerOwner.clouds().canManage(shared));
        assertEquals(Set.of(A, B), partnerOwner.members().visibleAccounts(shared));
        assertFalse(partnerOwner.members().canSee(shared, C));
        assertEquals(ErrorCode.MEMBER_NOT_FOUND, refusal(() -> partnerOwner.members().requireEdit(shared, C)));
        assertTrue(partnerOwner.members().canEdit(shared, B));
        assertFalse(partnerOwner.members().canEdit(shared, A), "the sharer's members are the sharer's");
        assertEquals(B, partnerOwner.members().addsFrom(shared));
        assertNull(customer(TerminalRole.OWNER, A, Set.of()).members().visibleAccounts(cloud(A, null, null)), "the sharer sees everyone");
        assertFalse(customer(TerminalRole.USER, B, Set.of()).clouds().canView(shared), "a partner's User is no partner manager");
    }

    @Test
    void partnerMembersStayWithinTheCeiling() { // S-CLD-9
        CloudTarget.Share share = new CloudTarget.Share("s", B, true, false);
        CloudTarget shared = cloud(A, null, share);
        AccessEvaluator partner = customer(TerminalRole.ADMIN, B, Set.of());
        partner.members().requireGrantable(shared, share, B, MemberType.MEMBER, true, false);
        assertEquals(ErrorCode.SHARE_CEILING, refusal(() -> partner.members().requireGrantable(shared, share, B, MemberType.MEMBER, true, true)));
        assertEquals(ErrorCode.PARTNER_MEMBER_TYPE, refusal(() -> partner.members().requireGrantable(shared, share, B, MemberType.ADMIN, false, false)));
    }

    @Test
    void sharingAndChangingTheCeilingNeedTheShareRight() { // S-CLD-9, S-ROL-4
        CloudTarget adminOfCloud = cloud(A, MemberType.ADMIN, null);
        assertTrue(customer(TerminalRole.ADMIN).shares().canShare(adminOfCloud));
        assertFalse(customer(TerminalRole.USER).shares().canShare(adminOfCloud));
        assertEquals(ErrorCode.FORBIDDEN, refusal(() -> customer(TerminalRole.USER).shares().requireShare(adminOfCloud)));
        assertTrue(customer(TerminalRole.USER).shares().canEndFromCloud(adminOfCloud), "ending only takes access away");
        assertEquals(ErrorCode.SHARE_NOT_FOUND, refusal(() -> customer(TerminalRole.OWNER, C, Set.of()).shares().requireDecide(B)));
    }

    @Test
    void movingNeedsCloudAdminOnBothAndTheMoveRight() { // S-CLD-8
        CloudTarget source = cloud(A, MemberType.ADMIN, null);
        CloudTarget target = cloud(A, MemberType.ADMIN, null);
        assertTrue(customer(TerminalRole.USER, A, Set.of("clouds", "clouds:move-products")).products().canMove(source, target));
        assertFalse(customer(TerminalRole.USER, A, Set.of("clouds")).products().canMove(source, target));
        assertFalse(customer(TerminalRole.USER, A, Set.of("clouds:move-products")).products().canMove(source, cloud(A, MemberType.MEMBER, null)));
        assertEquals(ErrorCode.PRODUCT_NOT_FOUND, refusal(() -> customer(TerminalRole.OWNER, C, Set.of()).products().requireMove(cloud(A, null, null), target)));
    }

    @Test
    void effectivePermissionsAreOneFunction() { // S-TOK-1, S-CLD-6, S-CLD-7
        assertEquals("rwoa", Permissions.effective(MemberType.ADMIN, false, false, false));
        assertEquals("rw", Permissions.effective(MemberType.MEMBER, true, false, false));
        assertEquals("ro", Permissions.effective(MemberType.MEMBER, false, true, false));
        assertEquals("r", Permissions.effective(MemberType.MEMBER, false, false, false));
        assertEquals("rwoa", Permissions.effective(null, false, false, true), "every cloud of the account");
        assertNull(Permissions.effective(null, true, true, false));
        assertTrue(Permissions.allows("rwoa", "move"));
        assertFalse(Permissions.allows("rwo", "move"));
        assertFalse(Permissions.allows(null, "read"));
        assertEquals("rw", customer(TerminalRole.USER).clouds().permissions(new CloudTarget("c", A, MemberType.MEMBER, true, false, null)));
        assertEquals("rwoa", customer(TerminalRole.OWNER).clouds().permissions(new CloudTarget("c", A, null, false, false, null)));
    }

    @Test
    void staffReadWithViewRealmAndChangeWithTheStaffRole() { // S-STF-1
        assertTrue(staff(false).staff().canRead());
        assertFalse(staff(false).staff().canWrite());
        assertEquals(ErrorCode.STAFF_ONLY, refusal(() -> staff(false).accounts().requireAdminister()));
        assertTrue(staff(true).accounts().canAdminister());
        assertFalse(customer(TerminalRole.OWNER).accounts().canAdminister());
        assertTrue(staff(false).contacts().canList(B));
        assertFalse(staff(false).contacts().canCreate(B));
    }

    @Test
    void applicationsAskAboutAnyoneUsersAboutThemselves() { // S-TOK-2
        AccessEvaluator app = new AccessEvaluator(Actor.application(null), RightsMatrix.defaults(), Set::of);
        assertTrue(app.applications().canAskAbout("someone"));
        assertTrue(app.products().canRegister());
        assertFalse(customer(TerminalRole.OWNER).products().canRegister());
        assertEquals(ErrorCode.APP_ROLE_REQUIRED, refusal(() -> customer(TerminalRole.OWNER).applications().requireAskAbout("someone")));
    }
}
