package com.terminalacc.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.keycloak.utils.EmailValidationUtil;

/**
 * Collects field errors of one request so that a client learns every problem at once, then throws one
 * {@link ErrorCode#VALIDATION_FAILED}. Values come back normalised (trimmed, Unicode NFC, e-mail lower case).
 */
public final class Validator {

    public static final int MAX_NAME = 100;
    public static final int MAX_EMAIL = 254;
    public static final int MAX_TEXT = 255;

    private final List<FieldError> errors = new ArrayList<>();

    /** A person's or company's name: any script (Müller, Đorđević, 李), no control characters. */
    public String name(String field, String value, boolean required) {
        return text(field, value, required, MAX_NAME);
    }

    public String text(String field, String value, boolean required, int maxLength) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.FIELD_REQUIRED));
            }
            return null;
        }
        String normalized = strip(Normalizer.normalize(value, Normalizer.Form.NFC));
        if (normalized.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.FIELD_BLANK));
                return null;
            }
            return "";
        }
        if (normalized.codePointCount(0, normalized.length()) > maxLength) {
            errors.add(new FieldError(field, ErrorCode.FIELD_TOO_LONG, maxLength));
            return null;
        }
        if (!printable(normalized)) {
            errors.add(new FieldError(field, ErrorCode.FIELD_INVALID_CHARACTERS));
            return null;
        }
        return normalized;
    }

    public String email(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.FIELD_REQUIRED));
            }
            return null;
        }
        String email = strip(value).toLowerCase(Locale.ROOT);
        if (email.isEmpty()) {
            errors.add(new FieldError(field, required ? ErrorCode.FIELD_BLANK : ErrorCode.EMAIL_INVALID));
            return null;
        }
        if (email.length() > MAX_EMAIL) {
            errors.add(new FieldError(field, ErrorCode.FIELD_TOO_LONG, MAX_EMAIL));
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0 || !email.substring(at + 1).contains(".") || !EmailValidationUtil.isValidEmail(email, EmailValidationUtil.MAX_LOCAL_PART_LENGTH)) {
            errors.add(new FieldError(field, ErrorCode.EMAIL_INVALID));
            return null;
        }
        return email;
    }

    /** An organisation domain such as {@code example.com}; lower case, no scheme, no wildcard. */
    public String domain(String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, ErrorCode.FIELD_REQUIRED));
            return null;
        }
        String domain = strip(value).toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (!Domains.isValid(domain)) {
            errors.add(new FieldError(field, ErrorCode.DOMAIN_INVALID, strip(value)));
            return null;
        }
        return domain;
    }

    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, ErrorCode.FIELD_REQUIRED));
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(strip(value))) {
                return constant;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            allowed.add(constant.name());
        }
        errors.add(new FieldError(field, ErrorCode.VALUE_NOT_ALLOWED, String.join(", ", allowed)));
        return null;
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw TerminalException.validation(errors);
        }
    }

    /** Trims every kind of Unicode space, including no-break spaces that {@link String#strip()} keeps. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean printable(String s) {
        return s.codePoints().allMatch(cp -> {
            int type = Character.getType(cp);
            return type != Character.CONTROL && type != Character.UNASSIGNED && type != Character.PRIVATE_USE
                    && type != Character.SURROGATE && type != Character.LINE_SEPARATOR && type != Character.PARAGRAPH_SEPARATOR
                    && (type != Character.FORMAT || cp == 0x200D || cp == 0x200C);
        });
    }
}
