package com.terminalacc.ui;

import java.util.ArrayList;
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

import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.CreateAccount;
import com.terminalacc.account.AccountRequests.UpdateAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.cloud.CloudService;
import com.terminalacc.common.Page;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;
import com.terminalacc.contact.ContactRequests.ContactInput;
import com.terminalacc.contact.ContactService;
import com.terminalacc.owner.OwnerRequestService;
import com.terminalacc.owner.OwnerRequests.Decision;

/**
 * The staff area (S-STF-1) for holders of the staff role or realm administrators of this realm: accounts (search,
 * type, domains, ACC on/off, contacts, clouds) and owner requests to approve or reject (S-ROL-2).
 */
public class StaffPages {

    private final KeycloakSession session;

    public StaffPages(KeycloakSession session) {
        this.session = session;
    }

    @GET
    @Path("accounts")
    public Response accounts(@QueryParam("search") String search, @QueryParam("page") String page) {
        PageContext ctx = PageContext.staff(session);
        int p = ContactPages.pageNumber(page);
        Page<AccountRepresentation> accounts = new AccountService(ctx.session(), ctx.realm()).search(ctx.staffAuth(), search,
                new Paging(p * ContactPages.PAGE_SIZE, ContactPages.PAGE_SIZE));
        Map<String, Object> m = new HashMap<>();
        m.put("accounts", accounts.items());
        m.put("total", accounts.total());
        m.put("page", p);
        m.put("pages", Math.max(1, (accounts.total() + ContactPages.PAGE_SIZE - 1) / ContactPages.PAGE_SIZE));
        m.put("search", search == null ? "" : search);
        m.put("canWrite", ctx.staffAuth().accounts().canAdminister());
        return ctx.page("acc/staff-accounts.ftl", m);
    }

    /** S-STF-1, S-ACC-5: a new account with its first contact, who becomes its Owner and gets the onboarding e-mail. */
    @GET
    @Path("accounts/new")
    public Response newAccountForm() {
        PageContext ctx = PageContext.staff(session);
        ctx.staffAuth().accounts().requireAdminister();
        Map<String, Object> form = new HashMap<>();
        form.put("type", "BUSINESS");
        form.put("accEnabled", true);
        return newAccountPage(ctx, form, null, Map.of(), 200);
    }

