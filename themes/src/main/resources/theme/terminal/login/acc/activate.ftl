<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#--
  The login activation wizard (seed steps 6-9): contact details, role, module permissions, summary. Every step
  carries all entered data in hidden fields, so "back" and "next" keep it.
-->
<#assign steps = ["details", "role", "modules", "summary"]>
<@layout.page title=msg("acc.wizard.title") active="contacts">
    <h1 class="acc-h1">${msg("acc.wizard.title")}</h1>
    <p class="acc-lead">${msg("acc.wizard.for", c.firstName() + " " + c.lastName(), c.email())}</p>
    <ol class="acc-steps" aria-label="${msg('acc.wizard.steps')}">
        <#list steps as s>
            <li class="<#if s == step>acc-step--current<#elseif (steps?seq_index_of(s) < steps?seq_index_of(step))>acc-step--done</#if>" <#if s == step>aria-current="step"</#if>>
                <span class="acc-step__num">${s?index + 1}</span> ${msg("acc.wizard.step." + s)}
            </li>
        </#list>
    </ol>
    <@layout.error text=(error!"")/>
    <form class="pf-v5-c-form acc-form" method="post" action="${acc}/contacts/${c.id()}/activate" id="wizard" novalidate>
        <@layout.csrfField/>
        <input type="hidden" name="step" value="${step}">
        <#-- data of the other steps travels along -->
        <#if step != "details">
            <input type="hidden" name="phone" value="${data.phone}">
            <input type="hidden" name="jobTitle" value="${data.jobTitle}">
            <input type="hidden" name="locale" value="${data.locale}">
        </#if>
        <#if step != "role"><input type="hidden" name="role" value="${data.role}"></#if>
        <#if step != "modules"><#list data.modules as m><input type="hidden" name="modules" value="${m}"></#list></#if>

        <#if step == "details">
            <h2 class="acc-h2">${msg("acc.wizard.step.details")}</h2>
            <p class="acc-help">${msg("acc.wizard.detailsHelp")}</p>
            <@layout.field name="firstNameShown" label=msg("acc.field.name") value=c.firstName() + " " + c.lastName() readonly=true/>
            <@layout.field name="emailShown" label=msg("acc.field.emailLogin") value=c.email() readonly=true help=msg("acc.wizard.emailIsLogin")/>
            <@layout.field name="phone" label=msg("acc.field.phone") value=data.phone type="tel"/>
            <@layout.field name="jobTitle" label=msg("acc.field.jobTitle") value=data.jobTitle/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="locale"><span class="pf-v5-c-form__label-text">${msg("acc.field.language")}</span></label>
                <select class="pf-v5-c-form-control" id="locale" name="locale">
                    <option value="" <#if !data.locale?has_content>selected</#if>>${msg("acc.field.languageDefault")}</option>
                    <#list languages as l><option value="${l}" <#if data.locale == l>selected</#if>>${msg("locale_" + l)}</option></#list>
                </select>
            </div>
        <#elseif step == "role">
            <h2 class="acc-h2">${msg("acc.wizard.step.role")}</h2>
            <fieldset class="acc-radios">
                <legend class="acc-help">${msg("acc.wizard.roleHelp")}</legend>
                <#list grantableRoles as r>
                    <div class="pf-v5-c-radio">
                        <input class="pf-v5-c-radio__input" type="radio" id="role-${r}" name="role" value="${r}" <#if data.role == r>checked</#if>>
                        <label class="pf-v5-c-radio__label" for="role-${r}">${msg("acc.role.terminal." + r)}</label>
                        <span class="pf-v5-c-radio__description">${msg("acc.role.help." + r)}</span>
                    </div>
                </#list>
            </fieldset>
            <p class="acc-help">${msg("acc.wizard.ownerHint")}</p>
        <#elseif step == "modules">
            <h2 class="acc-h2">${msg("acc.wizard.step.modules")}</h2>
            <div class="pf-v5-c-alert pf-m-info pf-m-inline acc-alert" id="least-privilege"><p class="pf-v5-c-alert__title">${msg("acc.wizard.leastPrivilege")}</p></div>
            <#list modules as mod>
                <fieldset class="acc-module">
                    <legend>${mod.label}</legend>
                    <div class="pf-v5-c-check">
                        <input class="pf-v5-c-check__input" type="checkbox" id="mod-${mod.name}" name="modules" value="${mod.name}" <#if mod.chosen>checked</#if> <#if !mod.grantable>disabled</#if>>
                        <label class="pf-v5-c-check__label" for="mod-${mod.name}">${msg("acc.wizard.moduleAccess", mod.label)}</label>
                    </div>
                    <#list mod.rights as r>
                        <div class="pf-v5-c-check acc-indent">
                            <input class="pf-v5-c-check__input" type="checkbox" id="mod-${r.name?replace(':', '-')}" name="modules" value="${r.name}" <#if r.chosen>checked</#if> <#if !r.grantable>disabled</#if>>
                            <label class="pf-v5-c-check__label" for="mod-${r.name?replace(':', '-')}">${r.label}</label>
                        </div>
                    </#list>
                    <#if !mod.grantable><p class="acc-help">${msg("acc.wizard.notHeld")}</p></#if>
                </fieldset>
            </#list>
        <#else>
            <h2 class="acc-h2">${msg("acc.wizard.step.summary")}</h2>
            <p class="acc-help">${msg("acc.wizard.summaryHelp")}</p>
            <dl class="acc-summary" id="summary">
                <dt>${msg("acc.field.name")}</dt><dd>${c.firstName()} ${c.lastName()}</dd>
                <dt>${msg("acc.field.emailLogin")}</dt><dd>${c.email()}</dd>
                <dt>${msg("acc.field.phone")}</dt><dd>${data.phone?has_content?then(data.phone, "–")}</dd>
                <dt>${msg("acc.field.jobTitle")}</dt><dd>${data.jobTitle?has_content?then(data.jobTitle, "–")}</dd>
                <dt>${msg("acc.field.role")}</dt><dd>${data.role?has_content?then(msg("acc.role.terminal." + data.role), "–")}</dd>
                <dt>${msg("acc.field.modules")}</dt>
                <dd><#if data.modules?has_content><ul><#list modules as mod><#if mod.chosen><li>${mod.label}</li></#if><#list mod.rights as r><#if r.chosen><li>${r.label}</li></#if></#list></#list></ul><#else>${msg("acc.none")}</#if></dd>
            </dl>
            <p class="acc-help">${msg("acc.wizard.emailNotice", c.email())}</p>
        </#if>

        <div class="acc-form-actions">
            <#if step != "details"><button class="pf-v5-c-button pf-m-secondary" type="submit" name="action" value="back" formnovalidate>${msg("acc.wizard.back")}</button></#if>
            <#if step == "summary">
                <button class="pf-v5-c-button pf-m-primary" type="submit" name="action" value="confirm" id="confirm">${msg("acc.wizard.confirm")}</button>
            <#else>
                <button class="pf-v5-c-button pf-m-primary" type="submit" name="action" value="next" id="next">${msg("acc.wizard.next")}</button>
            </#if>
            <a class="pf-v5-c-button pf-m-link" href="${acc}/contacts">${msg("acc.cancel")}</a>
        </div>
    </form>
</@layout.page>
