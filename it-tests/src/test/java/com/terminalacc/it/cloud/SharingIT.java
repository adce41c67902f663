package com.terminalacc.it.cloud;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.ApiResponse;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S-CLD-9: sharing a cloud with another company. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class SharingIT extends AbstractTerminalIT {

    @Test
    void shareAcceptAddPartnerMembersWithinCeilingAndEnd() {
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestUser cloudAdmin = newUser(provider, "admin");
        TestUser partnerAdmin = newUser(partner, "admin");
        TestUser partnerUser = newUser(partner, "user");
        Api a = as(cloudAdmin.email());
        String cloud = newCloud(a, "Joint project");

        ApiResponse shared = a.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true, "order", false));
        assertEquals(201, shared.status(), shared.toString());
        assertEquals("PENDING", shared.text("status"));
        String shareId = shared.text("id");

        Api pa = as(partnerAdmin.email());
        ApiResponse incoming = pa.get("shares");
        assertEquals(shareId, incoming.text("items/0/id"));
        assertEquals("Joint project", incoming.text("items/0/cloudName"));
        assertEquals(provider.name(), incoming.text("items/0/ownerAccountName"));
        ApiResponse early = pa.post("clouds/" + cloud + "/members", Map.of("contactId", partnerUser.contactId()));
        assertEquals(404, early.status(), "before acceptance the partner has no access");

        assertEquals("ACCEPTED", pa.post("shares/" + shareId + "/accept", "").text("status"));
        ApiResponse added = pa.post("clouds/" + cloud + "/members", Map.of("contactId", partnerUser.contactId(), "write", true));
        assertEquals(201, added.status(), added.toString());
        assertEquals("rw", added.text("permissions"));
        assertEquals("true", added.text("partner"));

        ApiResponse aboveCeiling = pa.patch("clouds/" + cloud + "/members/" + partnerUser.contactId(), Map.of("order", true));
        assertEquals(403, aboveCeiling.status());
        assertEquals("share_ceiling", aboveCeiling.code());
        ApiResponse asAdmin = pa.post("clouds/" + cloud + "/members", Map.of("contactId", partnerAdmin.contactId(), "type", "ADMIN"));
        assertEquals(403, asAdmin.status());
        assertEquals("partner_member_type", asAdmin.code());
        ApiResponse foreign = pa.post("clouds/" + cloud + "/members", Map.of("contactId", provider.ownerContactId()));
        assertEquals(404, foreign.status(), "partners add only their own people");
        assertEquals(403, pa.patch("clouds/" + cloud, Map.of("name", "Taken over")).status(), "partners do not manage the cloud itself");

        // partner users see the cloud among their assigned clouds (S-CLD-7)
        ApiResponse partnerClouds = as(partnerUser.email()).get("clouds");
        assertEquals(1, partnerClouds.body().get("total").asInt());
        assertEquals(provider.name(), partnerClouds.text("items/0/accountName"));
        assertEquals("rw", partnerClouds.text("items/0/permissions"));
        assertEquals(2, a.get("clouds/" + cloud + "/members").body().get("total").asInt(), "the sharer sees the partner's members");

        // ending removes every partner membership at once
        assertEquals(204, a.delete("clouds/" + cloud + "/shares/" + shareId).status());
        assertEquals(0, as(partnerUser.email()).get("clouds").body().get("total").asInt());
        assertEquals(1, a.get("clouds/" + cloud + "/members").body().get("total").asInt());
        assertEquals(404, pa.post("shares/" + shareId + "/accept", "").status());
    }

    @Test
    void partnerEndsTheShareAndCanDecline() {
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api owner = as(provider.ownerEmail());
        Api partnerOwner = as(partner.ownerEmail());
        String cloud = newCloud(owner, "Declined one");
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).text("id");
        assertEquals("DECLINED", partnerOwner.post("shares/" + share + "/decline", "").text("status"));
        assertEquals(409, partnerOwner.post("shares/" + share + "/accept", "").status());
        ApiResponse again = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "order", true));
        assertEquals(201, again.status(), "after a decline it can be offered again");
        assertEquals("PENDING", again.text("status"));
        partnerOwner.post("shares/" + share + "/accept", "");
        String member = partnerOwner.post("clouds/" + cloud + "/members", Map.of("contactId", partner.ownerContactId(), "order", true)).text("contactId");
        assertEquals(partner.ownerContactId(), member);
        assertEquals(204, partnerOwner.delete("shares/" + share).status(), "the partner side can end it too");
        assertEquals(404, partnerOwner.get("clouds/" + cloud).status());
    }

    @Test
    void sharingNeedsCloudAdminAndTheShareRight() { // S-CLD-9, S-ROL-4 share a cloud with another company
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestUser admin = newUser(provider, "admin");
        TestUser user = newUser(provider, "user");
        Api a = as(admin.email());
        String cloud = newCloud(a, "Share rights");
        a.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "type", "ADMIN"));
        ApiResponse byUser = as(user.email()).post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain()));
        assertEquals(403, byUser.status(), "a Cloud-Admin with role User lacks the right to share (S-ROL-4)");
        TestUser member = newUser(provider, "admin");
        a.post("clouds/" + cloud + "/members", Map.of("contactId", member.contactId()));
        assertEquals(403, as(member.email()).post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).status(),
                "an Admin who is only Cloud-Member may not share");
        assertEquals(0, a.get("clouds/" + cloud + "/shares").body().get("total").asInt());
    }

    @Test
    void partnerMustBeAnotherBusinessAccount() {
        TestAccount provider = newBusinessAccount();
        TestAccount personal = newAccount("PERSONAL", true);
        Api owner = as(provider.ownerEmail());
        String cloud = newCloud(owner, "Partner checks");
        assertCode(owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", personal.domain())), 409, "partner_not_business");
        assertCode(owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", provider.domain())), 409, "share_with_self");
        assertCode(owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", "nobody-" + uid() + ".test")), 404, "partner_not_found");
        assertCode(owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", "not a domain")), 400, "validation_failed");
        TestAccount partner = newBusinessAccount();
        assertEquals(201, owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).status());
        assertCode(owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())), 409, "already_shared");
    }

    @Test
    void loweringTheCeilingLowersPartnerMembers() {
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api owner = as(provider.ownerEmail());
        Api partnerOwner = as(partner.ownerEmail());
        String cloud = newCloud(owner, "Ceiling");
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true, "order", true)).text("id");
        partnerOwner.post("shares/" + share + "/accept", "");
        partnerOwner.post("clouds/" + cloud + "/members", Map.of("contactId", partner.ownerContactId(), "write", true, "order", true));
        assertEquals(200, owner.patch("clouds/" + cloud + "/shares/" + share, Map.of("order", false)).status());
        ApiResponse members = owner.get("clouds/" + cloud + "/members");
        boolean found = false;
        for (var m : members.body().get("items")) {
            if (partner.ownerContactId().equals(m.path("contactId").asText())) {
                assertEquals("rw", m.path("permissions").asText());
                found = true;
            }
        }
        assertTrue(found, members.raw());
    }

    @Test
    void aPartnerSeesTheSharersAndItsOwnPeopleNeverAThirdCompanys() { // S-ISO-1, S-CLD-9
        TestAccount provider = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        TestAccount c = newBusinessAccount();
        Api owner = as(provider.ownerEmail());
        String cloud = newCloud(owner, "Shared twice");
        for (TestAccount partner : new TestAccount[] {b, c}) {
            String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", true)).text("id");
            assertEquals(200, as(partner.ownerEmail()).post("shares/" + share + "/accept", "").status());
        }
        TestUser bob = newUser(b, "user");
        TestUser carla = newUser(c, "user");
        assertEquals(201, as(b.ownerEmail()).post("clouds/" + cloud + "/members", Map.of("contactId", bob.contactId())).status());
        assertEquals(201, as(c.ownerEmail()).post("clouds/" + cloud + "/members", Map.of("contactId", carla.contactId())).status());

        for (String viewer : new String[] {b.ownerEmail(), bob.email()}) {
            ApiResponse members = as(viewer).get("clouds/" + cloud + "/members");
            assertEquals(200, members.status(), members.toString());
            assertFalse(members.raw().contains(carla.email()) || members.raw().contains(carla.contactId()), viewer + " sees no third company: " + members.raw());
            assertTrue(members.raw().contains(bob.email()) && members.raw().contains(provider.ownerEmail()), members.raw());
            assertEquals(2, members.body().get("total").asInt(), "the total counts only what the partner may see");
        }
        ApiResponse theirs = as(c.ownerEmail()).get("clouds/" + cloud + "/members");
        assertFalse(theirs.raw().contains(bob.email()), theirs.raw());
        assertEquals(3, owner.get("clouds/" + cloud + "/members").body().get("total").asInt(), "the sharing company sees everyone");
        ApiResponse touch = as(b.ownerEmail()).patch("clouds/" + cloud + "/members/" + carla.contactId(), Map.of("write", true));
        ApiResponse missing = as(b.ownerEmail()).patch("clouds/" + cloud + "/members/" + java.util.UUID.randomUUID(), Map.of("write", true));
        assertEquals(missing.status(), touch.status());
        assertEquals(missing.code(), touch.code());
        assertEquals(2, as(b.ownerEmail()).get("clouds/" + cloud).body().get("memberCount").asInt(),
                "the cloud's member count is what the partner sees");
    }

    @Test
    void raisingTheCeilingNeedsTheShareRightAsSharingDoes() { // S-CLD-9, S-ROL-4
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestUser admin = newUser(provider, "admin");
        TestUser user = newUser(provider, "user");
        Api a = as(admin.email());
        String cloud = newCloud(a, "Ceiling rights");
        assertEquals(201, a.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "type", "ADMIN")).status());
        String share = a.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).text("id");
        ApiResponse raise = as(user.email()).patch("clouds/" + cloud + "/shares/" + share, Map.of("write", true, "order", true));
        assertEquals(403, raise.status(), raise.toString());
        assertEquals("forbidden", raise.code());
        ApiResponse shares = a.get("clouds/" + cloud + "/shares");
        assertEquals("false", shares.text("items/0/maxWrite"), shares.raw());
        assertEquals(200, a.patch("clouds/" + cloud + "/shares/" + share, Map.of("write", true)).status(), "an Admin who is Cloud-Admin may");
    }

    @Test
    void aForeignShareIdAnswersExactlyLikeAMissingOne() { // S-ISO-1
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        TestAccount third = newBusinessAccount();
        Api owner = as(provider.ownerEmail());
        String cloud = newCloud(owner, "Foreign share");
        String share = owner.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain())).text("id");
        Api thirdOwner = as(third.ownerEmail());
        String own = newCloud(thirdOwner, "Own cloud");
        String missing = java.util.UUID.randomUUID().toString();
        for (String method : new String[] {"DELETE", "PATCH"}) {
            ApiResponse foreign = "DELETE".equals(method) ? thirdOwner.delete("clouds/" + own + "/shares/" + share)
                    : thirdOwner.patch("clouds/" + own + "/shares/" + share, Map.of("write", true));
            ApiResponse none = "DELETE".equals(method) ? thirdOwner.delete("clouds/" + own + "/shares/" + missing)
                    : thirdOwner.patch("clouds/" + own + "/shares/" + missing, Map.of("write", true));
            assertEquals(404, foreign.status(), method + " " + foreign);
            assertEquals(none.status(), foreign.status(), method);
            assertEquals(none.code(), foreign.code(), method);
        }
        assertEquals(1, owner.get("clouds/" + cloud + "/shares").body().get("total").asInt(), "the share is still there");
    }

    @Test
    void anOwnersListPagesThroughOwnAndSharedCloudsInNameOrder() { // S-CLD-7, S-CLD-9; issue 16: asked as two queries
        TestAccount provider = newBusinessAccount();
        TestAccount partner = newBusinessAccount();
        Api p = as(provider.ownerEmail());
        Api owner = as(partner.ownerEmail());
        for (String name : List.of("Beta", "delta", "Foxtrot")) {
            newCloud(owner, name);
        }
        for (String name : List.of("charlie", "Echo")) {
            String cloud = newCloud(p, name);
            String share = p.post("clouds/" + cloud + "/shares", Map.of("partnerDomain", partner.domain(), "write", false, "order", false)).text("id");
            assertEquals("ACCEPTED", owner.post("shares/" + share + "/accept", "").text("status"));
            assertEquals(201, owner.post("clouds/" + cloud + "/members", Map.of("contactId", partner.ownerContactId())).status());
        }
        newCloud(p, "Alpha"); // the provider's own, not shared: never in the partner's list
        List<String> names = new java.util.ArrayList<>();
        for (int first = 0; first < 6; first += 2) {
            ApiResponse page = owner.get("clouds?first=" + first + "&max=2");
            assertEquals(200, page.status(), page.toString());
            assertEquals(5, page.body().get("total").asInt(), page.toString());
            page.body().get("items").forEach(c -> names.add(c.get("name").asText()));
        }
        assertEquals(List.of("Beta", "charlie", "delta", "Echo", "Foxtrot"), names, "own and shared interleaved by name, each once");
    }

    private static void assertCode(ApiResponse r, int status, String code) {
        assertEquals(status, r.status(), r.toString());
        assertEquals(code, r.code(), r.toString());
    }
}
