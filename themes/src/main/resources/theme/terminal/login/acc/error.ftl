<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.error.title") active="home">
    <div class="acc-empty" id="error-page">
        <h1 class="acc-h1"><#if status == 404>${msg("acc.error.notFound")}<#elseif status == 403>${msg("acc.forbidden.title")}<#else>${msg("acc.error.title")}</#if></h1>
        <p id="error-message">${message}</p>
        <p><a class="pf-v5-c-button pf-m-secondary" href="${acc}/">${msg("acc.backHome")}</a></p>
    </div>
</@layout.page>
