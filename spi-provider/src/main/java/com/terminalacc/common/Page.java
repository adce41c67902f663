package com.terminalacc.common;

import java.util.List;

/** One page of a list: the items, where it starts, its size limit and how many there are in all. */
public record Page<T>(List<T> items, int first, int max, long total) {
}
