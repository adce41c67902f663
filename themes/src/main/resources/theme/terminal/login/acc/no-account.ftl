<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.noAccount.title") active="home">
    <div class="acc-empty">
        <h1 class="acc-h1">${msg("acc.noAccount.title")}</h1>
        <p>${msg("acc.noAccount.text", supportContact)}</p>
    </div>
</@layout.page>
