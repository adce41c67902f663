package com.terminalacc.activity;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of an activity log, newest first. Two event stores are merged, so there is {@code hasMore} instead of a total. */
@Schema(requiredProperties = {"items", "first", "max", "hasMore"})
public record ActivityPage(List<ActivityEntry> items, int first, int max, boolean hasMore) {
}