    @POST
    @Path("accounts/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createAccount(MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.staff(session);
        ctx.checkCsrf(form);
        ContactInput owner = new ContactInput(PageContext.first(form, "firstName"), PageContext.first(form, "lastName"),
                PageContext.first(form, "email"), optional(form, "phone"), optional(form, "jobTitle"), optional(form, "locale"), true);
        CreateAccount req = new CreateAccount(PageContext.first(form, "name"), PageContext.first(form, "type"), domains(form),
                "on".equals(PageContext.first(form, "accEnabled")), "on".equals(PageContext.first(form, "allowExternalEmails")),
                optional(form, "customerNumber"), owner);
        try {
            String id = new AccountService(ctx.session(), ctx.realm()).create(ctx.staffAuth(), req, ctx.audit()).id();
            return ctx.redirect("staff/accounts/" + id, "accountCreated");
        } catch (TerminalException e) {
            Map<String, Object> values = new HashMap<>();
            form.forEach((k, v) -> values.put(k, v.isEmpty() ? "" : v.get(0)));
            values.put("accEnabled", "on".equals(PageContext.first(form, "accEnabled")));
            values.put("allowExternalEmails", "on".equals(PageContext.first(form, "allowExternalEmails")));
            return newAccountPage(ctx, values, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    private Response newAccountPage(PageContext ctx, Map<String, Object> form, String error, Map<String, String> errors, int status) {
        Map<String, Object> m = new HashMap<>();
        m.put("form", form);
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/staff-account-new.ftl", m, status);
    }

    /** An optional field: absent when left empty. */
    private static String optional(MultivaluedMap<String, String> form, String name) {
        return ContactPages.blankToNull(PageContext.first(form, name));
    }

    /** The domains of a form's text area: one per line (commas and spaces also separate). */
    private static List<String> domains(MultivaluedMap<String, String> form) {
        List<String> domains = new ArrayList<>();
        for (String d : ContactPages.nz(PageContext.first(form, "domains")).split("[,\\s]+")) {
            if (!d.isBlank()) {
                domains.add(d.strip());
            }
        }
        return domains;
    }

    @GET
    @Path("accounts/{id}")
    public Response account(@PathParam("id") String id) {
        PageContext ctx = PageContext.staff(session);
        return accountPage(ctx, id, null, Map.of(), 200);
    }

    @POST
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response updateAccount(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.staff(session);
        ctx.checkCsrf(form);
        try {
            new AccountService(ctx.session(), ctx.realm()).update(ctx.staffAuth(), id, new UpdateAccount(null,
                    PageContext.first(form, "type"), domains(form), "on".equals(PageContext.first(form, "accEnabled")),
                    "on".equals(PageContext.first(form, "allowExternalEmails")), ContactPages.nz(PageContext.first(form, "customerNumber")),
                    "on".equals(PageContext.first(form, "requireTwoFactor"))), ctx.audit());
            return ctx.redirect("staff/accounts/" + id, "accountSaved");
        } catch (TerminalException e) {
            return accountPage(ctx, id, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    /** S-DOM-1: staff confirm a pending domain. */
    @POST
    @Path("accounts/{id}/domains/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmDomain(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.staff(session);
        ctx.checkCsrf(form);
        try {
            new AccountService(ctx.session(), ctx.realm()).confirmDomain(ctx.staffAuth(), id, PageContext.first(form, "domain"), ctx.audit());
            return ctx.redirect("staff/accounts/" + id, "domainConfirmed");
        } catch (TerminalException e) {
            return accountPage(ctx, id, ctx.error(e), ctx.fieldErrors(e), e.getResponse().getStatus());
        }
    }

    private Response accountPage(PageContext ctx, String id, String error, Map<String, String> errors, int status) {
        AccessEvaluator staff = ctx.staffAuth();
        Map<String, Object> m = new HashMap<>();
        AccountRepresentation account = AccountRepresentation.of(new AccountService(ctx.session(), ctx.realm()).get(staff, id));
        m.put("account", account);
        m.put("canWrite", staff.accounts().canAdminister());
        m.put("contacts", new ContactService(ctx.session(), ctx.realm()).list(staff, id, null, new Paging(0, 100)).items());
        m.put("clouds", new CloudService(ctx.session(), ctx.realm()).listOfAccount(staff, id, new Paging(0, 100)).items());
        m.put("ownerRequests", new OwnerRequestService(ctx.session(), ctx.realm()).listAll(staff, null, id, new Paging(0, 20)).items());
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/staff-account.ftl", m, status);
    }

    /** S-STF-1, S-ACT-2: a contact of any account with its activity log, read-only. */
    @GET
    @Path("accounts/{id}/contacts/{contactId}")
    public Response contact(@PathParam("id") String id, @PathParam("contactId") String contactId, @QueryParam("page") String page) {
        PageContext ctx = PageContext.staff(session);
        AccessEvaluator staff = ctx.staffAuth();
        Map<String, Object> m = new HashMap<>();
        m.put("account", AccountRepresentation.of(new AccountService(ctx.session(), ctx.realm()).get(staff, id)));
        m.put("c", new ContactService(ctx.session(), ctx.realm()).get(staff, id, contactId));
        ActivityView.putLog(ctx, m, staff, id, contactId, ContactPages.pageNumber(page));
        return ctx.page("acc/staff-contact.ftl", m);
    }

    @GET
    @Path("owner-requests")
    public Response ownerRequests() {
        PageContext ctx = PageContext.staff(session);
        return requestsPage(ctx, null, 200);
    }

    @POST
    @Path("owner-requests/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.staff(session);
        ctx.checkCsrf(form);
        try {
            new OwnerRequestService(ctx.session(), ctx.realm()).approve(ctx.staffAuth(), id, new Decision(PageContext.first(form, "reason")), ctx.audit());
            return ctx.redirect("staff/owner-requests", "ownerRequestApproved");
        } catch (TerminalException e) {
            return requestsPage(ctx, ctx.error(e), e.getResponse().getStatus());
        }
    }

    @POST
    @Path("owner-requests/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        PageContext ctx = PageContext.staff(session);
        ctx.checkCsrf(form);
        try {
            new OwnerRequestService(ctx.session(), ctx.realm()).reject(ctx.staffAuth(), id, new Decision(PageContext.first(form, "reason")), ctx.audit());
            return ctx.redirect("staff/owner-requests", "ownerRequestRejected");
        } catch (TerminalException e) {
            return requestsPage(ctx, ctx.error(e), e.getResponse().getStatus());
        }
    }

    private Response requestsPage(PageContext ctx, String error, int status) {
        Map<String, Object> m = new HashMap<>();
        OwnerRequestService requests = new OwnerRequestService(ctx.session(), ctx.realm());
        m.put("pending", requests.listAll(ctx.staffAuth(), "PENDING", null, new Paging(0, 100)).items());
        m.put("decided", requests.listAll(ctx.staffAuth(), null, null, new Paging(0, 50)).items()
                .stream().filter(r -> !"PENDING".equals(r.status())).toList());
        m.put("canDecide", ctx.staffAuth().ownerRequests().canDecide());
        m.put("error", error == null ? "" : error);
        return ctx.page("acc/staff-requests.ftl", m, status);
    }
}
