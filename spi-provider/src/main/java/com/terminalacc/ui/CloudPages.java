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

import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.auth.CloudTarget;
import com.terminalacc.auth.Permissions;
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
        int p = ContactPages.pageNumber(page);
        Page<CloudRep> clouds = clouds(ctx).list(ctx.auth(), new Paging(p * ContactPages.PAGE_SIZE, ContactPages.PAGE_SIZE));
        Map<String, Object> m = new HashMap<>();
        m.put("clouds", clouds.items());
        m.put("total", clouds.total());
        m.put("page", p);
        m.put("pages", Math.max(1, (clouds.total() + ContactPages.PAGE_SIZE - 1) / ContactPages.PAGE_SIZE));
        m.put("canCreate", ctx.auth().clouds().canCreate());
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
            CloudEntity cloud = clouds(ctx).create(ctx.auth(), new CreateCloud(PageContext.first(form, "name"),
                    PageContext.first(form, "description"), PageContext.first(form, "icon")), ctx.audit());
            return ctx.redirect("clouds/" + cloud.getId(), "cloudCreated");
        } catch (TerminalException e) {
            Page<CloudRep> clouds = clouds(ctx).list(ctx.auth(), new Paging(0, ContactPages.PAGE_SIZE));
            Map<String, Object> m = new HashMap<>();
            m.put("clouds", clouds.items());
            m.put("total", clouds.total());
            m.put("page", 0);
            m.put("pages", 1);
            m.put("canCreate", ctx.auth().clouds().canCreate());
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
    public Response detail(@PathParam("id") String id, @QueryParam("person") String person) {
        PageContext ctx = PageContext.customer(session);
        return detailPage(ctx, id, person, null, Map.of(), 200);
    }

    private Response detailPage(PageContext ctx, String id, String error, Map<String, String> errors, int status) {
        return detailPage(ctx, id, null, error, errors, status);
    }

    /** How many people the "add member" choice offers at once; more are found by the search next to it. */
    static final int CANDIDATES = 50;

    private Response detailPage(PageContext ctx, String id, String person, String error, Map<String, String> errors, int status) {
        AccessEvaluator auth = ctx.auth();
        CloudService clouds = clouds(ctx);
        CloudTarget target = clouds.target(auth, id);
        CloudRep cloud = clouds.get(auth, id);
        boolean manage = auth.clouds().canManage(target);
        Map<String, Object> m = new HashMap<>();
        m.put("cloud", cloud);
        m.put("manage", manage);
        m.put("partner", auth.clouds().partnerManages(target));
        m.put("ceiling", target.partnerShare() == null ? "" : Permissions.ceiling(target.partnerShare().maxWrite(), target.partnerShare().maxOrder()));
        m.put("members", clouds.members(auth, id, new Paging(0, 100)).items());
        m.put("products", new ProductService(ctx.session(), ctx.realm()).listForCloud(auth, id, new Paging(0, 100)).items());
        m.put("canShare", auth.shares().canShare(target));
        m.put("canAdd", auth.members().addsFrom(target) != null);
        m.put("canAddAdmins", manage);
        m.put("shares", auth.shares().canListOfCloud(target)
                ? new ShareService(ctx.session(), ctx.realm()).sharesOfCloud(auth, id, new Paging(0, 100)).items() : List.of());
        m.put("icons", CloudRepresentations.ICONS);
        String term = person == null ? "" : person.strip();
        List<Map<String, Object>> candidates = clouds.candidates(auth, id, term, CANDIDATES + 1);
        m.put("candidates", candidates.size() > CANDIDATES ? candidates.subList(0, CANDIDATES) : candidates);
        m.put("candidatesMore", candidates.size() > CANDIDATES);
        m.put("person", term);
        boolean canMove = auth.products().canMoveFrom(target);
        m.put("canMove", canMove);
        // the other clouds of the same account the viewer manages
        m.put("moveTargets", canMove ? clouds.list(auth, new Paging(0, 100)).items().stream()
                .filter(c -> !c.id().equals(id) && c.cloudAdmin() && !c.sharedWithUs()).toList() : List.of());
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/cloud-detail.ftl", m, status);
    }

    @POST
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response settings(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> clouds(ctx).update(auth, id, new UpdateCloud(PageContext.first(form, "name"),
                ContactPages.nz(PageContext.first(form, "description")), PageContext.first(form, "icon")), ctx.audit()), "cloudSaved", id);
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> clouds(ctx).delete(auth, id, ctx.audit()), "cloudDeleted", null);
    }

    @POST
    @Path("{id}/members")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addMember(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> clouds(ctx).addMember(auth, id, new AddMember(PageContext.first(form, "contactId"),
                PageContext.first(form, "type"), true, on(form, "write"), on(form, "order")), ctx.audit()), "memberAdded", id);
    }

    @POST
    @Path("{id}/members/{contactId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateMember(@PathParam("id") String id, @PathParam("contactId") String contactId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> clouds(ctx).updateMember(auth, id, contactId, new UpdateMember(PageContext.first(form, "type"),
                true, on(form, "write"), on(form, "order")), ctx.audit()), "memberSaved", id);
    }

    @POST
    @Path("{id}/members/{contactId}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeMember(@PathParam("id") String id, @PathParam("contactId") String contactId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> clouds(ctx).removeMember(auth, id, contactId, ctx.audit()), "memberRemoved", id);
    }

    @POST
    @Path("{id}/products/{productId}/move")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response move(@PathParam("id") String id, @PathParam("productId") String productId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> new ProductService(ctx.session(), ctx.realm()).move(auth, productId,
                PageContext.first(form, "cloudId"), ctx.audit()), "productMoved", id);
    }

    @POST
    @Path("{id}/shares")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response share(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> new ShareService(ctx.session(), ctx.realm()).share(auth, id,
                new ShareRequest(PageContext.first(form, "partnerDomain"), on(form, "write"), on(form, "order")), ctx.audit()), "cloudShared", id);
    }

    @POST
    @Path("{id}/shares/{shareId}/end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response endShare(@PathParam("id") String id, @PathParam("shareId") String shareId, MultivaluedMap<String, String> form) {
        return action(id, form, (ctx, auth) -> new ShareService(ctx.session(), ctx.realm()).endFromCloud(auth, id, shareId, ctx.audit()), "shareEnded", id);
    }

    private interface CloudAction {
        void run(PageContext ctx, AccessEvaluator auth);
    }

    private Response action(String id, MultivaluedMap<String, String> form, CloudAction action, String notice, String backTo) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        try {
            action.run(ctx, ctx.auth());
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
