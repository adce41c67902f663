<#import "template.ftl" as layout>
<@layout.emailLayout>
<p>${msg("terminalInitialPasswordGreeting", user.firstName!"")}</p>
<p>${msg("terminalInitialPasswordIntro", activatedBy, accountName)}</p>
<p><code>${initialPassword}</code></p>
<p>${msg("terminalInitialPasswordLogin")} <a href="${loginUrl}">${loginUrl}</a></p>
<p>${msg("terminalInitialPasswordChange", expiresInHours)}</p>
</@layout.emailLayout>
