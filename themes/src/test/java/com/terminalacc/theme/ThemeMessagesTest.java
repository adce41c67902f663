package com.terminalacc.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** German and English bundles of the theme have the same keys, and every literal key a template uses exists in both. */
class ThemeMessagesTest {

    private static final Path THEME = Path.of("src/main/resources/theme/terminal");

    @Test
    void loginAndEmailBundlesHaveTheSameKeysInBothLanguages() throws IOException {
        for (String type : new String[] {"login", "email"}) {
            assertEquals(load(type, "en").keySet(), load(type, "de").keySet(), type + " messages differ between de and en");
        }
    }

    /** Our own keys (acc.*, terminal*) only: keys of Keycloak's base bundles are translated by Keycloak. */
    @Test
    void everyLiteralKeyUsedByTheTemplatesExistsInBothLanguages() throws IOException {
        Pattern literal = Pattern.compile("msg\\([\"']((?:acc|terminal)[A-Za-z0-9_.]*[A-Za-z0-9_])[\"']");
        for (String type : new String[] {"login", "email"}) {
            Set<String> used = new TreeSet<>();
            try (Stream<Path> files = Files.walk(THEME.resolve(type))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".ftl")).toList()) {
                    Matcher m = literal.matcher(Files.readString(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
            assertFalse(used.isEmpty(), "no " + type + " template uses a message key?");
            for (String lang : new String[] {"de", "en"}) {
                Set<String> missing = new TreeSet<>(used);
                missing.removeAll(load(type, lang).keySet());
                assertTrue(missing.isEmpty(), type + " message keys without a text in messages_" + lang + ": " + missing);
            }
        }
    }

    private static Properties load(String type, String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(THEME.resolve(type).resolve("messages/messages_" + lang + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
