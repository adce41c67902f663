package com.terminalacc.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudEntity;
import com.terminalacc.cloud.CloudRepresentations;
import com.terminalacc.cloud.CloudRepresentations.AddMember;
import com.terminalacc.cloud.CloudRepresentations.CloudRep;
import com.terminalacc.cloud.CloudRepresentations.CreateCloud;
import com.terminalacc.cloud.CloudRepresentations.ShareRequest;
import com.terminalacc.cloud.CloudRepresentations.UpdateCloud;
import com.terminalacc.cloud.CloudRepresentations.UpdateMember;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.cloud.ProductService;
import com.terminalacc.cloud.ShareService;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.Right;
import com.terminalacc.role.TerminalRole;

/**
 * Cloud pages (S-CLD-1…9): the list of one's clouds, creating one, and the detail with members (type, read/write/
 * order), products (move), shares and the cloud's settings. Everything goes through {@link CloudService},
 * {@link ShareService} and {@link ProductService}.
 */
public class CloudPages {

    private final KeycloakSession session;

    public CloudPages(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response list(@QueryParam("page") String page) {
        PageContext ctx = PageContext.customer(session);
        Actor actor = ctx.actor();
        int p = ContactPages.pageNumber(page);
        Page<CloudRep> clouds = clouds(ctx).list(actor, new Paging(p * ContactPages.PAGE_SIZE, ContactPages.PAGE_SIZE));
        Map<String, Object> m = new HashMap<>();
        m.put("clouds", clouds.items());
        m.put("total", clouds.total());
        m.put("page", p);
        m.put("pages", Math.max(1, (clouds.total() + ContactPages.PAGE_SIZE - 1) / ContactPages.PAGE_SIZE));
        m.put("canCreate", actor.role() == TerminalRole.OWNER || actor.role() == TerminalRole.ADMIN);
        m.put("icons", CloudRepresentations.ICONS);
        m.put("form", Map.of("name", "", "description", "", "icon", "cloud"));
        m.put("errors", Map.of());
        m.put("error", "");
        return ctx.page("acc/clouds.ftl", m);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        try {
            CloudEntity cloud = clouds(ctx).create(ctx.actor(), new CreateCloud(PageContext.first(form, "name"),
                    PageContext.first(form, "description"), PageContext.first(form, "icon")), ctx.audit());
            return ctx.redirect("clouds/" + cloud.getId(), "cloudCreated");
        } catch (TerminalException e) {
            Actor actor = ctx.actor();
            Page<CloudRep> clouds = clouds(ctx).list(actor, new Paging(0, ContactPages.PAGE_SIZE));
            Map<String, Object> m = new HashMap<>();
            m.put("clouds", clouds.items());
            m.put("total", clouds.total());
            m.put("page", 0);
            m.put("pages", 1);
            m.put("canCreate", true);
            m.put("icons", CloudRepresentations.ICONS);
            m.put("form", Map.of("name", ContactPages.nz(PageContext.first(form, "name")),
                    "description", ContactPages.nz(PageContext.first(form, "description")),
                    "icon", ContactPages.nz(PageContext.first(form, "icon"))));
            m.put("errors", ctx.fieldErrors(e));
            m.put("error", ctx.error(e));
            return ctx.page("acc/clouds.ftl", m, e.getResponse().getStatus());
        }
    }

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id) {
        PageContext ctx = PageContext.customer(session);
        return detailPage(ctx, id, null, Map.of(), 200);
    }

