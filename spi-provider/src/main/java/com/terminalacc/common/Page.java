package com.terminalacc.common;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a list: the items, where it starts, its size limit and how many there are in all. */
@Schema(requiredProperties = {"items", "first", "max", "total"})
public record Page<T>(List<T> items, int first, int max, long total) {
}
