package com.terminalacc.activity;

import java.util.List;

/** A page of an activity log, newest first. Two event stores are merged, so there is {@code hasMore} instead of a total. */
public record ActivityPage(List<ActivityEntry> items, int first, int max, boolean hasMore) {
}
