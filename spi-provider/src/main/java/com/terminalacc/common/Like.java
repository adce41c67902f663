package com.terminalacc.common;

/** Search terms in JPQL {@code like} patterns with {@code escape '\'}. */
public final class Like {

    private Like() {
    }

    /** The term with {@code \ % _} escaped, to be put between {@code %…%}. */
    public static String escape(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
