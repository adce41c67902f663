<#ftl output_format="HTML">
<#--
  Layout of every Access Control Center page: header with the customer zone's "Settings" menu, the ACC navigation,
  notices and errors, the page content. Values are escaped by FreeMarker's HTML output format.
-->
<#macro page title active="">
<!DOCTYPE html>
<html lang="${lang}">
<head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="robots" content="noindex, nofollow">
    <#if csrf??><meta name="csrf-token" content="${csrf}"></#if>
    <title>${title} · ${msg("acc.title")}</title>
    <link rel="stylesheet" href="${resourcesCommonPath}/vendor/patternfly-v5/patternfly.min.css">
    <link rel="stylesheet" href="${resourcesPath}/css/acc.css">
</head>
<body>
<a class="acc-skip" href="#main">${msg("acc.skipToContent")}</a>
<header class="acc-header">
    <div class="acc-header__inner">
        <a class="acc-brand" href="${acc}/">
            <img src="${resourcesPath}/img/terminal-logo.svg" alt="" width="28" height="28">
            <span>${realmName}</span>
        </a>
        <#if nav??>
        <nav class="acc-menus" aria-label="${msg('acc.menu.label')}">
            <details class="acc-dropdown">
                <summary class="acc-dropdown__toggle">${msg("acc.menu.settings")}</summary>
                <ul class="acc-dropdown__menu" role="list">
                    <#if nav.acc><li><a href="${acc}/contacts">${msg("acc.menu.accessControlCenter")}</a></li></#if>
                    <#if nav.account><li><a href="${acc}/account">${msg("acc.menu.accountSettings")}</a></li></#if>
                    <#if nav.staff><li><a href="${acc}/staff/accounts">${msg("acc.menu.staff")}</a></li></#if>
                    <li><a href="${logoutUrl}">${msg("acc.menu.logout")}</a></li>
                </ul>
            </details>
            <span class="acc-user"><#if me??>${me.firstName} ${me.lastName}</#if><#if nav.accountName??> · ${nav.accountName}</#if></span>
        </nav>
        </#if>
    </div>
</header>
<#if nav?? && active != "home" && !active?starts_with("staff") && nav.acc>
<nav class="acc-tabs" aria-label="${msg('acc.title')}">
    <ul role="list">
        <#if nav.contacts><li><a href="${acc}/contacts" <#if active == "contacts">aria-current="page"</#if>>${msg("acc.nav.contacts")}</a></li></#if>
        <#if nav.clouds><li><a href="${acc}/clouds" <#if active == "clouds">aria-current="page"</#if>>${msg("acc.nav.clouds")}</a></li></#if>
        <#if nav.shares><li><a href="${acc}/shares" <#if active == "shares">aria-current="page"</#if>>${msg("acc.nav.shares")}</a></li></#if>
        <#if nav.account><li><a href="${acc}/account" <#if active == "account">aria-current="page"</#if>>${msg("acc.nav.account")}</a></li></#if>
    </ul>
</nav>
</#if>
<#if nav?? && active?starts_with("staff")>
<nav class="acc-tabs" aria-label="${msg('acc.menu.staff')}">
    <ul role="list">
        <li><a href="${acc}/staff/accounts" <#if active == "staff-accounts">aria-current="page"</#if>>${msg("acc.staff.accounts")}</a></li>
        <li><a href="${acc}/staff/owner-requests" <#if active == "staff-requests">aria-current="page"</#if>>${msg("acc.staff.ownerRequests")}</a></li>
    </ul>
</nav>
</#if>
<main id="main" class="acc-main">
    <#if notice??>
        <div class="pf-v5-c-alert pf-m-success pf-m-inline acc-alert" role="status"><p class="pf-v5-c-alert__title">${msg(notice)}</p></div>
    </#if>
    <#nested>
</main>
<footer class="acc-footer">
    <span>${msg("acc.footer", realmName)}</span>
    <#if languages?? && (languages?size > 1)>
    <span class="acc-languages">
        <#if csrf??>
        <#-- a post with the CSRF token stores the choice; a GET never changes the user -->
        <form method="post" action="${acc}/language" class="acc-languages__form">
            <input type="hidden" name="csrf" value="${csrf}">
            <input type="hidden" name="back" value="${here!""}">
            <#list languages as l><button type="submit" name="locale" value="${l}" lang="${l}" class="acc-languages__choice" <#if l == lang>aria-current="true"</#if>>${l?upper_case}</button><#sep> · </#sep></#list>
        </form>
        <#else>
        <#list languages as l><a href="?kc_locale=${l}" lang="${l}" <#if l == lang>aria-current="true"</#if>>${l?upper_case}</a><#sep> · </#sep></#list>
        </#if>
    </span>
    </#if>