    private Response detailPage(PageContext ctx, String id, String error, Map<String, String> errors, int status) {
        Actor actor = ctx.actor();
        CloudService clouds = clouds(ctx);
        CloudService.Access access = clouds.access(actor, id);
        CloudRep cloud = clouds.get(actor, id);
        Map<String, Object> m = new HashMap<>();
        m.put("cloud", cloud);
        m.put("manage", access.manage());
        m.put("partner", access.partnerShare() != null);
        m.put("ceiling", access.partnerShare() == null ? "" : com.terminalacc.cloud.Permissions.of(false,
                access.partnerShare().isMaxWrite(), access.partnerShare().isMaxOrder()));
        m.put("members", clouds.members(actor, id, new Paging(0, 100)).items());
        m.put("products", new ProductService(ctx.session(), ctx.realm()).listForCloud(actor, id, new Paging(0, 100)).items());
        boolean canShare = access.manage() && ctx.policy().has(actor, Right.SHARE_CLOUD);
        m.put("canShare", canShare);
        m.put("shares", access.manage() ? new ShareService(ctx.session(), ctx.realm()).sharesOfCloud(actor, id) : List.of());
        m.put("icons", CloudRepresentations.ICONS);
        m.put("candidates", clouds.candidates(actor, id));
        boolean canMove = access.manage() && ModuleCatalog.of(ctx.realm()).held(actor.user()).contains(ProductService.MOVE_RIGHT);
        m.put("canMove", canMove);
        m.put("moveTargets", canMove ? clouds.list(actor, new Paging(0, 100)).items().stream()
                .filter(c -> !c.id().equals(id) && "rwoa".equals(c.permissions()) && c.accountId().equals(actor.accountId())).toList() : List.of());
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/cloud-detail.ftl", m, status);
    }

    @POST
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> clouds(ctx).update(actor, id, new UpdateCloud(PageContext.first(form, "name"),
                ContactPages.nz(PageContext.first(form, "description")), PageContext.first(form, "icon")), ctx.audit()), "cloudSaved", id);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> clouds(ctx).delete(actor, id, ctx.audit()), "cloudDeleted", null);
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> clouds(ctx).addMember(actor, id, new AddMember(PageContext.first(form, "contactId"),
                PageContext.first(form, "type"), true, on(form, "write"), on(form, "order")), ctx.audit()), "memberAdded", id);
    }

    @POST
    @Path("{id}/members/{contactId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateMember(@PathParam("id") String id, @PathParam("contactId") String contactId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> clouds(ctx).updateMember(actor, id, contactId, new UpdateMember(PageContext.first(form, "type"),
                true, on(form, "write"), on(form, "order")), ctx.audit()), "memberSaved", id);
    }

    @POST
    @Path("{id}/members/{contactId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("id") String id, @PathParam("contactId") String contactId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> clouds(ctx).removeMember(actor, id, contactId, ctx.audit()), "memberRemoved", id);
    }

    @POST
    @Path("{id}/products/{productId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") String id, @PathParam("productId") String productId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> new ProductService(ctx.session(), ctx.realm()).move(actor, productId,
                PageContext.first(form, "cloudId"), ctx.audit()), "productMoved", id);
    }

    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> new ShareService(ctx.session(), ctx.realm()).share(actor, id,
                new ShareRequest(PageContext.first(form, "partnerDomain"), on(form, "write"), on(form, "order")), ctx.audit()), "cloudShared", id);
    }

    @POST
    @Path("{id}/shares/{shareId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endShare(@PathParam("id") String id, @PathParam("shareId") String shareId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, actor) -> new ShareService(ctx.session(), ctx.realm()).end(actor, shareId, ctx.audit()), "shareEnded", id);
    }

    private interface CloudAction {
        void run(PageContext ctx, Actor actor);
    }

    private Response action(String id, MultivaluedMap<String, String> form, CloudAction action, String notice, String backTo) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        try {
            action.run(ctx, ctx.actor());
            return ctx.redirect(backTo == null ? "clouds" : "clouds/" + backTo, notice);
        } catch (TerminalException e) {
            if (e.getCode() == com.terminalacc.common.ErrorCode.CLOUD_NOT_FOUND) {
                throw e;
            }
            return detailPage(ctx, id, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    private static boolean on(MultivaluedMap<String, String> form, String name) {
        return "on".equals(form.getFirst(name));
    }

    private static CloudService clouds(PageContext ctx) {
        return new CloudService(ctx.session(), ctx.realm());
    }
}
