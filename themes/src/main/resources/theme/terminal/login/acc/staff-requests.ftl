<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<@layout.page title=msg("acc.staff.ownerRequests") active="staff-requests">
    <h1 class="acc-h1">${msg("acc.staff.ownerRequests")}</h1>
    <@layout.error text=(error!"")/>
    <h2 class="acc-h2">${msg("acc.staff.pending")}</h2>
    <#if pending?has_content>
    <table class="pf-v5-c-table pf-m-grid-md acc-table" id="pending-requests">
        <thead><tr><th scope="col">${msg("acc.staff.account")}</th><th scope="col">${msg("acc.field.name")}</th><th scope="col">${msg("acc.account.ownerRequestReason")}</th><th scope="col">${msg("acc.staff.requestedBy")}</th><th scope="col">${msg("acc.actions")}</th></tr></thead>
        <tbody>
        <#list pending as r>
            <tr>
                <td data-label="${msg('acc.staff.account')}"><a href="${acc}/staff/accounts/${r.accountId()}">${(r.accountName())!""}</a></td>
                <td data-label="${msg('acc.field.name')}">${(r.requestedName())!(r.contactName())!""}<br><span class="acc-muted">${(r.requestedEmail())!(r.contactEmail())!""}</span>
                    <#if r.contactChanged()><p class="acc-field-error" id="changed-${r.id()}">${msg("acc.staff.contactChanged", (r.contactName())!"–", (r.contactEmail())!"–")}</p></#if></td>
                <td data-label="${msg('acc.account.ownerRequestReason')}">${r.reason()}</td>
                <td data-label="${msg('acc.staff.requestedBy')}">${(r.requestedByName())!""}</td>
                <td data-label="${msg('acc.actions')}"><div class="acc-decide">
                    <#if canDecide && !r.contactChanged()><form method="post" action="${acc}/staff/owner-requests/${r.id()}/approve" class="acc-inline-form"><@layout.csrfField/><button class="pf-v5-c-button pf-m-primary acc-green" type="submit">${msg("acc.staff.approve")}</button></form></#if>
                    <#if canDecide><form method="post" action="${acc}/staff/owner-requests/${r.id()}/reject" class="acc-inline-form acc-form--row">
                        <@layout.csrfField/>
                        <label class="acc-visually-hidden" for="reason-${r.id()}">${msg("acc.staff.rejectReason")}</label>
                        <input class="pf-v5-c-form-control" id="reason-${r.id()}" name="reason" placeholder="${msg('acc.staff.rejectReason')}" required>
                        <button class="pf-v5-c-button pf-m-secondary" type="submit">${msg("acc.staff.reject")}</button>
                    </form></#if>
                </div></td>
            </tr>
        </#list>
        </tbody>
    </table>
    <#else><p class="acc-muted">${msg("acc.staff.noPending")}</p></#if>
    <#if decided?has_content>
    <h2 class="acc-h2">${msg("acc.staff.decided")}</h2>
    <ul class="acc-list"><#list decided as r><li>${(r.accountName())!""}: ${(r.requestedName())!(r.contactName())!""} · ${msg("acc.request." + r.status())}<#if r.decisionReason()??> · ${r.decisionReason()}</#if></li></#list></ul>
    </#if>
</@layout.page>
