<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.shares.title") active="shares">
    <h1 class="acc-h1">${msg("acc.shares.title")}</h1>
    <p class="acc-lead">${msg("acc.shares.lead")}</p>
    <@layout.error text=(error!"")/>
    <#if shares?has_content>
    <table class="pf-v5-c-table pf-m-grid-md acc-table" id="incoming-shares">
        <thead><tr><th scope="col">${msg("acc.shares.cloud")}</th><th scope="col">${msg("acc.shares.from")}</th><th scope="col">${msg("acc.share.ceiling")}</th><th scope="col">${msg("acc.status")}</th><th scope="col">${msg("acc.actions")}</th></tr></thead>
        <tbody>
        <#list shares as s>
            <tr>
                <td data-label="${msg('acc.shares.cloud')}"><#if s.status().name() == "ACCEPTED"><a href="${acc}/clouds/${s.cloudId()}">${s.cloudName()!""}</a><#else>${s.cloudName()!""}</#if></td>
                <td data-label="${msg('acc.shares.from')}">${s.ownerAccountName()!""}</td>
                <td data-label="${msg('acc.share.ceiling')}"><@layout.perms p=("r" + s.maxWrite()?then("w", "") + s.maxOrder()?then("o", ""))/></td>
                <td data-label="${msg('acc.status')}">${msg("acc.share.status." + s.status().name())}</td>
                <td data-label="${msg('acc.actions')}">
                    <#if s.status().name() == "PENDING">
                        <form method="post" action="${acc}/shares/${s.id()}/accept" class="acc-inline-form"><@layout.csrfField/><button class="pf-v5-c-button pf-m-primary acc-green" type="submit" id="accept-${s.id()}">${msg("acc.share.accept")}</button></form>
                        <form method="post" action="${acc}/shares/${s.id()}/decline" class="acc-inline-form"><@layout.csrfField/><button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.share.decline")}</button></form>
                    <#elseif s.status().name() == "ACCEPTED">
                        <a class="pf-v5-c-button pf-m-secondary" href="${acc}/clouds/${s.cloudId()}">${msg("acc.shares.manageMembers")}</a>
                        <form method="post" action="${acc}/shares/${s.id()}/end" class="acc-inline-form"><@layout.csrfField/><button class="pf-v5-c-button pf-m-link acc-danger" type="submit">${msg("acc.share.end")}</button></form>
                    </#if>
                </td>
            </tr>
        </#list>
        </tbody>
    </table>
    <#else>
        <p class="acc-muted">${msg("acc.shares.none")}</p>
    </#if>
</@layout.page>
