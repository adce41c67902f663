<#ftl output_format="plainText">
<#-- Text part of the initial password e-mail. The password stands alone on its line so it can be copied (and found). -->
<#if user.firstName?has_content>${msg("terminalInitialPasswordGreeting", user.firstName)}<#else>${msg("terminalInitialPasswordGreetingNoName")}</#if>

${msg("terminalInitialPasswordIntro", activatedBy, accountName)}

${initialPassword}

<#if user.email?has_content>
${msg("terminalInitialPasswordUsername", user.email)}

</#if>
${msg("terminalInitialPasswordLogin")} ${loginUrl}

${msg("terminalInitialPasswordChange", expiresInHours)}

--
${msg("terminalEmailFooter", realmName!"")}
