package com.terminalacc.it.docs;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.testframework.annotations.KeycloakIntegrationTest;

import com.terminalacc.it.support.AbstractTerminalIT;
import com.terminalacc.it.support.Api;
import com.terminalacc.it.support.TerminalServerConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every {@code bash} example of the README's section "For application developers" with curl against the test
 * server and compares its output with the {@code # →} line under it (S-APP-1, S-APP-2, S-APP-3, S-TOK-2): the
 * documentation cannot promise what the server does not do.
 */
@KeycloakIntegrationTest(config = TerminalServerConfig.class)
class ReadmeExamplesIT extends AbstractTerminalIT {

    private static final Pattern BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    record Example(String script, String expected) {
    }

    static List<Example> examples() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("## For application developers");
        int end = readme.indexOf("\n## ", start + 1);
        assertTrue(start >= 0, "the README has the section For application developers");
        Matcher m = BLOCK.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<Example> examples = new ArrayList<>();
        while (m.find()) {
            String block = m.group(1);
            String expected = null;
            StringBuilder script = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("# → ")) {
                    expected = line.substring("# → ".length());
                } else {
                    script.append(line).append('\n');
                }
            }
            examples.add(new Example(script.toString(), expected));
        }
        return examples;
    }

    @Test
    void everyExampleForApplicationDevelopersAnswersAsDocumented() throws Exception {
        TestAccount acc = newBusinessAccount();
        TestUser user = newUser(acc, "user");
        String cloud = newCloud(as(acc.ownerEmail()), "README");
        assertEquals(201, as(acc.ownerEmail()).post("clouds/" + cloud + "/members", Map.of("contactId", user.contactId(), "write", true)).status());
        String product = "vm-" + uid();
        assertEquals(201, app().put("products/" + product, Map.of("name", "vm", "type", "server", "cloudId", cloud)).status());
        String clientId = realm.admin().clients().findByClientId("terminal-backend").get(0).getId();
        String secret = realm.admin().clients().get(clientId).getSecret().getValue();
        Map<String, String> env = Map.of(
                "SECRET", secret,
                "APP", Api.clientToken(REALM, "terminal-backend", secret),
                "TOKEN", Api.passwordToken(REALM, user.email(), PASSWORD),
                "USER_ID", user.userId(),
                "CLOUD", cloud,
                "PRODUCT", product);

        List<Example> examples = examples();
        assertTrue(examples.size() >= 10, "examples found: " + examples.size());
        int checked = 0;
        for (Example example : examples) {
            ProcessBuilder bash = new ProcessBuilder("bash", "-c", "set -o pipefail\n" + example.script()).redirectErrorStream(false);
            bash.environment().putAll(env);
            Process process = bash.start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, process.exitValue(), example.script() + "\n" + err);
            if (example.expected() != null) {
                String expected = example.expected();
                for (Map.Entry<String, String> e : env.entrySet()) {
                    expected = expected.replace("$" + e.getKey(), e.getValue());
                }
                assertEquals(expected, out, example.script());
                checked++;
            } else if (out.startsWith("{")) {
                Api.JSON.readTree(out); // a JSON answer, not an error page
                assertTrue(!out.contains("\"code\""), "no refusal: " + out);
            }
        }
        assertTrue(checked >= 9, "answers compared: " + checked);
    }
}
