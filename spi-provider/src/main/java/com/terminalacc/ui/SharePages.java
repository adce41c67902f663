package com.terminalacc.ui;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

import com.terminalacc.cloud.ShareService;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;

/** The partner side of S-CLD-9: clouds other companies share with the account — accept, decline, end. */
public class SharePages {

    private final KeycloakSession session;

    public SharePages(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response incoming() {
        PageContext ctx = PageContext.customer(session);
        return page(ctx, null, 200);
    }

    @POST
    @Path("{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(form, ctx -> new ShareService(ctx.session(), ctx.realm()).accept(ctx.auth(), id, ctx.audit()), "shareAccepted");
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(form, ctx -> new ShareService(ctx.session(), ctx.realm()).decline(ctx.auth(), id, ctx.audit()), "shareDeclined");
    }

    @POST
    @Path("{id}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return act(form, ctx -> new ShareService(ctx.session(), ctx.realm()).endAsPartner(ctx.auth(), id, ctx.audit()), "shareEnded");
    }

    private interface ShareAction {
        void run(PageContext ctx);
    }

    private Response act(MultivaluedMap<String, String> form, ShareAction action, String notice) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        try {
            action.run(ctx);
            return ctx.redirect("shares", notice);
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), e.getResponse().getStatus());
        }
    }

    private Response page(PageContext ctx, String error, int status) {
        if (!ctx.auth().shares().canListIncoming()) {
            return ctx.page("acc/forbidden.ftl", Map.of(), 403);
        }
        Map<String, Object> m = new HashMap<>();
        m.put("shares", new ShareService(ctx.session(), ctx.realm()).incoming(ctx.auth(), new Paging(0, 100)).items());
        m.put("error", error == null ? "" : error);
        return ctx.page("acc/shares.ftl", m, status);
    }
}
