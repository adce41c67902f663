package com.terminalacc.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import com.terminalacc.auth.Actor;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactRepresentation;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactRequests.ContactUpdate;
import com.terminalacc.contact.ContactService;
import com.terminalacc.contact.LoginStatus;
import com.terminalacc.role.ModuleCatalog;
import com.terminalacc.role.TerminalRole;
import com.terminalacc.user.LoginRequests.ActivateLogin;
import com.terminalacc.user.LoginRequests.SetPassword;
import com.terminalacc.user.LoginRequests.Step;
import com.terminalacc.user.LoginService;

/**
 * The contact and user pages of the ACC (seed steps 3–10): overview, add contact, edit, the login activation wizard
 * and the user detail. Every action goes through {@link ContactService} and {@link LoginService} — the same rules
 * as the API; what the viewer may not do is not offered, and refused by the services anyway.
 */
public class ContactPages {

    static final int PAGE_SIZE = 20;

    private final KeycloakSession session;

    public ContactPages(KeycloakSession session) {
        this.session = session;
    }

    // ---- overview (seed step 3)

    @GET
    public Response list(@QueryParam("search") String search, @QueryParam("page") String page) {
        PageContext ctx = PageContext.customer(session);
        Actor actor = ctx.actor();
        int p = pageNumber(page);
        Page<ContactRepresentation> contacts = contacts(ctx).list(ctx.auth(), actor.accountId(), search, new Paging(p * PAGE_SIZE, PAGE_SIZE));
        Map<String, Object> m = new HashMap<>();
        m.put("contacts", contacts.items().stream().map(c -> row(ctx, c)).toList());
        m.put("total", contacts.total());
        m.put("page", p);
        m.put("pages", Math.max(1, (contacts.total() + PAGE_SIZE - 1) / PAGE_SIZE));
        m.put("search", search == null ? "" : search);
        m.put("canCreate", ctx.auth().contacts().canCreate(actor.accountId()));
        return ctx.page("acc/contacts.ftl", m);
    }

    /** A row of the overview with the actions the viewer may take on it. */
    private Map<String, Object> row(PageContext ctx, ContactRepresentation c) {
        AccessEvaluator auth = ctx.auth();
        boolean active = c.loginStatus() == LoginStatus.ACTIVE;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("c", c);
        r.put("self", c.id().equals(ctx.actor().contactId()));
        r.put("canEdit", auth.contacts().canEditDetails(c.target()));
        r.put("canDelete", auth.contacts().canDelete(c.target()));
        r.put("canActivate", !active && auth.logins().canActivate(c.target()));
        r.put("canDeactivate", active && auth.logins().canEdit(c.target()));
        return r;
    }

    // ---- add contact (seed step 4)

    @GET
    @Path("new")
    public Response newForm() {
        PageContext ctx = PageContext.customer(session);
        ctx.auth().contacts().requireCreate(ctx.actor().accountId());
        Map<String, Object> form = new HashMap<>();
        form.put("supportPermission", true); // S-CON-2: preset
        return ctx.page("acc/contact-form.ftl", Map.of("form", form, "errors", Map.of(), "mode", "new"));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        Actor actor = ctx.actor();
        ContactInput input = new ContactInput(PageContext.first(form, "firstName"), PageContext.first(form, "lastName"),
                PageContext.first(form, "email"), PageContext.first(form, "phone"), PageContext.first(form, "jobTitle"),
                blankToNull(PageContext.first(form, "locale")), "on".equals(PageContext.first(form, "supportPermission")));
        try {
            contacts(ctx).create(ctx.auth(), actor.accountId(), input, ctx.audit());
            return ctx.redirect("contacts", "contactCreated");
        } catch (TerminalException e) {
            return formError(ctx, "acc/contact-form.ftl", "new", formMap(form), e);
        }
    }

    // ---- detail (seed step 10, S-LOG-2)

    @GET
    @Path("{id}")
    public Response detail(@PathParam("id") String id, @QueryParam("page") String page) {
        PageContext ctx = PageContext.customer(session);
        return detailPage(ctx, id, pageNumber(page), null, Map.of(), 200);
    }

