<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=account.name() active="staff-accounts">
    <h1 class="acc-h1">${account.name()}</h1>
    <@layout.error text=(error!"")/>
    <section class="acc-panel" aria-labelledby="h-settings">
        <h2 class="acc-h2" id="h-settings">${msg("acc.staff.settings")}</h2>
        <#if canWrite>
        <form method="post" action="${acc}/staff/accounts/${account.id()}" class="pf-v5-c-form acc-form" id="staff-account-form">
            <@layout.csrfField/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="type"><span class="pf-v5-c-form__label-text">${msg("acc.account.type")}</span></label>
                <select class="pf-v5-c-form-control" id="type" name="type">
                    <#list ["PERSONAL", "BUSINESS"] as t><option value="${t}" <#if account.type().name() == t>selected</#if>>${msg("acc.account.type." + t)}</option></#list>
                </select>
            </div>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="domains"><span class="pf-v5-c-form__label-text">${msg("acc.account.domainsLabel")}</span></label>
                <textarea class="pf-v5-c-form-control" id="domains" name="domains" rows="2">${account.domains()?join("\n")}</textarea>
            </div>
            <@layout.field name="customerNumber" label=msg("acc.staff.customerNumber") value=(account.customerNumber())!""/>
            <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="accEnabled" name="accEnabled" <#if account.accEnabled()>checked</#if>><label class="pf-v5-c-check__label" for="accEnabled">${msg("acc.staff.accEnabled")}</label></div>
            <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="requireTwoFactor" name="requireTwoFactor" <#if account.requireTwoFactor()>checked</#if>><label class="pf-v5-c-check__label" for="requireTwoFactor">${msg("acc.account.twoFactorLabel")}</label></div>
            <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="allowExternalEmails" name="allowExternalEmails" <#if account.allowExternalEmails()>checked</#if>><label class="pf-v5-c-check__label" for="allowExternalEmails">${msg("acc.staff.allowExternal")}</label></div>
            <button class="pf-v5-c-button pf-m-primary" type="submit">${msg("acc.save")}</button>
        </form>
        <#else>
        <dl class="acc-summary" id="staff-account-settings">
            <dt>${msg("acc.account.type")}</dt><dd>${msg("acc.account.type." + account.type().name())}</dd>
            <dt>${msg("acc.account.domainsLabel")}</dt><dd>${account.domains()?join(", ")}</dd>
            <dt>${msg("acc.staff.customerNumber")}</dt><dd>${(account.customerNumber())!"–"}</dd>
            <dt>${msg("acc.staff.accEnabled")}</dt><dd>${account.accEnabled()?then(msg("acc.yes"), msg("acc.no"))}</dd>
            <dt>${msg("acc.staff.allowExternal")}</dt><dd>${account.allowExternalEmails()?then(msg("acc.yes"), msg("acc.no"))}</dd>
            <dt>${msg("acc.account.twoFactorLabel")}</dt><dd>${account.requireTwoFactor()?then(msg("acc.yes"), msg("acc.no"))}</dd>
        </dl>
        </#if>
        <#if account.pendingDomains()?has_content>
        <ul class="acc-domains" id="staff-pending-domains">
            <#list account.pendingDomains() as p>
            <li class="acc-domain-pending"><span class="acc-domain">${p.domain()}</span> <span class="pf-v5-c-label pf-m-orange acc-domain-state">${msg("acc.account.domainPending")}</span>
                <#if canWrite>
                <form method="post" action="${acc}/staff/accounts/${account.id()}/domains/verify" class="acc-inline-form"><@layout.csrfField/>
                    <input type="hidden" name="domain" value="${p.domain()}">
                    <button class="pf-v5-c-button pf-m-secondary pf-m-small" type="submit" id="confirm-${p?index}">${msg("acc.staff.domainConfirm", p.domain())}</button>
                </form>
                </#if>
            </li>
            </#list>
        </ul>
        </#if>
    </section>
    <section class="acc-panel" aria-labelledby="h-contacts">
        <h2 class="acc-h2" id="h-contacts">${msg("acc.contacts.title")}</h2>
        <table class="pf-v5-c-table pf-m-compact acc-table" id="staff-contacts">
            <thead><tr><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.field.email")}</th><th scope="col">${msg("acc.field.role")}</th><th scope="col">${msg("acc.field.login")}</th></tr></thead>
            <tbody><#list contacts as c><tr><td><a href="${acc}/staff/accounts/${account.id()}/contacts/${c.id()}">${c.firstName()} ${c.lastName()}</a></td><td>${c.email()}</td><td><@layout.roleBadge role=(c.role())!""/></td><td><@layout.statusBadge status=c.loginStatus().name()/></td></tr></#list></tbody>
        </table>
    </section>
    <section class="acc-panel" aria-labelledby="h-clouds">
        <h2 class="acc-h2" id="h-clouds">${msg("acc.nav.clouds")}</h2>
        <#if clouds?has_content>
            <ul class="acc-list"><#list clouds as cl><li>${cl.name()} · ${msg("acc.clouds.members", cl.memberCount())} · ${msg("acc.clouds.products", cl.productCount())}</li></#list></ul>
        <#else><p class="acc-muted">${msg("acc.clouds.none")}</p></#if>
    </section>
    <#if ownerRequests?has_content>
    <section class="acc-panel">
        <h2 class="acc-h2">${msg("acc.staff.ownerRequests")}</h2>
        <ul class="acc-list"><#list ownerRequests as r><li>${(r.requestedName())!(r.contactName())!""} · ${msg("acc.request." + r.status())} · ${r.reason()}</li></#list></ul>
        <p><a href="${acc}/staff/owner-requests">${msg("acc.staff.toRequests")}</a></p>
    </section>
    </#if>
</@layout.page>