</footer>
</body>
</html>
</#macro>

<#macro error text>
    <#if text?has_content>
        <div class="pf-v5-c-alert pf-m-danger pf-m-inline acc-alert" role="alert"><p class="pf-v5-c-alert__title">${text}</p></div>
    </#if>
</#macro>

<#macro csrfField><input type="hidden" name="csrf" value="${csrf}"></#macro>

<#macro field name label value="" type="text" required=false autocomplete="" help="" readonly=false>
    <div class="pf-v5-c-form__group">
        <label class="pf-v5-c-form__label" for="${name}"><span class="pf-v5-c-form__label-text">${label}</span><#if required><span class="pf-v5-c-form__label-required" aria-hidden="true"> *</span></#if></label>
        <input class="pf-v5-c-form-control<#if errors?? && errors[name]??> pf-m-error</#if>" id="${name}" name="${name}" type="${type}" value="${value}"
               <#if required>required aria-required="true"</#if> <#if autocomplete?has_content>autocomplete="${autocomplete}"</#if>
               <#if readonly>readonly</#if>
               <#if errors?? && errors[name]??>aria-invalid="true" aria-describedby="${name}-error"<#elseif help?has_content>aria-describedby="${name}-help"</#if>>
        <#if errors?? && errors[name]??>
            <p class="acc-field-error" id="${name}-error">${errors[name]}</p>
        <#elseif help?has_content>
            <p class="acc-help" id="${name}-help">${help}</p>
        </#if>
    </div>
</#macro>

<#-- A contact's activity log (S-ACT-2), newest first, paged; the page sets activity, activityPage, activityHasMore. -->
<#macro activityLog base>
    <section class="acc-panel" aria-labelledby="h-activity">
        <h2 class="acc-h2" id="h-activity">${msg("acc.detail.activity")}</h2>
        <#if activity?has_content>
        <div class="acc-table-wrap">
        <table class="pf-v5-c-table pf-m-compact acc-table" id="activity">
            <thead><tr><th scope="col">${msg("acc.activity.when")}</th><th scope="col">${msg("acc.activity.what")}</th><th scope="col">${msg("acc.activity.who")}</th><th scope="col">${msg("acc.activity.change")}</th></tr></thead>
            <tbody>
            <#list activity as e>
                <tr>
                    <td>${e.time}</td>
                    <td>${e.what}</td>
                    <td>${e.who}</td>
                    <td class="acc-change"><#list e.changes as ch><span>${ch}</span><#sep><br></#sep></#list><#if e.error?has_content><span class="acc-danger">${e.error}</span></#if></td>
                </tr>
            </#list>
            </tbody>
        </table>
        </div>
        <nav class="acc-pager">
            <#if (activityPage > 0)><a class="pf-v5-c-button pf-m-secondary" href="${base}?page=${activityPage - 1}#h-activity">${msg("acc.pager.newer")}</a></#if>
            <#if activityHasMore><a class="pf-v5-c-button pf-m-secondary" href="${base}?page=${activityPage + 1}#h-activity">${msg("acc.pager.older")}</a></#if>
        </nav>
        <#else>
            <p class="acc-muted">${msg("acc.detail.noActivity")}</p>
        </#if>
    </section>
</#macro>

<#macro pager page pages base>
    <#if (pages > 1)>
    <nav class="acc-pager" aria-label="${msg('acc.pager.label')}">
        <#if (page > 0)><a class="pf-v5-c-button pf-m-secondary" href="${base}page=${page - 1}">${msg("acc.pager.previous")}</a></#if>
        <span>${msg("acc.pager.position", page + 1, pages)}</span>
        <#if (page + 1 < pages)><a class="pf-v5-c-button pf-m-secondary" href="${base}page=${page + 1}">${msg("acc.pager.next")}</a></#if>
    </nav>
    </#if>
</#macro>

<#macro roleBadge role=""><#if role?has_content><span class="acc-badge acc-badge--${role}">${msg("acc.role." + role)}</span></#if></#macro>

<#macro statusBadge status><span class="acc-badge acc-status--${status?lower_case}">${msg("acc.login." + status)}</span></#macro>

<#macro perms p>
    <span class="acc-perms" title="${msg('acc.perms.title')}">
        <span class="acc-perm acc-perm--on">${msg("acc.perm.read")}</span>
        <span class="acc-perm <#if p?contains('w')>acc-perm--on<#else>acc-perm--off</#if>">${msg("acc.perm.write")}</span>
        <span class="acc-perm <#if p?contains('o')>acc-perm--on<#else>acc-perm--off</#if>">${msg("acc.perm.order")}</span>
    </span>
</#macro>
