package com.terminalacc.common;

import jakarta.ws.rs.core.Response;

/**
 * Renders a refusal as an HTML page. The Access Control Center registers one on the Keycloak session for the
 * duration of a page request, so that a {@link TerminalException} thrown by a service answers a browser with a page
 * in its language instead of the API's JSON.
 */
public interface ErrorPage {

    /** Session attribute under which a page request registers its renderer. */
    String SESSION_ATTRIBUTE = "terminal.acc.errorPage";

    Response render(TerminalException e);
}
