<#import "template.ftl" as layout>
<#-- S-LOG-3: the initial password e-mail. Attributes: user, initialPassword, activatedBy, accountName, loginUrl, expiresInHours. -->
<@layout.emailLayout>
<p style="margin:0 0 16px;"><#if user.firstName?has_content>${msg("terminalInitialPasswordGreeting", user.firstName)}<#else>${msg("terminalInitialPasswordGreetingNoName")}</#if></p>
<p style="margin:0 0 12px;">${msg("terminalInitialPasswordIntro", activatedBy, accountName)}</p>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">
  <tr>
    <td style="padding:12px 18px;background-color:#f1f8e9;border:1px solid #a5d6a7;border-radius:6px;font-family:Consolas,'Courier New',monospace;font-size:18px;letter-spacing:1px;color:#1f2328;">${initialPassword}</td>
  </tr>
</table>
<#if user.email?has_content>
<p style="margin:0 0 20px;">${msg("terminalInitialPasswordUsername", user.email)}</p>
</#if>
<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 20px;">
  <tr>
    <td style="border-radius:4px;background-color:#2e7d32;">
      <a href="${loginUrl}" style="display:inline-block;padding:12px 24px;border-radius:4px;font-family:Arial,Helvetica,sans-serif;font-size:16px;font-weight:bold;color:#ffffff;text-decoration:none;">${msg("terminalInitialPasswordButton")}</a>
    </td>
  </tr>
</table>
<p style="margin:0 0 16px;">${msg("terminalInitialPasswordChange", expiresInHours)}</p>
<p style="margin:0;font-size:13px;color:#57606a;">${msg("terminalInitialPasswordLinkHint")} <a href="${loginUrl}" style="color:#1b5e20;word-break:break-all;">${loginUrl}</a></p>
</@layout.emailLayout>
