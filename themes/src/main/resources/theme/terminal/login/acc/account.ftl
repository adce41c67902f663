<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.account.title") active="account">
    <h1 class="acc-h1">${msg("acc.account.title")}</h1>
    <@layout.error text=(error!"")/>
    <div class="acc-grid">
        <section class="acc-panel" aria-labelledby="h-type">
            <h2 class="acc-h2" id="h-type">${msg("acc.account.type")}</h2>
            <p id="account-type">${msg("acc.account.type." + account.type().name())}</p>
            <#if canManageSettings && account.type().name() == "PERSONAL">
                <p class="acc-help">${msg("acc.account.upgradeHelp")}</p>
                <form method="post" action="${acc}/account/type"><@layout.csrfField/>
                    <button class="pf-v5-c-button pf-m-primary" type="submit" id="upgrade">${msg("acc.account.upgrade")}</button>
                </form>
            </#if>
        </section>
        <section class="acc-panel" aria-labelledby="h-domains">
            <h2 class="acc-h2" id="h-domains">${msg("acc.account.domains")}</h2>
            <#if account.domains()?has_content>
            <ul class="acc-domains" id="domain-list">
                <#list account.verifiedDomains() as d>
                    <li id="domain-${d?index}"><span class="acc-domain">${d}</span> <span class="pf-v5-c-label pf-m-green acc-domain-state">${msg("acc.account.domainVerified")}</span></li>
                </#list>
                <#list account.pendingDomains() as p>
                    <li id="pending-${p?index}" class="acc-domain-pending">
                        <span class="acc-domain">${p.domain()}</span> <span class="pf-v5-c-label pf-m-orange acc-domain-state">${msg("acc.account.domainPending")}</span>
                        <#if canManageSettings>
                        <p class="acc-help">${msg("acc.account.domainRecordHelp")}</p>
                        <dl class="acc-dns-record">
                            <dt>${msg("acc.account.domainRecordType")}</dt><dd><code>TXT</code></dd>
                            <dt>${msg("acc.account.domainRecordName")}</dt><dd><code class="acc-record-name">${p.recordName()}</code></dd>
                            <dt>${msg("acc.account.domainRecordValue")}</dt><dd><code class="acc-record-value">${p.recordValue()!""}</code></dd>
                        </dl>
                        <form method="post" action="${acc}/account/domains/verify"><@layout.csrfField/>
                            <input type="hidden" name="domain" value="${p.domain()}">
                            <button class="pf-v5-c-button pf-m-secondary" type="submit" id="verify-${p?index}">${msg("acc.account.domainCheck")}</button>
                        </form>
                        </#if>
                    </li>
                </#list>
            </ul>
            </#if>
            <#if canManageSettings>
            <form method="post" action="${acc}/account/domains" class="pf-v5-c-form acc-form">
                <@layout.csrfField/>
                <div class="pf-v5-c-form__group">
                    <label class="pf-v5-c-form__label" for="domains"><span class="pf-v5-c-form__label-text">${msg("acc.account.domainsLabel")}</span></label>
                    <textarea class="pf-v5-c-form-control" id="domains" name="domains" rows="3" aria-describedby="domains-help">${domainsText}</textarea>
                    <p class="acc-help" id="domains-help">${msg("acc.account.domainsHelp")}</p>
                    <#list errors?keys as k><p class="acc-field-error">${errors[k]}</p></#list>
                </div>
                <button class="pf-v5-c-button pf-m-secondary" type="submit" id="save-domains">${msg("acc.save")}</button>
            </form>
            </#if>
        </section>
        <section class="acc-panel" aria-labelledby="h-two-factor">
            <h2 class="acc-h2" id="h-two-factor">${msg("acc.account.twoFactor")}</h2>
            <p class="acc-help">${msg("acc.account.twoFactorHelp")}</p>
            <#if canManageSettings>
            <form method="post" action="${acc}/account/two-factor" class="pf-v5-c-form acc-form"><@layout.csrfField/>
                <div class="pf-v5-c-check">
                    <input class="pf-v5-c-check__input" type="checkbox" id="requireTwoFactor" name="requireTwoFactor" <#if account.requireTwoFactor()>checked</#if>>
                    <label class="pf-v5-c-check__label" for="requireTwoFactor">${msg("acc.account.twoFactorLabel")}</label>
                </div>
                <button class="pf-v5-c-button pf-m-secondary" type="submit" id="save-two-factor">${msg("acc.save")}</button>
            </form>
            <#else>
            <p id="two-factor-state">${account.requireTwoFactor()?then(msg("acc.yes"), msg("acc.no"))}</p>
            </#if>
        </section>
    </div>
    <#if canRequestOwner>
    <section class="acc-panel" aria-labelledby="h-owner">
        <h2 class="acc-h2" id="h-owner">${msg("acc.account.ownerRequest")}</h2>
        <p class="acc-help">${msg("acc.account.ownerRequestHelp")}</p>
        <#if candidates?has_content>
        <form method="post" action="${acc}/account/owner-requests" class="pf-v5-c-form acc-form">
            <@layout.csrfField/>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="contactId"><span class="pf-v5-c-form__label-text">${msg("acc.account.ownerRequestContact")}</span></label>
                <select class="pf-v5-c-form-control" id="contactId" name="contactId">
                    <#list candidates as c><option value="${c.id}">${c.firstName} ${c.lastName} (${c.email})</option></#list>
                </select>
            </div>
            <div class="pf-v5-c-form__group">
                <label class="pf-v5-c-form__label" for="reason"><span class="pf-v5-c-form__label-text">${msg("acc.account.ownerRequestReason")}</span><span class="pf-v5-c-form__label-required" aria-hidden="true"> *</span></label>
                <textarea class="pf-v5-c-form-control" id="reason" name="reason" rows="3" required></textarea>
            </div>
            <button class="pf-v5-c-button pf-m-primary" type="submit">${msg("acc.account.ownerRequestSubmit")}</button>
        </form>
        </#if>
        <#if ownerRequests?has_content>
            <h3 class="acc-h3">${msg("acc.account.ownerRequests")}</h3>
            <table class="pf-v5-c-table pf-m-compact acc-table" id="owner-requests">
                <thead><tr><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.account.ownerRequestReason")}</th><th scope="col">${msg("acc.status")}</th><th scope="col">${msg("acc.account.decision")}</th></tr></thead>
                <tbody>
                <#list ownerRequests as r>
                    <tr><td>${(r.requestedName())!(r.contactName())!""}</td><td>${r.reason()}</td><td>${msg("acc.request." + r.status())}</td><td>${(r.decisionReason())!"–"}</td></tr>
                </#list>
                </tbody>
            </table>
        </#if>
    </section>
    </#if>
</@layout.page>
