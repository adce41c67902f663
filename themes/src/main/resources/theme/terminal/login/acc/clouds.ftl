<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.clouds.title") active="clouds">
    <h1 class="acc-h1">${msg("acc.clouds.title")}</h1>
    <p class="acc-lead">${msg("acc.clouds.lead")}</p>
    <@layout.error text=(error!"")/>
    <div class="acc-cards" id="clouds">
        <#list clouds as cl>
            <a class="acc-card" href="${acc}/clouds/${cl.id()}">
                <h2><span class="acc-icon acc-icon--${cl.icon()}" aria-hidden="true"></span>${cl.name()}</h2>
                <#if cl.description()??><p>${cl.description()}</p></#if>
                <p class="acc-muted">${msg("acc.clouds.members", cl.memberCount())} · ${msg("acc.clouds.products", cl.productCount())}<#if cl.shared()> · ${msg("acc.clouds.shared")}</#if></p>
                <#if cl.sharedWithUs()><p class="acc-muted">${msg("acc.clouds.sharedBy", cl.accountName()!"")}</p></#if>
                <#if cl.permissions()??><@layout.perms p=cl.permissions()/><#if cl.cloudAdmin()> <span class="acc-badge">${msg("acc.cloud.type.ADMIN")}</span></#if></#if>
            </a>
        <#else>
            <p class="acc-muted">${msg("acc.clouds.none")}</p>
        </#list>
    </div>
    <@layout.pager page=page pages=pages base="${acc}/clouds?"/>
    <#if canCreate>
    <section class="acc-panel" aria-labelledby="h-new-cloud">
        <h2 class="acc-h2" id="h-new-cloud">${msg("acc.clouds.create")}</h2>
        <form method="post" action="${acc}/clouds" class="pf-v5-c-form acc-form" novalidate>
            <@layout.csrfField/>
            <@layout.field name="name" label=msg("acc.field.cloudName") value=form.name required=true/>
            <@layout.field name="description" label=msg("acc.field.description") value=form.description/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="icon"><span class="pf-v5-c-form__label-text">${msg("acc.field.icon")}</span></label>
                <select class="pf-v5-c-form-control" id="icon" name="icon"><#list icons as i><option value="${i}" <#if form.icon == i>selected</#if>>${msg("acc.icon." + i)}</option></#list></select>
            </div>
            <button class="pf-v5-c-button pf-m-primary acc-green" type="submit" id="create-cloud">${msg("acc.clouds.create")}</button>
        </form>
    </section>
    </#if>
</@layout.page>
