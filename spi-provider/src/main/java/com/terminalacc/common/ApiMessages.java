package com.terminalacc.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Human messages of the API (German and English), from {@code com/terminalacc/messages*.properties}.
 * The JDK caches the bundles; nothing here is mutable.
 */
public final class ApiMessages {

    private static final String BUNDLE = "com.terminalacc.messages";

    private ApiMessages() {
    }

    public static String get(Locale locale, String key, Object... args) {
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.GERMAN : locale,
                ApiMessages.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        // Always through MessageFormat, so the bundles use one quoting rule: an apostrophe is written ''.
        return new MessageFormat(pattern, bundle.getLocale()).format(args == null ? new Object[0] : args);
    }
}
