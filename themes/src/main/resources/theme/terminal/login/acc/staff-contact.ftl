<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=c.firstName() + " " + c.lastName() active="staff-accounts">
    <p><a href="${acc}/staff/accounts/${account.id()}">← ${account.name()}</a></p>
    <h1 class="acc-h1">${c.firstName()} ${c.lastName()}</h1>
    <section class="acc-panel" aria-labelledby="h-contact">
        <h2 class="acc-h2" id="h-contact">${msg("acc.detail.contact")}</h2>
        <dl class="acc-summary" id="staff-contact">
            <dt>${msg("acc.field.email")}</dt><dd>${c.email()}</dd>
            <dt>${msg("acc.field.phone")}</dt><dd>${(c.phone())!"–"}</dd>
            <dt>${msg("acc.field.jobTitle")}</dt><dd>${(c.jobTitle())!"–"}</dd>
            <dt>${msg("acc.field.support")}</dt><dd>${c.supportPermission()?then(msg("acc.yes"), msg("acc.no"))}</dd>
            <dt>${msg("acc.field.login")}</dt><dd><@layout.statusBadge status=c.loginStatus().name()/></dd>
            <dt>${msg("acc.field.role")}</dt><dd><@layout.roleBadge role=(c.role())!""/><#if !(c.role())??>–</#if></dd>
            <dt>${msg("acc.field.modules")}</dt><dd><#list c.modules() as mod>${msg("acc.module." + mod)}<#sep>, </#sep><#else>–</#list></dd>
        </dl>
    </section>
    <@layout.activityLog base="${acc}/staff/accounts/${account.id()}/contacts/${c.id()}"/>
</@layout.page>
