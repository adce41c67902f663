package com.terminalacc.common;

import java.util.Collection;
import java.util.Locale;
import java.util.regex.Pattern;

/** Organisation domains (S-ACC-3): syntax and whether an e-mail address lies inside one of them. */
public final class Domains {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    private Domains() {
    }

    /** A host name of at least two labels; internationalised names are accepted in their punycode (xn--) form. */
    public static boolean isValid(String domain) {
        if (domain == null || domain.length() > 253) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].matches("[0-9]+");
    }

    /** {@code true} if the e-mail's domain equals one of the domains or is a sub-domain of one. */
    public static boolean contains(Collection<String> domains, String email) {
        String emailDomain = domainOf(email);
        for (String domain : domains) {
            String d = domain.toLowerCase(Locale.ROOT);
            if (emailDomain.equals(d) || emailDomain.endsWith("." + d)) {
                return true;
            }
        }
        return false;
    }

    public static String domainOf(String email) {
        return email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
