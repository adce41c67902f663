package com.terminalacc.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.activity.ActivityEntry;
import com.terminalacc.common.TerminalSettings;

/** Activity log entries as a page shows them: local time, a message key for what happened, the changed fields. */
final class ActivityView {

    static final String TIME_ZONE = "terminal.timeZone";

    private ActivityView() {
    }

    static List<Map<String, Object>> of(PageContext ctx, List<ActivityEntry> entries) {
        ZoneId zone;
        try {
            zone = ZoneId.of(TerminalSettings.get(ctx.realm(), TIME_ZONE, "Europe/Berlin"));
        } catch (RuntimeException e) {
            zone = ZoneId.of("UTC");
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(ctx.locale()).withZone(zone);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ActivityEntry e : entries) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("time", format.format(Instant.ofEpochMilli(e.time())));
            String key = "acc.activity.type." + e.type() + (e.operation() == null ? "" : "." + e.operation());
            String label = ctx.msg(key);
            row.put("what", label.equals(key) ? e.type() + (e.operation() == null ? "" : " " + e.operation()) : label);
            row.put("who", e.actorName() != null ? e.actorName() : e.ipAddress() != null ? e.ipAddress() : "–");
            row.put("changes", changes(e.before(), e.after()));
            row.put("error", e.error() == null ? "" : e.error());
            rows.add(row);
        }
        return rows;
    }

    /** "field: before → after" for every field that differs; ids are left out. */
    static List<String> changes(JsonNode before, JsonNode after) {
        Set<String> fields = new LinkedHashSet<>();
        collect(before, fields);
        collect(after, fields);
        List<String> changes = new ArrayList<>();
        for (String f : fields) {
            if (f.endsWith("Id") || f.equals("id")) {
                continue;
            }
            String b = text(before, f);
            String a = text(after, f);
            if (!b.equals(a)) {
                changes.add(f + ": " + b + " → " + a);
            }
        }
        return changes;
    }

    private static void collect(JsonNode node, Set<String> fields) {
        if (node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                fields.add(it.next());
            }
        }
    }

    private static String text(JsonNode node, String field) {
        if (node == null || !node.isObject() || !node.has(field) || node.get(field).isNull()) {
            return "–";
        }
        JsonNode v = node.get(field);
        return v.isValueNode() ? v.asText() : v.toString();
    }
}
