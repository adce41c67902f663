<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=c.firstName() + " " + c.lastName() active="contacts">
    <div class="acc-titlebar">
        <h1 class="acc-h1">${c.firstName()} ${c.lastName()}</h1>
        <div>
            <#if canEdit><a class="pf-v5-c-button pf-m-secondary" href="${acc}/contacts/${c.id()}/edit">${msg("acc.action.edit")}</a></#if>
            <#if canActivate><a class="pf-v5-c-button pf-m-primary acc-green" href="${acc}/contacts/${c.id()}/activate">${msg("acc.action.activateLogin")}</a></#if>
        </div>
    </div>
    <@layout.error text=(error!"")/>
    <div class="acc-grid">
        <section class="acc-panel" aria-labelledby="h-contact">
            <h2 class="acc-h2" id="h-contact">${msg("acc.detail.contact")}</h2>
            <dl class="acc-summary">
                <dt>${msg("acc.field.email")}</dt><dd id="detail-email">${c.email()}</dd>
                <dt>${msg("acc.field.phone")}</dt><dd>${(c.phone())!"–"}</dd>
                <dt>${msg("acc.field.jobTitle")}</dt><dd>${(c.jobTitle())!"–"}</dd>
                <dt>${msg("acc.field.support")}</dt><dd>${c.supportPermission()?then(msg("acc.yes"), msg("acc.no"))}</dd>
                <dt>${msg("acc.field.login")}</dt><dd><@layout.statusBadge status=c.loginStatus().name()/></dd>
                <dt>${msg("acc.field.role")}</dt><dd id="detail-role"><@layout.roleBadge role=(c.role())!""/><#if !(c.role())??>–</#if></dd>
                <#if c.passwordChangeRequired()><dt>${msg("acc.detail.onboarding")}</dt><dd>${msg("acc.detail.passwordChangePending")}</dd></#if>
                <#if c.loginStatus().name() == "ACTIVE"><dt>${msg("acc.detail.twoFactor")}</dt><dd id="detail-two-factor">${c.twoFactor()?then(msg("acc.detail.twoFactorOn"), msg("acc.detail.twoFactorOff"))}</dd></#if>
            </dl>
            <#if canDelete>
                <form method="post" action="${acc}/contacts/${c.id()}/delete" class="acc-inline-form">
                    <@layout.csrfField/>
                    <button class="pf-v5-c-button pf-m-danger" type="submit" id="delete-contact">${msg("acc.action.delete")}</button>
                </form>
            </#if>
        </section>

        <#if c.loginStatus().name() == "ACTIVE">
        <section class="acc-panel" aria-labelledby="h-rights">
            <h2 class="acc-h2" id="h-rights">${msg("acc.detail.rights")}</h2>
            <#if canManageLogin && (grantableRoles?size > 0)>
                <form method="post" action="${acc}/contacts/${c.id()}/role" class="pf-v5-c-form acc-form">
                    <@layout.csrfField/>
                    <div class="pf-v5-c-form__group">
                        <label class="pf-v5-c-form__label" for="role"><span class="pf-v5-c-form__label-text">${msg("acc.field.role")}</span></label>
                        <select class="pf-v5-c-form-control" id="role" name="role">
                            <#list grantableRoles as r><option value="${r}" <#if (c.role())! == r>selected</#if>>${msg("acc.role.terminal." + r)}</option></#list>
                        </select>
                    </div>
                    <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.detail.changeRole")}</button>
                </form>
            </#if>
            <h3 class="acc-h3">${msg("acc.field.modules")}</h3>
            <#if canManageLogin>
                <form method="post" action="${acc}/contacts/${c.id()}/modules" class="pf-v5-c-form acc-form" id="modules-form">
                    <@layout.csrfField/>
                    <p class="acc-help">${msg("acc.wizard.leastPrivilege")}</p>
                    <#list modules as mod>
                        <div class="pf-v5-c-check"><input class="pf-v5-c-check__input" type="checkbox" id="m-${mod.name}" name="modules" value="${mod.name}" <#if mod.chosen>checked</#if> <#if !mod.grantable>disabled</#if>><label class="pf-v5-c-check__label" for="m-${mod.name}">${mod.label}</label></div>
                        <#list mod.rights as r>
                            <div class="pf-v5-c-check acc-indent"><input class="pf-v5-c-check__input" type="checkbox" id="m-${r.name?replace(':', '-')}" name="modules" value="${r.name}" <#if r.chosen>checked</#if> <#if !r.grantable>disabled</#if>><label class="pf-v5-c-check__label" for="m-${r.name?replace(':', '-')}">${r.label}</label></div>
                        </#list>
                        <#-- a held-but-not-grantable permission must survive the form: send it along -->
                        <#if !mod.grantable && mod.chosen><input type="hidden" name="modules" value="${mod.name}"></#if>
                        <#list mod.rights as r><#if !r.grantable && r.chosen><input type="hidden" name="modules" value="${r.name}"></#if></#list>
                    </#list>
                    <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.detail.saveModules")}</button>
                </form>
            <#else>
                <ul class="acc-list"><#list modules as mod><#if mod.chosen><li>${mod.label}</li></#if><#list mod.rights as r><#if r.chosen><li>${r.label}</li></#if></#list></#list></ul>
                <#if !c.modules()?has_content><p class="acc-muted">${msg("acc.none")}</p></#if>
            </#if>
        </section>

        <section class="acc-panel" aria-labelledby="h-clouds">
            <h2 class="acc-h2" id="h-clouds">${msg("acc.detail.clouds")}</h2>
            <#if clouds?has_content>
                <ul class="acc-list" id="user-clouds"><#list clouds as cl><li><a href="${acc}/clouds/${cl.id}">${cl.name}</a> · ${msg("acc.cloud.type." + cl.type)} <@layout.perms p=cl.permissions/></li></#list></ul>
            <#else>
                <p class="acc-muted">${msg("acc.detail.noClouds")}</p>
            </#if>
        </section>

        <#if canManageLogin>
        <section class="acc-panel" aria-labelledby="h-login">
            <h2 class="acc-h2" id="h-login">${msg("acc.detail.login")}</h2>
            <form method="post" action="${acc}/contacts/${c.id()}/password" class="pf-v5-c-form acc-form" autocomplete="off">
                <@layout.csrfField/>
                <@layout.field name="password" label=msg("acc.field.newPassword") type="password" autocomplete="new-password"/>
                <@layout.field name="passwordConfirm" label=msg("acc.field.passwordConfirm") type="password" autocomplete="new-password"/>
                <div class="pf-v5-c-check">
                    <input class="pf-v5-c-check__input" type="checkbox" id="permanent" name="permanent">
                    <label class="pf-v5-c-check__label" for="permanent">${msg("acc.detail.passwordPermanent")}</label>
                    <span class="pf-v5-c-check__description">${msg("acc.detail.passwordTemporaryHelp")}</span>
                </div>
                <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.detail.setPassword")}</button>
            </form>
            <#if c.passwordChangeRequired()>
                <#-- issue 12: the e-mail is sent after the activation committed; its outcome, for display -->
                <#assign mail = (c.onboardingEmail().name())!"">
                <#if mail == "FAILED">
                    <div class="pf-v5-c-alert pf-m-warning pf-m-inline acc-alert" role="status" id="onboarding-mail-failed"><p class="pf-v5-c-alert__title">${msg("acc.detail.onboardingMailFailed")}</p></div>
                <#elseif mail == "PENDING">
                    <div class="pf-v5-c-alert pf-m-info pf-m-inline acc-alert" role="status" id="onboarding-mail-pending"><p class="pf-v5-c-alert__title">${msg("acc.detail.onboardingMailPending")}</p></div>
                <#elseif mail == "SENT">
                    <p class="acc-help" id="onboarding-mail-sent">${msg("acc.detail.onboardingMailSent")}</p>
                </#if>
                <form method="post" action="${acc}/contacts/${c.id()}/resend" class="acc-inline-form">
                    <@layout.csrfField/>
                    <button class="pf-v5-c-button pf-m-link" type="submit">${msg("acc.detail.resend")}</button>
                </form>
            </#if>
            <#if c.twoFactor()>
                <form method="post" action="${acc}/contacts/${c.id()}/two-factor/reset" class="acc-inline-form">
                    <@layout.csrfField/>
                    <button class="pf-v5-c-button pf-m-secondary" type="submit" id="reset-two-factor">${msg("acc.detail.twoFactorReset")}</button>
                </form>
            </#if>
            <form method="post" action="${acc}/contacts/${c.id()}/deactivate" class="acc-inline-form">
                <@layout.csrfField/>
                <button class="pf-v5-c-button pf-m-danger" type="submit" id="deactivate">${msg("acc.action.deactivateLogin")}</button>
            </form>
        </section>
        </#if>
        </#if>
    </div>

    <@layout.activityLog base="${acc}/contacts/${c.id()}"/>
</@layout.page>
