<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.menu.staff") active="staff">
    <div class="acc-empty">
        <h1 class="acc-h1">${msg("acc.menu.staff")}</h1>
        <p>${msg("acc.staff.noCustomer")}</p>
        <p><a class="pf-v5-c-button pf-m-primary" href="${acc}/staff/accounts">${msg("acc.staff.accounts")}</a></p>
    </div>
</@layout.page>
