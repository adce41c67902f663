<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.staff.newAccount") active="staff-accounts">
    <h1 class="acc-h1">${msg("acc.staff.newAccount")}</h1>
    <p class="acc-lead">${msg("acc.staff.newAccountLead")}</p>
    <@layout.error text=(error!"")/>
    <form class="pf-v5-c-form acc-form" method="post" action="${acc}/staff/accounts/new" id="new-account-form" novalidate>
        <@layout.csrfField/>
        <h2 class="acc-h2">${msg("acc.staff.settings")}</h2>
        <@layout.field name="name" label=msg("acc.staff.accountName") value=(form.name)!"" required=true autocomplete="off"/>
        <div class="pf-v5-c-form__group">
            <label class="pf-v5-c-form__label" for="type"><span class="pf-v5-c-form__label-text">${msg("acc.account.type")}</span></label>
            <select class="pf-v5-c-form-control" id="type" name="type">
                <#list ["BUSINESS", "PERSONAL"] as t><option value="${t}" <#if ((form.type)!"") == t>selected</#if>>${msg("acc.account.type." + t)}</option></#list>
            </select>
            <#if errors?? && errors["type"]??><p class="acc-field-error">${errors["type"]}</p></#if>
        </div>
        <div class="pf-v5-c-form__group">
            <label class="pf-v5-c-form__label" for="domains"><span class="pf-v5-c-form__label-text">${msg("acc.account.domainsLabel")}</span></label>
            <textarea class="pf-v5-c-form-control<#if errors?? && errors["domains"]??> pf-m-error</#if>" id="domains" name="domains" rows="2"
                <#if errors?? && errors["domains"]??>aria-invalid="true" aria-describedby="domains-error"<#else>aria-describedby="domains-help"</#if>>${(form.domains)!""}</textarea>
            <#if errors?? && errors["domains"]??><p class="acc-field-error" id="domains-error">${errors["domains"]}</p>
            <#else><p class="acc-help" id="domains-help">${msg("acc.staff.domainsHelp")}</p></#if>
        </div>
        <@layout.field name="customerNumber" label=msg("acc.staff.customerNumber") value=(form.customerNumber)!""/>
        <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="accEnabled" name="accEnabled" <#if (form.accEnabled)!false>checked</#if>><label class="pf-v5-c-check__label" for="accEnabled">${msg("acc.staff.accEnabled")}</label></div>
        <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="allowExternalEmails" name="allowExternalEmails" <#if (form.allowExternalEmails)!false>checked</#if>><label class="pf-v5-c-check__label" for="allowExternalEmails">${msg("acc.staff.allowExternal")}</label></div>

        <h2 class="acc-h2">${msg("acc.staff.firstContact")}</h2>
        <p class="acc-help">${msg("acc.staff.firstContactHelp")}</p>
        <@layout.field name="firstName" label=msg("acc.field.firstName") value=(form.firstName)!"" required=true autocomplete="off"/>
        <@layout.field name="lastName" label=msg("acc.field.lastName") value=(form.lastName)!"" required=true autocomplete="off"/>
        <@layout.field name="email" label=msg("acc.field.emailLogin") value=(form.email)!"" type="email" required=true autocomplete="off"/>
        <@layout.field name="phone" label=msg("acc.field.phone") value=(form.phone)!"" type="tel"/>
        <div class="pf-v5-c-form__group">
            <label class="pf-v5-c-form__label" for="locale"><span class="pf-v5-c-form__label-text">${msg("acc.field.language")}</span></label>
            <select class="pf-v5-c-form-control" id="locale" name="locale">
                <option value="" <#if !((form.locale)!"")?has_content>selected</#if>>${msg("acc.field.languageDefault")}</option>
                <#list languages as l><option value="${l}" <#if ((form.locale)!"") == l>selected</#if>>${msg("locale_" + l)}</option></#list>
            </select>
            <#if errors?? && errors["locale"]??><p class="acc-field-error">${errors["locale"]}</p></#if>
        </div>
        <div class="acc-form-actions">
            <button class="pf-v5-c-button pf-m-primary" type="submit" id="create-account">${msg("acc.staff.createAccount")}</button>
            <a class="pf-v5-c-button pf-m-link" href="${acc}/staff/accounts">${msg("acc.cancel")}</a>
        </div>
    </form>
</@layout.page>