    private Response detailPage(PageContext ctx, String id, int activityPage, String error, Map<String, String> errors, int status) {
        Actor actor = ctx.actor();
        AccessEvaluator auth = ctx.auth();
        ContactRepresentation c = contacts(ctx).get(auth, actor.accountId(), id);
        boolean active = c.loginStatus() == LoginStatus.ACTIVE;
        boolean canEdit = auth.contacts().canEdit(c.target());
        Map<String, Object> m = new HashMap<>();
        m.put("c", c);
        m.put("self", c.id().equals(actor.contactId()));
        m.put("canEdit", auth.contacts().canEditDetails(c.target()));
        m.put("canManageLogin", canEdit && active);
        m.put("canActivate", !active && auth.logins().canActivate(c.target()));
        m.put("canDelete", auth.contacts().canDelete(c.target()));
        m.put("grantableRoles", active && canEdit ? grantableRoles(ctx) : List.of());
        m.put("modules", moduleChoices(ctx, c.modules()));
        ActivityView.putLog(ctx, m, auth, actor.accountId(), id, activityPage);
        m.put("clouds", active ? new CloudService(ctx.session(), ctx.realm()).cloudsOfContact(auth, actor.accountId(), id) : List.of());
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/contact-detail.ftl", m, status);
    }

    // ---- edit / delete

    @GET
    @Path("{id}/edit")
    public Response editForm(@PathParam("id") String id) {
        PageContext ctx = PageContext.customer(session);
        Actor actor = ctx.actor();
        ContactRepresentation c = contacts(ctx).get(ctx.auth(), actor.accountId(), id);
        Map<String, Object> form = new HashMap<>();
        form.put("id", c.id());
        form.put("firstName", c.firstName());
        form.put("lastName", c.lastName());
        form.put("email", c.email());
        form.put("phone", nz(c.phone()));
        form.put("jobTitle", nz(c.jobTitle()));
        form.put("locale", nz(c.locale()));
        form.put("supportPermission", c.supportPermission());
        form.put("emailLocked", c.userId() != null);
        form.put("self", c.id().equals(actor.contactId()));
        form.put("canSetSupport", ctx.auth().contacts().canEdit(c.target()));
        return ctx.page("acc/contact-form.ftl", Map.of("form", form, "errors", Map.of(), "mode", "edit"));
    }

    @POST
    @Path("{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response edit(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        Actor actor = ctx.actor();
        ContactRepresentation current = contacts(ctx).get(ctx.auth(), actor.accountId(), id);
        boolean self = current.id().equals(actor.contactId());
        boolean canSetSupport = ctx.auth().contacts().canEdit(current.target());
        ContactUpdate update = new ContactUpdate(PageContext.first(form, "firstName"), PageContext.first(form, "lastName"),
                current.userId() == null ? PageContext.first(form, "email") : null, nz(PageContext.first(form, "phone")),
                nz(PageContext.first(form, "jobTitle")), nz(PageContext.first(form, "locale")),
                canSetSupport ? "on".equals(PageContext.first(form, "supportPermission")) : null);
        try {
            contacts(ctx).update(ctx.auth(), actor.accountId(), id, update, ctx.audit());
            return ctx.redirect("contacts/" + id, "contactSaved");
        } catch (TerminalException e) {
            Map<String, Object> f = formMap(form);
            f.put("id", id);
            f.put("emailLocked", current.userId() != null);
            f.put("self", self);
            f.put("canSetSupport", canSetSupport);
            if (current.userId() != null) {
                f.put("email", current.email());
            }
            return formError(ctx, "acc/contact-form.ftl", "edit", f, e);
        }
    }

    @POST
    @Path("{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        Actor actor = ctx.actor();
        try {
            contacts(ctx).delete(ctx.auth(), actor.accountId(), id, ctx.audit());
            return ctx.redirect("contacts", "contactDeleted");
        } catch (TerminalException e) {
            return detailPage(ctx, id, 0, ctx.error(e), Map.of(), e.getResponse().getStatus());
        }
    }

    // ---- the login activation wizard (seed steps 5–10, S-LOG-1)

    @GET
    @Path("{id}/activate")
    public Response wizardStart(@PathParam("id") String id) {
        PageContext ctx = PageContext.customer(session);
        Actor actor = ctx.actor();
        ContactRepresentation c = contacts(ctx).get(ctx.auth(), actor.accountId(), id);
        Map<String, Object> data = new HashMap<>();
        data.put("phone", nz(c.phone()));
        data.put("jobTitle", nz(c.jobTitle()));
        data.put("locale", nz(c.locale()));
        data.put("role", "user");
        data.put("modules", List.of());
        return wizard(ctx, c, "details", data, null, Map.of(), 200);
    }

