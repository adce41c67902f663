package com.terminalacc.theme;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

import freemarker.cache.FileTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders the e-mail templates the way Keycloak's FreeMarker provider does (HTML output format for every .ftl, the
 * text templates switch to plain text themselves, msg(...) = MessageFormat over the theme's bundle), without a server.
 */
class EmailTemplatesTest {

    private static final Path EMAIL = Path.of("src/main/resources/theme/terminal/email");
    private static final String PASSWORD = "Xy7-kP2q_Rt9!mZ4#nW8";
    private static final String LOGIN_URL = "https://terminal.example.com/realms/terminal/acc/";

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void htmlMailShowsPasswordUserNameLoginButtonAndExpiry(String lang) throws Exception {
        String html = render("html/terminal-initial-password.ftl", lang, attributes("Erika"));

        assertTrue(html.contains(">" + PASSWORD + "</td>"), "password in its own box:\n" + html);
        assertTrue(html.contains("href=\"" + LOGIN_URL + "\""), "login link");
        assertTrue(html.contains(text(lang, "terminalInitialPasswordButton")), "login button");
        assertTrue(html.contains(format(lang, "terminalInitialPasswordGreeting", "Erika")), "greeting with the first name");
        assertTrue(html.contains(format(lang, "terminalInitialPasswordIntro", "Max Admin", "Beispiel GmbH")), "who activated it, for which account");
        assertTrue(html.contains(format(lang, "terminalInitialPasswordUsername", "erika@example.com")), "user name");
        assertTrue(html.contains(format(lang, "terminalInitialPasswordChange", 72L)), "expiry hint");
        assertTrue(html.contains(" 72 "), "the hours themselves");
        assertTrue(html.contains("<html lang=\"" + lang + "\" dir=\"ltr\">"), "language of the mail");
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void textMailHasThePasswordAloneOnALineAndTheSameContent(String lang) throws Exception {
        String text = render("text/terminal-initial-password.ftl", lang, attributes("Erika"));

        assertTrue(Pattern.compile("(?m)^" + Pattern.quote(PASSWORD) + "$").matcher(text).find(), "password on its own line:\n" + text);
        assertTrue(text.contains(text(lang, "terminalInitialPasswordLogin") + " " + LOGIN_URL), "login address");
        assertTrue(text.contains(format(lang, "terminalInitialPasswordGreeting", "Erika")));
        assertTrue(text.contains(format(lang, "terminalInitialPasswordIntro", "Max Admin", "Beispiel GmbH")));
        assertTrue(text.contains(format(lang, "terminalInitialPasswordUsername", "erika@example.com")));
        assertTrue(text.contains(format(lang, "terminalInitialPasswordChange", 72L)));
        assertTrue(text.contains(format(lang, "terminalEmailFooter", "Hosting AG")), "footer");
        assertFalse(text.contains("<"), "no markup in the text part:\n" + text);
    }

    @Test
    void htmlMailEscapesMarkupInNamesWhileTheTextMailKeepsThemLiteral() throws Exception {
        Map<String, Object> attributes = attributes("<script>alert(1)</script>");
        attributes.put("activatedBy", "<b>Max</b> & Co");

        String html = render("html/terminal-initial-password.ftl", "en", attributes);
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>Max"), html);
        assertTrue(html.contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;,"), html);
        assertTrue(html.contains("&lt;b&gt;Max&lt;/b&gt; &amp; Co has activated"), html);

        String text = render("text/terminal-initial-password.ftl", "en", attributes);
        assertTrue(text.contains("Hello <script>alert(1)</script>,"), "plain text is not HTML-escaped:\n" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void aUserWithoutFirstNameIsGreetedWithoutName(String lang) throws Exception {
        String greeting = text(lang, "terminalInitialPasswordGreetingNoName");

        assertTrue(render("html/terminal-initial-password.ftl", lang, attributes(null)).contains(">" + greeting + "</p>"));
        assertTrue(render("text/terminal-initial-password.ftl", lang, attributes(null)).startsWith(greeting + "\n"));
    }

    /** Keycloak's own mails (password reset, verify e-mail, required actions) call emailLayout with their body. */
    @ParameterizedTest
    @ValueSource(strings = {"de", "en"})
    void keycloaksOwnMailsGetTheTerminalLayout(String lang) throws Exception {
        String html = renderInline("<#import \"template.ftl\" as layout><@layout.emailLayout><p>Keycloak body</p></@layout.emailLayout>",
                lang, Map.of("realmName", "Hosting AG"));

        int header = html.indexOf(">" + text(lang, "terminalEmailBrand") + "</span>");
        int body = html.indexOf("<p>Keycloak body</p>");
        int footer = html.indexOf(format(lang, "terminalEmailFooter", "Hosting AG"));
        assertTrue(header > 0 && header < body && body < footer, "header, body, footer in this order:\n" + html);
        assertTrue(html.contains("background-color:#1b5e20"), "green header");
        assertFalse(html.contains("<img"), "no external images");
    }

    @Test
    void subjectNamesTheAccount() throws IOException {
        assertEquals("Ihr Login für das Terminal von Beispiel GmbH", format("de", "terminalInitialPasswordSubject", "Beispiel GmbH"));
        assertEquals("Your login to the Terminal of Beispiel GmbH", format("en", "terminalInitialPasswordSubject", "Beispiel GmbH"));
    }

    // ---- rendering like Keycloak's DefaultFreeMarkerProvider / FreeMarkerEmailTemplateProvider

    private static Map<String, Object> attributes(String firstName) {
        Map<String, Object> user = new HashMap<>();
        user.put("firstName", firstName);
        user.put("lastName", "Mustermann");
        user.put("email", "erika@example.com");
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("user", user);
        attributes.put("initialPassword", PASSWORD);
        attributes.put("activatedBy", "Max Admin");
        attributes.put("accountName", "Beispiel GmbH");
        attributes.put("loginUrl", LOGIN_URL);
        attributes.put("expiresInHours", 72L);
        attributes.put("realmName", "Hosting AG");
        return attributes;
    }

    private static String render(String name, String lang, Map<String, Object> attributes) throws Exception {
        return process(configuration().getTemplate(name, "UTF-8"), lang, attributes);
    }

    private static String renderInline(String source, String lang, Map<String, Object> attributes) throws Exception {
        return process(new Template("html/inline.ftl", source, configuration()), lang, attributes);
    }

    private static Configuration configuration() throws IOException {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_0); // what Keycloak's new Configuration() means
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateLoader(new FileTemplateLoader(EMAIL.toFile()));
        return cfg;
    }

    private static String process(Template template, String lang, Map<String, Object> attributes) throws Exception {
        Locale locale = Locale.forLanguageTag(lang);
        Properties messages = bundle(lang);
        Map<String, Object> model = new HashMap<>(attributes);
        model.put("locale", locale);
        model.put("msg", (TemplateMethodModelEx) args -> {
            String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) args.get(0)));
            if (!messages.containsKey(key)) {
                throw new TemplateModelException("no text for " + key + " in messages_" + lang);
            }
            Object[] params = ((List<?>) args).subList(1, args.size()).stream().map(EmailTemplatesTest::unwrap).toArray();
            return new MessageFormat(messages.getProperty(key), locale).format(params);
        });
        StringWriter out = new StringWriter();
        template.process(model, out);
        return out.toString();
    }

    private static Object unwrap(Object model) {
        try {
            return DeepUnwrap.unwrap((TemplateModel) model);
        } catch (TemplateModelException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String lang, String key) throws IOException {
        return format(lang, key);
    }

    private static String format(String lang, String key, Object... params) throws IOException {
        String pattern = bundle(lang).getProperty(key);
        assertTrue(pattern != null, key + " missing in messages_" + lang);
        return new MessageFormat(pattern, Locale.forLanguageTag(lang)).format(params);
    }

    private static Properties bundle(String lang) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(EMAIL.resolve("messages/messages_" + lang + ".properties"))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
