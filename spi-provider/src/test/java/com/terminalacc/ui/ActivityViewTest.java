package com.terminalacc.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** S-ACT-2: the activity log on the pages names fields and values as the pages do, not as stored. */
class ActivityViewTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bundle as the page's lookup behaves: the message, or the key itself where there is none. */
    private static final Map<String, String> DE = Map.ofEntries(
            Map.entry("acc.yes", "Ja"), Map.entry("acc.no", "Nein"),
            Map.entry("acc.field.firstName", "Vorname"), Map.entry("acc.field.role", "Rolle"),
            Map.entry("acc.field.modules", "Modulberechtigungen"), Map.entry("acc.activity.field.enabled", "Login aktiv"),
            Map.entry("acc.activity.field.type", "Typ in der Cloud"), Map.entry("acc.activity.field.permissions", "Berechtigungen in der Cloud"),
            Map.entry("acc.role.admin", "Admin"), Map.entry("acc.module.support", "Support"),
            Map.entry("acc.cloud.type.MEMBER", "Cloud-Mitglied"), Map.entry("acc.cloud.type.ADMIN", "Cloud-Admin"),
            Map.entry("acc.perm.read", "Lesen"), Map.entry("acc.perm.write", "Schreiben"), Map.entry("acc.perm.order", "Bestellen"));
    private static final Function<String, String> MSG = key -> DE.getOrDefault(key, key);

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s);
    }

    @Test
    void activatedLoginReadsAsLabelsAndWords() throws Exception {
        List<String> changes = ActivityView.changes(null,
                json("{\"userId\":\"u1\",\"username\":\"anna@x.test\",\"enabled\":true,\"role\":\"admin\",\"modules\":[\"support\",\"custom\"]}"), MSG);
        assertEquals(List.of("username: – → anna@x.test", "Login aktiv: – → Ja", "Rolle: – → Admin",
                "Modulberechtigungen: – → Support, custom"), changes, "ids left out, unknown names as stored");
    }

    @Test
    void onlyChangedFieldsAreListed() throws Exception {
        List<String> changes = ActivityView.changes(json("{\"id\":\"c\",\"firstName\":\"Max\",\"enabled\":true,\"modules\":[]}"),
                json("{\"id\":\"c\",\"firstName\":\"Moritz\",\"enabled\":true,\"modules\":[]}"), MSG);
        assertEquals(List.of("Vorname: Max → Moritz"), changes);
    }

    @Test
    void cloudMembershipShowsTypeAndPermissionsInWords() throws Exception {
        List<String> changes = ActivityView.changes(json("{\"cloudId\":\"k\",\"type\":\"MEMBER\",\"permissions\":\"r\"}"),
                json("{\"cloudId\":\"k\",\"type\":\"ADMIN\",\"permissions\":\"rwoa\"}"), MSG);
        assertEquals(List.of("Typ in der Cloud: Cloud-Mitglied → Cloud-Admin", "Berechtigungen in der Cloud: Lesen → Lesen, Schreiben, Bestellen"),
                changes);
    }

    @Test
    void emptyListAndMissingValueShowADash() throws Exception {
        List<String> changes = ActivityView.changes(json("{\"modules\":[\"support\"],\"enabled\":false}"), json("{\"modules\":[]}"), MSG);
        assertEquals(List.of("Modulberechtigungen: Support → –", "Login aktiv: Nein → –"), changes);
    }
}
