<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.staff.accounts") active="staff-accounts">
    <div class="acc-titlebar">
        <h1 class="acc-h1">${msg("acc.staff.accounts")}</h1>
        <#if canWrite><a class="pf-v5-c-button pf-m-primary acc-green" id="new-account" href="${acc}/staff/accounts/new">${msg("acc.staff.newAccount")}</a></#if>
    </div>
    <form class="acc-search" method="get" action="${acc}/staff/accounts" role="search">
        <label class="acc-visually-hidden" for="search">${msg("acc.contacts.search")}</label>
        <input class="pf-v5-c-form-control" id="search" name="search" type="search" value="${search}" placeholder="${msg('acc.staff.searchPlaceholder')}">
        <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.contacts.search")}</button>
    </form>
    <p class="acc-muted">${msg("acc.staff.count", total)}</p>
    <table class="pf-v5-c-table pf-m-grid-md acc-table" id="accounts">
        <thead><tr><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.staff.customerNumber")}</th><th scope="col">${msg("acc.account.type")}</th><th scope="col">${msg("acc.account.domains")}</th><th scope="col">ACC</th></tr></thead>
        <tbody>
        <#list accounts as a>
            <tr>
                <td data-label="${msg('acc.field.name')}"><a href="${acc}/staff/accounts/${a.id()}">${a.name()}</a></td>
                <td data-label="${msg('acc.staff.customerNumber')}">${(a.customerNumber())!"–"}</td>
                <td data-label="${msg('acc.account.type')}">${msg("acc.account.type." + a.type().name())}</td>
                <td data-label="${msg('acc.account.domains')}">${a.domains()?join(", ")}</td>
                <td data-label="ACC">${a.accEnabled()?then(msg("acc.on"), msg("acc.off"))}</td>
            </tr>
        <#else>
            <tr><td colspan="5">${msg("acc.staff.none")}</td></tr>
        </#list>
        </tbody>
    </table>
    <@layout.pager page=page pages=pages base="${acc}/staff/accounts?search=${search?url('UTF-8')}&"/>
</@layout.page>
