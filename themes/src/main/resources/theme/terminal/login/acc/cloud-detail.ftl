<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=cloud.name() active="clouds">
    <div class="acc-titlebar">
        <h1 class="acc-h1"><span class="acc-icon acc-icon--${cloud.icon()}" aria-hidden="true"></span>${cloud.name()}</h1>
        <#if cloud.permissions()??><div><@layout.perms p=cloud.permissions()/></div></#if>
    </div>
    <#if cloud.description()??><p class="acc-lead">${cloud.description()}</p></#if>
    <#if partner><p class="acc-help" id="partner-note">${msg("acc.cloud.partnerNote", cloud.accountName()!"", ceiling)}</p></#if>
    <@layout.error text=(error!"")/>

    <section class="acc-panel" aria-labelledby="h-members">
        <h2 class="acc-h2" id="h-members">${msg("acc.cloud.members")}</h2>
        <div class="acc-table-wrap">
        <table class="pf-v5-c-table pf-m-grid-md acc-table" id="members">
            <thead><tr><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.cloud.type")}</th><th scope="col">${msg("acc.cloud.permissions")}</th><th scope="col">${msg("acc.actions")}</th></tr></thead>
            <tbody>
            <#list members as mem>
                <tr data-member="${(mem.email())!""}">
                    <td data-label="${msg('acc.field.name')}">${(mem.firstName())!""} ${(mem.lastName())!""}<br><span class="acc-muted">${(mem.email())!""}</span><#if mem.partner()> <span class="acc-badge">${msg("acc.cloud.partnerMember")}</span></#if></td>
                    <#if mem.canEdit()>
                    <#assign fid = "member-" + mem.contactId()>
                    <td data-label="${msg('acc.cloud.type')}">
                        <#-- one form per row; the inputs of the next cells belong to it through their form attribute -->
                        <form method="post" action="${acc}/clouds/${cloud.id()}/members/${mem.contactId()}" class="acc-member-form" id="${fid}">
                            <@layout.csrfField/>
                            <#if mem.partner()><input type="hidden" name="type" value="MEMBER"></#if>
                        </form>
                        <label class="acc-visually-hidden" for="type-${mem.contactId()}">${msg("acc.cloud.type")}</label>
                        <select class="pf-v5-c-form-control acc-select-auto" id="type-${mem.contactId()}" name="type" form="${fid}" <#if mem.partner()>disabled</#if>>
                            <option value="MEMBER" <#if mem.type().name() == "MEMBER">selected</#if>>${msg("acc.cloud.type.MEMBER")}</option>
                            <#if !mem.partner()><option value="ADMIN" <#if mem.type().name() == "ADMIN">selected</#if>>${msg("acc.cloud.type.ADMIN")}</option></#if>
                        </select>
                    </td>
                    <td data-label="${msg('acc.cloud.permissions')}">
                        <div class="acc-checks">
                            <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" checked disabled id="r-${mem.contactId()}"><label class="pf-v5-c-check__label" for="r-${mem.contactId()}">${msg("acc.perm.read")}</label></span>
                            <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="write" form="${fid}" id="w-${mem.contactId()}" <#if mem.write()>checked</#if>><label class="pf-v5-c-check__label" for="w-${mem.contactId()}">${msg("acc.perm.write")}</label></span>
                            <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="order" form="${fid}" id="o-${mem.contactId()}" <#if mem.order()>checked</#if>><label class="pf-v5-c-check__label" for="o-${mem.contactId()}">${msg("acc.perm.order")}</label></span>
                        </div>
                    </td>
                    <td data-label="${msg('acc.actions')}">
                        <div class="acc-checks">
                            <button class="pf-v5-c-button pf-m-secondary pf-m-small" type="submit" form="${fid}">${msg("acc.save")}</button>
                            <form method="post" action="${acc}/clouds/${cloud.id()}/members/${mem.contactId()}/remove" class="acc-inline-form">
                                <@layout.csrfField/>
                                <button class="pf-v5-c-button pf-m-link acc-danger" type="submit">${msg("acc.cloud.removeMember")}</button>
                            </form>
                        </div>
                    </td>
                    <#else>
                    <td data-label="${msg('acc.cloud.type')}">${msg("acc.cloud.type." + mem.type().name())}</td>
                    <td data-label="${msg('acc.cloud.permissions')}"><@layout.perms p=mem.permissions()/></td>
                    <td></td>
                    </#if>
                </tr>
            </#list>
            </tbody>
        </table>
        </div>
        <#if canAdd && (candidates?has_content || person?has_content)>
            <h3 class="acc-h3">${msg("acc.cloud.addMember")}</h3>
            <#if candidatesMore || person?has_content>
            <form class="acc-search" method="get" action="${acc}/clouds/${cloud.id()}#add-member" role="search" id="find-person">
                <label class="acc-visually-hidden" for="person">${msg("acc.cloud.findPerson")}</label>
                <input class="pf-v5-c-form-control" id="person" name="person" type="search" value="${person}" placeholder="${msg('acc.contacts.searchPlaceholder')}">
                <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.cloud.findPerson")}</button>
            </form>
            <#if candidatesMore><p class="acc-help" id="candidates-more">${msg("acc.cloud.candidatesMore", candidates?size)}</p></#if>
            <#if !candidates?has_content><p class="acc-muted" id="candidates-none">${msg("acc.cloud.candidatesNone")}</p></#if>
            </#if>
        </#if>
        <#if canAdd && candidates?has_content>
            <form method="post" action="${acc}/clouds/${cloud.id()}/members" class="pf-v5-c-form acc-form acc-form--row" id="add-member">
                <@layout.csrfField/>
                <div class="pf-v5-c-form__group">
                    <label class="pf-v5-c-form__label" for="contactId"><span class="pf-v5-c-form__label-text">${msg("acc.cloud.user")}</span></label>
                    <select class="pf-v5-c-form-control" id="contactId" name="contactId"><#list candidates as u><option value="${u.contactId}">${u.firstName} ${u.lastName} (${u.email})</option></#list></select>
                </div>
                <div class="pf-v5-c-form__group">
                    <label class="pf-v5-c-form__label" for="newType"><span class="pf-v5-c-form__label-text">${msg("acc.cloud.type")}</span></label>
                    <select class="pf-v5-c-form-control" id="newType" name="type"><option value="MEMBER">${msg("acc.cloud.type.MEMBER")}</option><#if canAddAdmins><option value="ADMIN">${msg("acc.cloud.type.ADMIN")}</option></#if></select>
                </div>
                <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" checked disabled id="newRead"><label class="pf-v5-c-check__label" for="newRead">${msg("acc.perm.read")}</label></span>
                <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="write" id="newWrite"><label class="pf-v5-c-check__label" for="newWrite">${msg("acc.perm.write")}</label></span>
                <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="order" id="newOrder"><label class="pf-v5-c-check__label" for="newOrder">${msg("acc.perm.order")}</label></span>
                <button class="pf-v5-c-button pf-m-primary acc-green" type="submit">${msg("acc.cloud.add")}</button>
            </form>
            <p class="acc-help">${msg("acc.cloud.readHelp")}</p>
        </#if>
    </section>

    <section class="acc-panel" aria-labelledby="h-products">
        <h2 class="acc-h2" id="h-products">${msg("acc.cloud.products")}</h2>
        <#if products?has_content>
        <table class="pf-v5-c-table pf-m-compact acc-table" id="products">
            <thead><tr><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.cloud.productType")}</th><#if canMove><th scope="col">${msg("acc.cloud.move")}</th></#if></tr></thead>
            <tbody>
            <#list products as p>
                <tr><td>${p.name()}</td><td>${p.type()}</td>
                <#if canMove><td>
                    <#if moveTargets?has_content>
                    <form method="post" action="${acc}/clouds/${cloud.id()}/products/${p.id()}/move" class="acc-member-form">
                        <@layout.csrfField/>
                        <label class="acc-visually-hidden" for="move-${p?index}">${msg("acc.cloud.moveTo")}</label>
                        <select class="pf-v5-c-form-control" id="move-${p?index}" name="cloudId"><#list moveTargets as t><option value="${t.id()}">${t.name()}</option></#list></select>
                        <button class="pf-v5-c-button pf-m-secondary pf-m-small" type="submit">${msg("acc.cloud.move")}</button>
                    </form>
                    <#else><span class="acc-muted">${msg("acc.cloud.noMoveTargets")}</span></#if>
                </td></#if></tr>
            </#list>
            </tbody>
        </table>
        <#else>
            <p class="acc-muted">${msg("acc.cloud.noProducts")}</p>
        </#if>
    </section>

    <#if manage>
    <section class="acc-panel" aria-labelledby="h-shares">
        <h2 class="acc-h2" id="h-shares">${msg("acc.cloud.shares")}</h2>
        <#if shares?has_content>
        <ul class="acc-list" id="shares">
            <#list shares as s>
                <li>${s.partnerAccountName()!""} · ${msg("acc.share.status." + s.status().name())} · ${msg("acc.share.ceiling")}: <@layout.perms p=s.ceiling()/>
                    <form method="post" action="${acc}/clouds/${cloud.id()}/shares/${s.id()}/end" class="acc-inline-form"><@layout.csrfField/><button class="pf-v5-c-button pf-m-link acc-danger" type="submit">${msg("acc.share.end")}</button></form>
                </li>
            </#list>
        </ul>
        </#if>
        <#if canShare>
        <form method="post" action="${acc}/clouds/${cloud.id()}/shares" class="pf-v5-c-form acc-form acc-form--row" id="share-form">
            <@layout.csrfField/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="partnerDomain"><span class="pf-v5-c-form__label-text">${msg("acc.share.partnerDomain")}</span></label>
                <input class="pf-v5-c-form-control" id="partnerDomain" name="partnerDomain" placeholder="partner.example" required>
            </div>
            <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="write" id="shareWrite"><label class="pf-v5-c-check__label" for="shareWrite">${msg("acc.share.allowWrite")}</label></span>
            <span class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" name="order" id="shareOrder"><label class="pf-v5-c-check__label" for="shareOrder">${msg("acc.share.allowOrder")}</label></span>
            <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.share.share")}</button>
        </form>
        <p class="acc-help">${msg("acc.share.help")}</p>
        </#if>
    </section>

    <section class="acc-panel" aria-labelledby="h-settings">
        <h2 class="acc-h2" id="h-settings">${msg("acc.cloud.settings")}</h2>
        <form method="post" action="${acc}/clouds/${cloud.id()}/settings" class="pf-v5-c-form acc-form" novalidate>
            <@layout.csrfField/>
            <@layout.field name="name" label=msg("acc.field.cloudName") value=cloud.name() required=true/>
            <@layout.field name="description" label=msg("acc.field.description") value=(cloud.description())!""/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="icon"><span class="pf-v5-c-form__label-text">${msg("acc.field.icon")}</span></label>
                <select class="pf-v5-c-form-control" id="icon" name="icon"><#list icons as i><option value="${i}" <#if cloud.icon() == i>selected</#if>>${msg("acc.icon." + i)}</option></#list></select>
            </div>
            <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.save")}</button>
        </form>
        <form method="post" action="${acc}/clouds/${cloud.id()}/delete" class="acc-inline-form">
            <@layout.csrfField/>
            <button class="pf-v5-c-button pf-m-danger" type="submit" id="delete-cloud">${msg("acc.cloud.delete")}</button>
        </form>
    </section>
    </#if>
</@layout.page>
