<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.disabled.title") active="home">
    <div class="acc-empty" id="acc-disabled">
        <h1 class="acc-h1">${msg("acc.disabled.title")}</h1>
        <p>${msg("acc.disabled.text", supportContact)}</p>
        <p><a class="pf-v5-c-button pf-m-secondary" href="mailto:${supportContact}">${msg("acc.disabled.contactSupport")}</a></p>
    </div>
</@layout.page>
