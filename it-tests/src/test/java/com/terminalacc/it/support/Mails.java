package com.terminalacc.it.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.keycloak.testframework.mail.MailServer;

/** Reads the e-mails the real SMTP test server received. */
public final class Mails {

    private static final Pattern PASSWORD_LINE = Pattern.compile(
            "(?m)^\\s*((?=\\S*[A-Z])(?=\\S*[a-z])(?=\\S*[0-9])[A-Za-z0-9_.!?#%+=-]{20,})\\s*$");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/login-actions/action-token\\?key=[^\\s\"<>]+");

    private Mails() {
    }

    /** The newest e-mail to the address, waiting up to 20 s for it. */
    public static Received waitFor(MailServer mail, String to) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Received> found = all(mail, to);
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            sleep(200);
        }
        throw new AssertionError("No e-mail to " + to + " arrived");
    }

    public static List<Received> all(MailServer mail, String to) {
        List<Received> result = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            try {
                for (var address : m.getRecipients(Message.RecipientType.TO)) {
                    if (((InternetAddress) address).getAddress().equalsIgnoreCase(to)) {
                        result.add(new Received(m.getSubject(), part(m, "text/plain"), part(m, "text/html")));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return result;
    }

    private static String part(MimeMessage m, String type) throws Exception {
        Object content = m.getContent();
        if (content instanceof String s) {
            return m.isMimeType(type) ? s : null;
        }
        return find((Multipart) content, type);
    }

    private static String find(Multipart multipart, String type) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = find(nested, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public record Received(String subject, String text, String html) {

        /** The initial password: the line of the text part that consists of one password-like token. */
        public String initialPassword() {
            Matcher m = PASSWORD_LINE.matcher(text == null ? "" : text);
            if (!m.find()) {
                throw new AssertionError("No initial password in e-mail:\n" + text);
            }
            return m.group(1);
        }

        public String actionLink() {
            Matcher m = LINK.matcher(text == null ? "" : text);
            if (!m.find()) {
                throw new AssertionError("No action link in e-mail:\n" + text);
            }
            return m.group().replace("&amp;", "&");
        }
    }
}
