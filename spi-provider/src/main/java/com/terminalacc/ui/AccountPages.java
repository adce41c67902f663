package com.terminalacc.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;

import com.terminalacc.account.AccountRepresentation;
import com.terminalacc.account.AccountRequests.UpdateOwnAccount;
import com.terminalacc.account.AccountService;
import com.terminalacc.auth.AccessEvaluator;
import com.terminalacc.common.Paging;
import com.terminalacc.common.TerminalException;
import com.terminalacc.owner.OwnerRequestService;
import com.terminalacc.owner.OwnerRequests.FileRequest;

/**
 * Account settings for Owners: PERSONAL → BUSINESS, organisation domains (S-ACC-2, S-ACC-3) and the owner request
 * form with the status of earlier requests (S-ROL-2).
 */
public class AccountPages {

    private final KeycloakSession session;

    public AccountPages(KeycloakSession session) {
        this.session = session;
    }

    @GET
    public Response settings() {
        PageContext ctx = owner();
        return page(ctx, null, Map.of(), null, 200);
    }

    @POST
    @Path("type")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response upgrade(MultivaluedMap<String, String> form) {
        PageContext ctx = owner();
        ctx.checkCsrf(form);
        try {
            new AccountService(ctx.session(), ctx.realm()).updateSettings(ctx.auth(), ctx.actor().accountId(), new UpdateOwnAccount("BUSINESS", null), ctx.audit());
            return ctx.redirect("account", "accountUpgraded");
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), ctx.fieldErrors(e), null, e.getResponse().getStatus());
        }
    }

    /** The domains, one per line or comma-separated. */
    @POST
    @Path("domains")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response domains(MultivaluedMap<String, String> form) {
        PageContext ctx = owner();
        ctx.checkCsrf(form);
        String raw = ContactPages.nz(PageContext.first(form, "domains"));
        List<String> domains = new ArrayList<>();
        for (String d : raw.split("[,\\s]+")) {
            if (!d.isBlank()) {
                domains.add(d.strip());
            }
        }
        try {
            new AccountService(ctx.session(), ctx.realm()).updateSettings(ctx.auth(), ctx.actor().accountId(), new UpdateOwnAccount(null, domains), ctx.audit());
            return ctx.redirect("account", "domainsSaved");
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), ctx.fieldErrors(e), raw, e.getResponse().getStatus());
        }
    }

    /** S-SEC-1: the account's two-factor policy. */
    @POST
    @Path("two-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response twoFactor(MultivaluedMap<String, String> form) {
        PageContext ctx = owner();
        ctx.checkCsrf(form);
        try {
            new AccountService(ctx.session(), ctx.realm()).updateSettings(ctx.auth(), ctx.actor().accountId(),
                    new UpdateOwnAccount(null, null, "on".equals(PageContext.first(form, "requireTwoFactor"))), ctx.audit());
            return ctx.redirect("account", "twoFactorSaved");
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), ctx.fieldErrors(e), null, e.getResponse().getStatus());
        }
    }

    /** S-DOM-1: "check now" for a pending domain. */
    @POST
    @Path("domains/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verifyDomain(MultivaluedMap<String, String> form) {
        PageContext ctx = owner();
        ctx.checkCsrf(form);
        try {
            new AccountService(ctx.session(), ctx.realm()).verifyDomain(ctx.auth(), ctx.actor().accountId(), PageContext.first(form, "domain"), ctx.audit());
            return ctx.redirect("account", "domainVerified");
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), ctx.fieldErrors(e), null, e.getResponse().getStatus());
        }
    }

    @POST
    @Path("owner-requests")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response fileOwnerRequest(MultivaluedMap<String, String> form) {
        PageContext ctx = owner();
        ctx.checkCsrf(form);
        try {
            new OwnerRequestService(ctx.session(), ctx.realm()).file(ctx.auth(), ctx.actor().accountId(),
                    new FileRequest(PageContext.first(form, "contactId"), PageContext.first(form, "reason")), ctx.audit());
            return ctx.redirect("account", "ownerRequestFiled");
        } catch (TerminalException e) {
            return page(ctx, ctx.error(e), ctx.fieldErrors(e), null, e.getResponse().getStatus());
        }
    }

    private Response page(PageContext ctx, String error, Map<String, String> errors, String domainsInput, int status) {
        AccessEvaluator auth = ctx.auth();
        String accountId = ctx.actor().accountId();
        AccountRepresentation account = AccountRepresentation.of(new AccountService(ctx.session(), ctx.realm()).get(auth, accountId));
        Map<String, Object> m = new HashMap<>();
        m.put("account", account);
        m.put("canManageSettings", auth.accounts().canManageSettings(accountId));
        m.put("canRequestOwner", auth.ownerRequests().canFile(accountId));
        m.put("domainsText", domainsInput != null ? domainsInput : String.join("\n", account.domains()));
        OwnerRequestService requests = new OwnerRequestService(ctx.session(), ctx.realm());
        m.put("candidates", auth.ownerRequests().canFile(accountId) ? requests.candidates(auth, accountId) : List.of());
        m.put("ownerRequests", auth.ownerRequests().canList(accountId)
                ? requests.listOfAccount(auth, accountId, new Paging(0, 50)).items() : List.of());
        m.put("error", error == null ? "" : error);
        m.put("errors", errors);
        return ctx.page("acc/account.ftl", m, status);
    }

    /** The account settings page: for those who may change the settings or file owner requests. */
    private PageContext owner() {
        PageContext ctx = PageContext.customer(session);
        String accountId = ctx.actor().accountId();
        if (!ctx.auth().accounts().canManageSettings(accountId) && !ctx.auth().ownerRequests().canFile(accountId)) {
            throw new jakarta.ws.rs.WebApplicationException(ctx.page("acc/forbidden.ftl", Map.of(), 403));
        }
        return ctx;
    }
}
