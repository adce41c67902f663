package com.terminalacc.common;

/**
 * {@code first}/{@code max} query parameters as Keycloak's admin API uses them; every list endpoint is paged.
 * Taken as strings so that {@code ?max=abc} is our 400, not JAX-RS's 404 for an unconvertible parameter.
 */
public record Paging(int first, int max) {

    public static final int DEFAULT_MAX = 20;
    public static final int MAX_MAX = 100;

    public static Paging of(String first, String max) {
        int f = parse(first, 0);
        int m = parse(max, DEFAULT_MAX);
        if (f < 0 || m < 1 || m > MAX_MAX) {
            throw new TerminalException(ErrorCode.INVALID_PAGING, MAX_MAX);
        }
        return new Paging(f, m);
    }

    private static int parse(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new TerminalException(ErrorCode.INVALID_PAGING, MAX_MAX);
        }
    }
}
