package com.terminalacc.common;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error code has a human message in English and German, and the bundles follow MessageFormat's quoting. */
class MessagesTest {

    @Test
    void everyErrorCodeHasAMessageInBothLanguages() throws Exception {
        Properties en = load("messages.properties");
        Properties de = load("messages_de.properties");
        for (ErrorCode code : ErrorCode.values()) {
            assertTrue(en.containsKey(code.messageKey()), "English message for " + code);
            assertTrue(de.containsKey(code.messageKey()), "German message for " + code);
        }
        assertEquals(en.keySet(), de.keySet(), "both bundles have the same keys");
    }

    @Test
    void apostrophesAreDoubledForMessageFormat() throws Exception {
        for (String bundle : new String[] {"messages.properties", "messages_de.properties"}) {
            Properties p = load(bundle);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertFalse(value.replace("''", "").contains("'"), bundle + " " + key + ": write an apostrophe as ''");
            }
        }
    }

    @Test
    void messagesAreFormattedInTheRequestedLanguage() {
        String en = ApiMessages.get(Locale.ENGLISH, ErrorCode.EMAIL_OUTSIDE_DOMAIN.messageKey(), "example.com");
        String de = ApiMessages.get(Locale.GERMAN, ErrorCode.EMAIL_OUTSIDE_DOMAIN.messageKey(), "example.com");
        assertEquals("The e-mail address must belong to one of the account's domains (example.com).", en);
        assertTrue(de.startsWith("Die E-Mail-Adresse muss") && de.contains("example.com"), de);
        assertNotEquals(en, de);
        assertEquals("error.no_such_key", ApiMessages.get(Locale.ENGLISH, "error.no_such_key"));
    }

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/com/terminalacc/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
