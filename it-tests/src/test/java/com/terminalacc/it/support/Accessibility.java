package com.terminalacc.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * axe-core (vendored under {@code src/test/resources/axe-core}, see its README) run in the browser on the current
 * page with the WCAG 2.0/2.1 level A and AA rules. A page passes with no serious and no critical violation.
 */
public final class Accessibility {

    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final String AXE = load("/axe-core/axe.min.js");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Accessibility() {
    }

    /** Violations (of any impact) on the browser's current page, one line each: impact, rule, help, elements. */
    public static List<Violation> check(WebDriver driver) {
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(AXE);
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                   .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                         nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\\s+/g, ' '))})))))
                   .catch(e => done('ERROR ' + e));
                """, TAGS);
        String text = String.valueOf(answer);
        if (text.startsWith("ERROR")) {
            throw new IllegalStateException("axe-core failed on " + driver.getCurrentUrl() + ": " + text);
        }
        try {
            List<Violation> violations = new ArrayList<>();
            for (JsonNode v : JSON.readTree(text)) {
                List<String> nodes = new ArrayList<>();
                v.get("nodes").forEach(n -> nodes.add(n.asText()));
                violations.add(new Violation(v.get("id").asText(), v.path("impact").asText("unknown"), v.get("help").asText(), nodes));
            }
            return violations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with the list of serious and critical violations of the current page, named {@code page} in the message. */
    public static void assertNoSeriousViolations(WebDriver driver, String page) {
        List<Violation> blocking = check(driver).stream().filter(v -> BLOCKING.contains(v.impact())).toList();
        if (!blocking.isEmpty()) {
            StringBuilder message = new StringBuilder("axe-core (WCAG 2.1 A/AA): serious or critical violations on ")
                    .append(page).append(" (").append(driver.getCurrentUrl()).append("):");
            blocking.forEach(v -> message.append("\n  ").append(v));
            throw new AssertionError(message.toString());
        }
    }

    public record Violation(String id, String impact, String help, List<String> nodes) {
        @Override
        public String toString() {
            return impact + " " + id + " (" + help + "): " + String.join(" | ", nodes);
        }
    }

    private static String load(String resource) {
        try (InputStream in = Accessibility.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
