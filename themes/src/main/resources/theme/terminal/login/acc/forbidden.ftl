<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.forbidden.title") active="home">
    <div class="acc-empty" id="forbidden">
        <h1 class="acc-h1">${msg("acc.forbidden.title")}</h1>
        <#if csrfFailed??>
            <p id="csrf-failed">${msg("acc.forbidden.csrf")}</p>
        <#else>
            <p>${msg("acc.forbidden.text")}</p>
        </#if>
        <p><a class="pf-v5-c-button pf-m-secondary" href="${acc}/">${msg("acc.backHome")}</a></p>
    </div>
</@layout.page>
