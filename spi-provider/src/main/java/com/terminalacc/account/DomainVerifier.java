package com.terminalacc.account;

import java.util.Hashtable;

import javax.naming.CommunicationException;
import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.ServiceUnavailableException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;

import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;

import com.terminalacc.common.ErrorCode;
import com.terminalacc.common.TerminalException;

/**
 * S-DOM-1: proves that an account controls a domain by a DNS TXT record {@code _terminal-challenge.<domain>} holding
 * {@code terminal-domain-verification=<the account's token>} — the scheme of the big SaaS consoles. The lookup goes
 * through the JDK's JNDI DNS provider (no extra dependency): to the system resolver, or to the server named in the
 * realm attribute {@value #RESOLVER_ATTRIBUTE} ({@code host:port}), with the timeout of {@value #TIMEOUT_ATTRIBUTE}.
 * It is called outside any database lock: a slow DNS server must not block the account.
 */
public final class DomainVerifier {

    public static final String RESOLVER_ATTRIBUTE = "terminal.dns.resolver";
    public static final String TIMEOUT_ATTRIBUTE = "terminal.dns.timeoutMillis";
    public static final String RECORD_PREFIX = "_terminal-challenge.";
    public static final String VALUE_PREFIX = "terminal-domain-verification=";
    static final int DEFAULT_TIMEOUT_MILLIS = 3000;

    private static final Logger LOG = Logger.getLogger(DomainVerifier.class);

    private final String resolver;
    private final int timeoutMillis;

    public DomainVerifier(RealmModel realm) {
        String configured = realm.getAttribute(RESOLVER_ATTRIBUTE);
        this.resolver = configured == null || configured.isBlank() ? null : configured.strip();
        this.timeoutMillis = timeout(realm.getAttribute(TIMEOUT_ATTRIBUTE));
    }

    public static String recordName(String domain) {
        return RECORD_PREFIX + domain;
    }

    public static String recordValue(String token) {
        return VALUE_PREFIX + token;
    }

    /** Returns when the record proves the domain; otherwise throws the failure's own error code. */
    public void requireProof(String domain, String token) {
        String name = recordName(domain);
        Hashtable<String, String> env = new Hashtable<>();
        env.put(Context.INITIAL_CONTEXT_FACTORY, "com.sun.jndi.dns.DnsContextFactory");
        env.put(Context.PROVIDER_URL, resolver == null ? "dns:" : "dns://" + resolver);
        env.put("com.sun.jndi.dns.timeout.initial", Integer.toString(timeoutMillis));
        env.put("com.sun.jndi.dns.timeout.retries", "1");
        DirContext ctx = null;
        try {
            ctx = new InitialDirContext(env);
            Attributes attributes = ctx.getAttributes(name, new String[] {"TXT"});
            Attribute txt = attributes.get("TXT");
            if (txt == null || txt.size() == 0) {
                throw new TerminalException(ErrorCode.DOMAIN_RECORD_MISSING, name);
            }
            String expected = recordValue(token);
            NamingEnumeration<?> values = txt.getAll();
            while (values.hasMore()) {
                if (expected.equals(unquote(String.valueOf(values.next())))) {
                    return;
                }
            }
            throw new TerminalException(ErrorCode.DOMAIN_RECORD_MISMATCH, name);
        } catch (NameNotFoundException e) {
            throw new TerminalException(ErrorCode.DOMAIN_NXDOMAIN, name);
        } catch (CommunicationException | ServiceUnavailableException e) {
            LOG.debugf("DNS lookup of %s did not answer: %s", name, e.getMessage());
            throw new TerminalException(ErrorCode.DNS_UNAVAILABLE);
        } catch (NamingException e) {
            LOG.infof("DNS lookup of %s failed: %s", name, e.toString());
            throw new TerminalException(ErrorCode.DNS_UNAVAILABLE);
        } finally {
            if (ctx != null) {
                try {
                    ctx.close();
                } catch (NamingException ignored) {
                    // nothing held
                }
            }
        }
    }

    /** A TXT record of several strings arrives as one text; quotes around it are not part of the value. */
    private static String unquote(String value) {
        String v = value.strip();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static int timeout(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_TIMEOUT_MILLIS;
        }
        try {
            int value = Integer.parseInt(configured.strip());
            return Math.max(100, Math.min(value, 30_000));
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_MILLIS;
        }
    }
}
