<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#assign isNew = mode == "new">
<@layout.page title=msg(isNew?then("acc.contactForm.newTitle", "acc.contactForm.editTitle")) active="contacts">
    <h1 class="acc-h1">${msg(isNew?then("acc.contactForm.newTitle", "acc.contactForm.editTitle"))}</h1>
    <#if isNew><p class="acc-lead">${msg("acc.contactForm.newLead")}</p></#if>
    <@layout.error text=(error!"")/>
    <form class="pf-v5-c-form acc-form" method="post" action="${acc}/contacts/<#if isNew>new<#else>${form.id}/edit</#if>" novalidate>
        <@layout.csrfField/>
        <@layout.field name="firstName" label=msg("acc.field.firstName") value=(form.firstName)!"" required=true autocomplete="off"/>
        <@layout.field name="lastName" label=msg("acc.field.lastName") value=(form.lastName)!"" required=true autocomplete="off"/>
        <@layout.field name="email" label=msg("acc.field.email") value=(form.email)!"" type="email" required=true autocomplete="off"
            readonly=(form.emailLocked)!false help=((form.emailLocked)!false)?then(msg("acc.contactForm.emailLocked"), "")/>
        <@layout.field name="phone" label=msg("acc.field.phone") value=(form.phone)!"" type="tel"/>
        <@layout.field name="jobTitle" label=msg("acc.field.jobTitle") value=(form.jobTitle)!""/>
        <div class="pf-v5-c-form__group">
            <label class="pf-v5-c-form__label" for="locale"><span class="pf-v5-c-form__label-text">${msg("acc.field.language")}</span></label>
            <select class="pf-v5-c-form-control" id="locale" name="locale">
                <option value="" <#if !((form.locale)!"")?has_content>selected</#if>>${msg("acc.field.languageDefault")}</option>
                <#list languages as l><option value="${l}" <#if ((form.locale)!"") == l>selected</#if>>${msg("locale_" + l)}</option></#list>
            </select>
            <#if errors?? && errors["locale"]??><p class="acc-field-error">${errors["locale"]}</p></#if>
        </div>
        <#if mode == "new" || (form.canSetSupport)!false>
        <div class="pf-v5-c-check">
            <input class="pf-v5-c-check__input" type="checkbox" id="supportPermission" name="supportPermission" <#if (form.supportPermission)!false>checked</#if>>
            <label class="pf-v5-c-check__label" for="supportPermission">${msg("acc.field.supportPermission")}</label>
            <span class="pf-v5-c-check__description">${msg("acc.field.supportPermissionHelp")}</span>
        </div>
        </#if>
        <div class="acc-form-actions">
            <button class="pf-v5-c-button pf-m-primary" type="submit" id="save-contact">${msg(isNew?then("acc.contactForm.create", "acc.save"))}</button>
            <a class="pf-v5-c-button pf-m-link" href="${acc}/contacts">${msg("acc.cancel")}</a>
        </div>
    </form>
</@layout.page>