    /**
     * One wizard step: {@code action=next|back|confirm}. The data of every step travels in the form, so back and next
     * keep it; "next" validates the step with the service (nothing is saved), "confirm" activates.
     */
    @POST
    @Path("{id}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response wizardStep(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        Actor actor = ctx.actor();
        ContactRepresentation c = contacts(ctx).get(ctx.auth(), actor.accountId(), id);
        String step = nz(PageContext.first(form, "step"));
        String action = nz(PageContext.first(form, "action"));
        Map<String, Object> data = new HashMap<>();
        data.put("phone", nz(PageContext.first(form, "phone")));
        data.put("jobTitle", nz(PageContext.first(form, "jobTitle")));
        data.put("locale", nz(PageContext.first(form, "locale")));
        data.put("role", nz(PageContext.first(form, "role")));
        data.put("modules", new ArrayList<>(PageContext.all(form, "modules")));
        ActivateLogin request = new ActivateLogin(new ContactUpdate(null, null, null, (String) data.get("phone"),
                (String) data.get("jobTitle"), (String) data.get("locale"), null), (String) data.get("role"),
                PageContext.all(form, "modules"));
        List<String> steps = List.of("details", "role", "modules", "summary");
        int index = Math.max(0, steps.indexOf(step));
        LoginService logins = new LoginService(ctx.session(), ctx.realm());
        if ("back".equals(action)) {
            return wizard(ctx, c, steps.get(Math.max(0, index - 1)), data, null, Map.of(), 200);
        }
        try {
            if ("confirm".equals(action)) {
                logins.activate(ctx.auth(), actor.accountId(), id, request, Step.ALL, false, ctx.audit());
                return ctx.redirect("contacts/" + id, "loginActivated");
            }
            Step check = switch (step) {
                case "details" -> Step.DETAILS;
                case "role" -> Step.ROLE;
                case "modules" -> Step.MODULES;
                default -> Step.ALL;
            };
            logins.activate(ctx.auth(), actor.accountId(), id, request, check, true, ctx.audit());
            return wizard(ctx, c, steps.get(Math.min(steps.size() - 1, index + 1)), data, null, Map.of(), 200);
        } catch (TerminalException e) {
            return wizard(ctx, c, step.isEmpty() ? "details" : step, data, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    private Response wizard(PageContext ctx, ContactRepresentation c, String step, Map<String, Object> data, String error,
                            Map<String, String> errors, int status) {
        Map<String, Object> m = new HashMap<>();
        m.put("c", c);
        m.put("step", step);
        m.put("data", data);
        m.put("grantableRoles", grantableRoles(ctx));
        @SuppressWarnings("unchecked")
        List<String> chosen = (List<String>) data.get("modules");
        m.put("modules", moduleChoices(ctx, chosen));
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        m.put("languages", ctx.realm().getSupportedLocalesStream().sorted().toList());
        return ctx.page("acc/activate.ftl", m, status);
    }

    // ---- changes to a user

    @POST
    @Path("{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeRole(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return loginAction(id, form, (ctx, logins, actor) ->
                logins.changeRole(ctx.auth(), actor.accountId(), id, PageContext.first(form, "role"), ctx.audit()), "roleChanged");
    }

    @POST
    @Path("{id}/modules")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeModules(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return loginAction(id, form, (ctx, logins, actor) ->
                logins.setModules(ctx.auth(), actor.accountId(), id, PageContext.all(form, "modules"), ctx.audit()), "modulesChanged");
    }

    /** S-LOG-4: a temporary password unless "permanent" is ticked. */
    @POST
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setPassword(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        String password = PageContext.first(form, "password");
        String confirm = PageContext.first(form, "passwordConfirm");
        return loginAction(id, form, (ctx, logins, actor) -> {
            if (password != null && !password.equals(confirm)) {
                throw com.terminalacc.common.TerminalException.field("passwordConfirm", com.terminalacc.common.ErrorCode.PASSWORDS_DIFFER);
            }
            logins.setPassword(ctx.auth(), actor.accountId(), id, new SetPassword(password, !"on".equals(PageContext.first(form, "permanent"))), ctx.audit());
        }, "passwordSet");
    }

    @POST
    @Path("{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return loginAction(id, form, (ctx, logins, actor) -> logins.deactivate(ctx.auth(), actor.accountId(), id, ctx.audit()), "loginDeactivated");
    }

    @POST
    @Path("{id}/resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resend(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return loginAction(id, form, (ctx, logins, actor) -> logins.resendOnboarding(ctx.auth(), actor.accountId(), id, ctx.audit()), "onboardingSent");
    }

    /** S-SEC-2: reset the user's second factor. */
    @POST
    @Path("{id}/two-factor/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetTwoFactor(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        return loginAction(id, form, (ctx, logins, actor) -> logins.resetTwoFactor(ctx.auth(), actor.accountId(), id, ctx.audit()), "twoFactorReset");
    }

    private interface LoginAction {
        void run(PageContext ctx, LoginService logins, Actor actor);
    }

    private Response loginAction(String id, MultivaluedMap<String, String> form, LoginAction action, String notice) {
        PageContext ctx = PageContext.customer(session);
        ctx.checkCsrf(form);
        try {
            action.run(ctx, new LoginService(ctx.session(), ctx.realm()), ctx.actor());
            return ctx.redirect("contacts/" + id, notice);
        } catch (TerminalException e) {
            return detailPage(ctx, id, 0, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    // ---- helpers

    /** The roles the viewer may grant (S-ROL-1): an Owner Admin and User, an Admin only User. */
    private static List<String> grantableRoles(PageContext ctx) {
        return ctx.auth().logins().grantable().stream().map(TerminalRole::wire).toList();
    }

    /** The catalogue with, per permission, whether it is chosen and whether the viewer may grant it (S-MOD-1). */
    private static List<Map<String, Object>> moduleChoices(PageContext ctx, List<String> chosen) {
        ModuleCatalog catalog = ModuleCatalog.of(ctx.realm());
        AccessEvaluator auth = ctx.auth();
        List<Map<String, Object>> result = new ArrayList<>();
        for (Map<String, Object> module : catalog.describe()) {
            Map<String, Object> m = new LinkedHashMap<>(module);
            String name = (String) module.get("name");
            m.put("label", label(ctx, name, (String) module.get("description")));
            m.put("chosen", chosen != null && chosen.contains(name));
            m.put("grantable", auth.modules().canGrant(name));
            List<Map<String, Object>> rights = new ArrayList<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> raw = (List<Map<String, Object>>) module.get("rights");
            for (Map<String, Object> right : raw) {
                Map<String, Object> r = new LinkedHashMap<>(right);
                String rn = (String) right.get("name");
                r.put("label", label(ctx, rn, (String) right.get("description")));
                r.put("chosen", chosen != null && chosen.contains(rn));
                r.put("grantable", auth.modules().canGrant(rn));
                rights.add(r);
            }
            m.put("rights", rights);
            result.add(m);
        }
        return result;
    }

    /** A module's label from the theme messages ({@code acc.module.<name>}), else the role description. */
    static String label(PageContext ctx, String name, String description) {
        String key = "acc.module." + name;
        String label = ctx.msg(key);
        return label.equals(key) ? (description == null || description.isBlank() ? name : description) : label;
    }

    private Response formError(PageContext ctx, String template, String mode, Map<String, Object> form, TerminalException e) {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form);
        m.put("mode", mode);
        m.put("errors", ctx.fieldErrors(e));
        m.put("error", ctx.error(e));
        return ctx.page(template, m, e.getResponse().getStatus());
    }

    private static Map<String, Object> formMap(MultivaluedMap<String, String> form) {
        Map<String, Object> m = new HashMap<>();
        for (String key : List.of("firstName", "lastName", "email", "phone", "jobTitle", "locale")) {
            m.put(key, nz(form.getFirst(key)));
        }
        m.put("supportPermission", "on".equals(form.getFirst("supportPermission")));
        return m;
    }

    private static ContactService contacts(PageContext ctx) {
        return new ContactService(ctx.session(), ctx.realm());
    }

    static int pageNumber(String page) {
        try {
            return page == null ? 0 : Math.max(0, Math.min(10_000, Integer.parseInt(page)));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
