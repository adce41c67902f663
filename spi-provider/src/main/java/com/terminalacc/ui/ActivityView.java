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
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.terminalacc.activity.ActivityEntry;
import com.terminalacc.activity.ActivityPage;
import com.terminalacc.activity.ActivityService;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalSettings;

/** Activity log entries as a page shows them: local time, a message key for what happened, the changed fields. */
final class ActivityView {

    static final String TIME_ZONE = "terminal.timeZone";

    private ActivityView() {
    }

    /** The attributes of the layout's {@code activityLog} macro: one page of the contact's log (S-ACT-2). */
    static void putLog(PageContext ctx, Map<String, Object> m, AccessEvaluator auth, String accountId, String contactId, int page) {
        ActivityPage log = new ActivityService(ctx.session(), ctx.realm()).contactLog(auth, accountId, contactId,
                new Paging(page * ContactPages.PAGE_SIZE, ContactPages.PAGE_SIZE));
        m.put("activity", of(ctx, log.items()));
        m.put("activityPage", page);
        m.put("activityHasMore", log.hasMore());
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
            row.put("who", who(e, ctx::msg));
            row.put("changes", changes(e.before(), e.after(), ctx::msg));
            row.put("error", e.error() == null ? "" : e.error());
            rows.add(row);
        }
        return rows;
    }

    /** The author as the viewer may know it: a name of its own account, else "partner company" or "provider" (S-ISO-1). */
    static String who(ActivityEntry e, Function<String, String> msg) {
        if (e.actorName() != null) {
            return e.actorName();
        }
        if (ActivityEntry.PARTNER.equals(e.actorKind())) {
            return msg.apply("acc.activity.actor.partner");
        }
        if (ActivityEntry.PROVIDER.equals(e.actorKind()) && "CHANGE".equals(e.kind())) {
            return msg.apply("acc.activity.actor.provider");
        }
        return e.ipAddress() != null ? e.ipAddress() : "–";
    }

    /**
     * "Field: before → after" for every field that differs, in the page's language: field names as labels
     * ({@code acc.activity.field.*}, else the form's {@code acc.field.*}), yes/no, role and module names as the pages
     * show them; ids are left out.
     */
    static List<String> changes(JsonNode before, JsonNode after, Function<String, String> msg) {
        Set<String> fields = new LinkedHashSet<>();
        collect(before, fields);
        collect(after, fields);
        List<String> changes = new ArrayList<>();
        for (String f : fields) {
            if (f.endsWith("Id") || f.equals("id")) {
                continue;
            }
            String b = text(before, f, msg);
            String a = text(after, f, msg);
            if (!b.equals(a)) {
                changes.add(label(f, msg) + ": " + b + " → " + a);
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

    private static String label(String field, Function<String, String> msg) {
        String label = message(msg, "acc.activity.field." + field);
        if (label == null) {
            label = message(msg, "acc.field." + field);
        }
        return label == null ? field : label;
    }

    private static String text(JsonNode node, String field, Function<String, String> msg) {
        if (node == null || !node.isObject() || !node.has(field) || node.get(field).isNull()) {
            return "–";
        }
        JsonNode v = node.get(field);
        if (v.isBoolean()) {
            return msg.apply(v.asBoolean() ? "acc.yes" : "acc.no");
        }
        if (v.isArray()) {
            List<String> items = new ArrayList<>();
            v.forEach(item -> items.add(value(field, item.asText(), msg)));
            return items.isEmpty() ? "–" : String.join(", ", items);
        }
        return v.isValueNode() ? value(field, v.asText(), msg) : v.toString();
    }

    /** Roles, modules, cloud types and permissions by the names the pages use for them; anything else as stored. */
    private static String value(String field, String raw, Function<String, String> msg) {
        String label = switch (field) {
            case "role" -> message(msg, "acc.role." + raw);
            case "modules" -> message(msg, "acc.module." + raw);
            case "type" -> message(msg, "acc.cloud.type." + raw);
            case "status" -> message(msg, "acc.request." + raw);
            case "permissions" -> permissions(raw, msg);
            default -> null;
        };
        return label == null ? raw : label;
    }

    /** A cloud permission string ({@code rwoa}) as "Read, Write, Order"; Cloud-Admin shows in the type. */
    private static String permissions(String raw, Function<String, String> msg) {
        List<String> names = new ArrayList<>();
        for (char p : raw.toCharArray()) {
            String key = switch (p) {
                case 'r' -> "acc.perm.read";
                case 'w' -> "acc.perm.write";
                case 'o' -> "acc.perm.order";
                default -> null;
            };
            if (key != null) {
                names.add(msg.apply(key));
            }
        }
        return names.isEmpty() ? null : String.join(", ", names);
    }

    /** The message for a key, or null where the bundle has none (the page's lookup answers the key itself). */
    private static String message(Function<String, String> msg, String key) {
        String text = msg.apply(key);
        return text == null || text.equals(key) ? null : text;
    }
}
