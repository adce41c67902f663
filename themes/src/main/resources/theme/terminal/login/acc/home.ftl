<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.home.title") active="home">
    <h1 class="acc-h1">${msg("acc.home.welcome", me.firstName)}</h1>
    <p class="acc-lead">${msg("acc.home.lead")}</p>
    <div class="acc-cards">
        <#if accEnabled>
            <a class="acc-card" href="${acc}/contacts" id="open-acc">
                <h2>${msg("acc.menu.accessControlCenter")}</h2>
                <p>${msg("acc.home.accText")}</p>
            </a>
            <a class="acc-card" href="${acc}/clouds">
                <h2>${msg("acc.nav.clouds")}</h2>
                <p>${msg("acc.home.cloudsText")}</p>
            </a>
        <#else>
            <div class="acc-card acc-card--info" id="acc-not-configured">
                <h2>${msg("acc.disabled.title")}</h2>
                <p>${msg("acc.disabled.text", supportContact)}</p>
            </div>
        </#if>
    </div>
</@layout.page>
