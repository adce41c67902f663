package com.terminalacc.contact;

/**
 * The onboarding e-mail of a contact's login (S-LOG-3, issue 12). It is sent after the activating transaction has
 * committed: {@code PENDING} from the commit until the SMTP server answered (it stays so when the server crashed in
 * between), then {@code SENT} or {@code FAILED}.
 */
public enum OnboardingMail {
    PENDING,
    SENT,
    FAILED
}
