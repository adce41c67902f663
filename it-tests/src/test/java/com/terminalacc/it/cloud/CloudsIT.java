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

/** Clouds and members: S-CLD-1…7. */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class CloudsIT extends AbstractTerminalIT {

    @Test
    void cloudHasNameDescriptionIconAndCreatorIsCloudAdmin() { // S-CLD-1, S-CLD-3
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        Api a = as(admin.email());
        ApiResponse r = a.post("clouds", Map.of("name", "Webshop", "description", "Shop servers and domains", "icon", "shop"));
        assertEquals(201, r.status(), r.toString());
        assertEquals("Webshop", r.text("name"));
        assertEquals("Shop servers and domains", r.text("description"));
        assertEquals("shop", r.text("icon"));
        assertEquals("rwoa", r.text("permissions"));
        assertEquals(acc.id(), r.text("accountId"));
        ApiResponse members = a.get("clouds/" + r.text("id") + "/members");
        assertEquals(1, members.body().get("total").asInt());
        assertEquals("ADMIN", members.text("items/0/type"));
        assertEquals(admin.contactId(), members.text("items/0/contactId"));
    }

    @Test
    void cloudInputIsValidated() { // S-CLD-1
        TestAccount acc = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        newCloud(owner, "Produktion");
        ApiResponse dup = owner.post("clouds", Map.of("name", "PRODUKTION"));
        assertEquals(409, dup.status());
        assertEquals("cloud_name_taken", dup.code());
        ApiResponse bad = owner.post("clouds", Map.of("name", " ", "icon", "unicorn", "description", "x".repeat(1001)));
        assertEquals(400, bad.status());
        assertTrue(bad.fieldErrors().containsAll(List.of("name:field_blank", "icon:value_not_allowed", "description:field_too_long")), bad.toString());
        assertEquals(1, owner.get("clouds").body().get("total").asInt());
        TestAccount other = newBusinessAccount();
        assertEquals(201, as(other.ownerEmail()).post("clouds", Map.of("name", "Produktion")).status(), "names are unique per account only");
    }

    @Test
    void usersCannotCreateClouds() { // S-CLD-3 [decision]: Owners and Admins create clouds
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        ApiResponse r = as(user.email()).post("clouds", Map.of("name", "Mine"));
        assertEquals(403, r.status());
        assertEquals(0, as(acc.ownerEmail()).get("clouds").body().get("total").asInt());
    }

    @Test
    void membersWithReadWriteOrder() { // S-CLD-2, S-CLD-5, S-CLD-6
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        Api a = as(admin.email());
        String cloud = newCloud(a, "Members");
        ApiResponse added = a.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "type", "MEMBER", "write", true));
        assertEquals(201, added.status(), added.toString());
        assertEquals("rw", added.text("permissions"));
        assertEquals("true", added.text("read"));
        assertEquals("false", added.text("order"));
        assertEquals("rw", as(user.email()).get("clouds/" + cloud).text("permissions"));

        ApiResponse noRead = a.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("read", false));
        assertEquals(400, noRead.status());
        assertEquals("read_not_removable", noRead.code());
        assertEquals(400, a.post("clouds/" + cloud + "/members", Map.of("contactId", acc.ownerContactId(), "read", false)).status());

        ApiResponse order = a.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("write", false, "order", true));
        assertEquals("ro", order.text("permissions"));
        ApiResponse promoted = a.patch("clouds/" + cloud + "/members/" + user.contactId(), Map.of("type", "ADMIN"));
        assertEquals("rwoa", promoted.text("permissions"), "a Cloud-Admin has write and order implicitly");
        assertEquals("true", promoted.text("write"));
        ApiResponse dup = a.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId()));
        assertEquals(409, dup.status());
        assertEquals("already_member", dup.code());
    }

    @Test
    void onlyActiveUsersOfTheAccountBecomeMembers() { // S-CLD-2
        TestAccount acc = newBusinessAccount();
        TestAccount other = newBusinessAccount();
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Only users");
        String plain = owner.post("contacts", contact("Plain", "Contact", acc.email("plain"))).text("id");
        ApiResponse r = owner.post("clouds/" + cloud + "/members", Map.of("contactId", plain));
        assertEquals(409, r.status());
        assertEquals("member_not_active", r.code());
        ApiResponse foreign = owner.post("clouds/" + cloud + "/members", Map.of("contactId", other.ownerContactId()));
        assertEquals(404, foreign.status(), "another account's contact does not exist for this account");
    }

    @Test
    void onlyCloudAdminsManage() { // S-CLD-4
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser member = newUser(acc, "user");
        TestUser third = newUser(acc, "user");
        Api a = as(admin.email());
        String cloud = newCloud(a, "Managed");
        a.post("clouds/" + cloud + "/members", Map.of("contactId", member.contactId(), "write", true, "order", true));
        Api m = as(member.email());
        for (ApiResponse r : List.of(
                m.patch("clouds/" + cloud, Map.of("name", "Renamed")),
                m.patch("clouds/" + cloud, Map.of("description", "x", "icon", "server")),
                m.delete("clouds/" + cloud),
                m.post("clouds/" + cloud + "/members", Map.of("contactId", third.contactId())),
                m.patch("clouds/" + cloud + "/members/" + admin.contactId(), Map.of("type", "MEMBER")),
                m.patch("clouds/" + cloud + "/members/" + member.contactId(), Map.of("type", "ADMIN")),
                m.delete("clouds/" + cloud + "/members/" + admin.contactId()))) {
            assertEquals(403, r.status(), r.toString());
            assertEquals("not_cloud_admin", r.code());
        }
        assertEquals("Managed", a.get("clouds/" + cloud).text("name"));
        assertEquals(2, a.get("clouds/" + cloud + "/members").body().get("total").asInt());
        assertEquals(200, m.get("clouds/" + cloud + "/members").status(), "members see who else is in the cloud");

        assertEquals("Renamed", a.patch("clouds/" + cloud, Map.of("name", "Renamed")).text("name"));
        ApiResponse details = a.patch("clouds/" + cloud, Map.of("description", "Neu", "icon", "server"));
        assertEquals("server", details.text("icon"));
        assertEquals(204, a.delete("clouds/" + cloud + "/members/" + member.contactId()).status());
        assertEquals(404, m.get("clouds/" + cloud).status(), "a removed member no longer sees the cloud");
        assertEquals(204, a.delete("clouds/" + cloud).status());
        assertEquals(404, a.get("clouds/" + cloud).status());
    }

    @Test
    void lastCloudAdminCannotBeRemovedOrDemoted() { // S-CLD-3
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser second = newUser(acc, "user");
        Api a = as(admin.email());
        String cloud = newCloud(a, "Always managed");
        ApiResponse demote = a.patch("clouds/" + cloud + "/members/" + admin.contactId(), Map.of("type", "MEMBER"));
        assertEquals(409, demote.status());
        assertEquals("last_cloud_admin", demote.code());
        assertEquals(409, a.delete("clouds/" + cloud + "/members/" + admin.contactId()).status());
        a.post("clouds/" + cloud + "/members", Map.of("contactId", second.contactId(), "type", "ADMIN"));
        assertEquals(200, a.patch("clouds/" + cloud + "/members/" + admin.contactId(), Map.of("type", "MEMBER")).status(), "with a second admin it works");
    }

    @Test
    void lastCloudAdminsLoginCannotBeDeactivatedOrDeleted() { // S-CLD-3
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        Api a = as(admin.email());
        newCloud(a, "Alpha");
        newCloud(a, "Beta");
        Api owner = as(acc.ownerEmail());
        for (ApiResponse r : List.of(owner.delete("contacts/" + admin.contactId() + "/login"), owner.delete("contacts/" + admin.contactId()))) {
            assertEquals(409, r.status(), r.toString());
            assertEquals("last_cloud_admin_of", r.code());
            assertTrue(r.message().contains("Alpha") && r.message().contains("Beta"), r.message());
        }
        assertEquals("ACTIVE", owner.get("contacts/" + admin.contactId()).text("loginStatus"));
    }

    @Test
    void deactivatedUserLosesItsMemberships() { // S-CLD-2, S-CON-3
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        Api owner = as(acc.ownerEmail());
        String cloud = newCloud(owner, "Temporary");
        owner.post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId()));
        assertEquals(200, owner.delete("contacts/" + user.contactId() + "/login").status());
        assertEquals(1, owner.get("clouds/" + cloud + "/members").body().get("total").asInt(), "only the creator remains");
    }

    @Test
    void usersSeeTheirAssignedCloudsOwnersSeeAll() { // S-CLD-7
        TestAccount acc = newBusinessAccount();
        TestUser admin = newUser(acc, "admin");
        TestUser user = newUser(acc, "user");
        TestUser otherAdmin = newUser(acc, "admin");
        Api a = as(admin.email());
        String assigned = newCloud(a, "Assigned");
        String notAssigned = newCloud(a, "Not assigned");
        a.post("clouds/" + assigned + "/members", Map.of("contactId", user.contactId()));

        ApiResponse userList = as(user.email()).get("clouds");
        assertEquals(1, userList.body().get("total").asInt());
        assertEquals("Assigned", userList.text("items/0/name"));
        assertEquals(404, as(user.email()).get("clouds/" + notAssigned).status());
        assertEquals(0, as(otherAdmin.email()).get("clouds").body().get("total").asInt(), "Admins see only clouds they are members of");
        assertEquals(404, as(otherAdmin.email()).get("clouds/" + assigned).status());

        Api owner = as(acc.ownerEmail());
        ApiResponse ownerList = owner.get("clouds");
        assertEquals(2, ownerList.body().get("total").asInt());
        assertEquals("rwoa", ownerList.text("items/0/permissions"), "Owners act as Cloud-Admin");
        assertEquals(200, owner.patch("clouds/" + notAssigned, Map.of("description", "managed by the Owner")).status());
        assertEquals(201, owner.post("clouds/" + notAssigned + "/members", Map.of("contactId", otherAdmin.contactId())).status());
    }

    @Test
    void otherAccountsCloudsAnswer404() {
        TestAccount a = newBusinessAccount();
        TestAccount b = newBusinessAccount();
        String cloud = newCloud(as(a.ownerEmail()), "Private");
        Api other = as(b.ownerEmail());
        for (ApiResponse r : List.of(other.get("clouds/" + cloud), other.patch("clouds/" + cloud, Map.of("name", "Mine")),
                other.delete("clouds/" + cloud), other.get("clouds/" + cloud + "/members"),
                other.post("clouds/" + cloud + "/members", Map.of("contactId", b.ownerContactId())))) {
            assertEquals(404, r.status(), r.toString());
            assertEquals("cloud_not_found", r.code());
        }
        assertFalse(other.get("clouds").raw().contains(cloud));
    }

    @Test
    void staffSeeAnAccountsClouds() { // S-STF-1
        TestAccount acc = newBusinessAccount();
        String cloud = newCloud(as(acc.ownerEmail()), "Visible to staff");
        ApiResponse list = staff().get("accounts/" + acc.id() + "/clouds");
        assertEquals(1, list.body().get("total").asInt());
        assertEquals(200, staff().get("clouds/" + cloud + "/members").status());
    }
}
