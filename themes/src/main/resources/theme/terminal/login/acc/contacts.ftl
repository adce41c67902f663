<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.contacts.title") active="contacts">
    <div class="acc-titlebar">
        <h1 class="acc-h1">${msg("acc.contacts.title")}</h1>
        <#if canCreate><a class="pf-v5-c-button pf-m-primary acc-green" id="add-contact" href="${acc}/contacts/new">${msg("acc.contacts.add")}</a></#if>
    </div>
    <form class="acc-search" method="get" action="${acc}/contacts" role="search">
        <label class="acc-visually-hidden" for="search">${msg("acc.contacts.search")}</label>
        <input class="pf-v5-c-form-control" id="search" name="search" type="search" value="${search}" placeholder="${msg('acc.contacts.searchPlaceholder')}">
        <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.contacts.search")}</button>
    </form>
    <p class="acc-muted">${msg("acc.contacts.count", total)}</p>
    <div class="acc-table-wrap">
    <table class="pf-v5-c-table pf-m-grid-md acc-table" id="contacts-table">
        <thead>
        <tr>
            <th scope="col">${msg("acc.field.name")}</th>
            <th scope="col">${msg("acc.field.email")}</th>
            <th scope="col">${msg("acc.field.role")}</th>
            <th scope="col">${msg("acc.field.login")}</th>
            <th scope="col">${msg("acc.field.support")}</th>
            <th scope="col"><span class="acc-visually-hidden">${msg("acc.actions")}</span>${msg("acc.actions")}</th>
        </tr>
        </thead>
        <tbody>
        <#list contacts as row>
            <#assign c = row.c>
            <tr data-contact="${c.email()}">
                <td data-label="${msg('acc.field.name')}"><a href="${acc}/contacts/${c.id()}">${c.firstName()} ${c.lastName()}</a><#if row.self> <span class="acc-muted">(${msg("acc.you")})</span></#if></td>
                <td data-label="${msg('acc.field.email')}">${c.email()}</td>
                <td data-label="${msg('acc.field.role')}"><@layout.roleBadge role=(c.role())!"" /></td>
                <td data-label="${msg('acc.field.login')}"><@layout.statusBadge status=c.loginStatus().name() /></td>
                <td data-label="${msg('acc.field.support')}"><#if c.supportPermission()>${msg("acc.yes")}<#else>${msg("acc.no")}</#if></td>
                <td data-label="${msg('acc.actions')}">
                    <details class="acc-dropdown acc-row-menu">
                        <summary class="acc-kebab" aria-label="${msg('acc.actionsFor', c.firstName() + ' ' + c.lastName())}">⋯</summary>
                        <ul class="acc-dropdown__menu" role="list">
                            <#if row.canActivate><li><a href="${acc}/contacts/${c.id()}/activate" class="act-activate">${msg("acc.action.activateLogin")}</a></li></#if>
                            <#if row.canEdit><li><a href="${acc}/contacts/${c.id()}/edit">${msg("acc.action.edit")}</a></li></#if>
                            <li><a href="${acc}/contacts/${c.id()}">${msg("acc.action.details")}</a></li>
                            <#if row.canDeactivate>
                                <li><form method="post" action="${acc}/contacts/${c.id()}/deactivate"><@layout.csrfField/><button type="submit" class="acc-linkbutton">${msg("acc.action.deactivateLogin")}</button></form></li>
                            </#if>
                            <#if row.canDelete>
                                <li><form method="post" action="${acc}/contacts/${c.id()}/delete"><@layout.csrfField/><button type="submit" class="acc-linkbutton acc-danger">${msg("acc.action.delete")}</button></form></li>
                            </#if>
                        </ul>
                    </details>
                </td>
            </tr>
        <#else>
            <tr><td colspan="6">${msg("acc.contacts.none")}</td></tr>
        </#list>
        </tbody>
    </table>
    </div>
    <@layout.pager page=page pages=pages base="${acc}/contacts?search=${search?url('UTF-8')}&"/>
</@layout.page>
