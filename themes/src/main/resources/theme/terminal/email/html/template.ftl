<#--
  Layout of every HTML e-mail of the realm: Keycloak's own mails (password reset, e-mail verification, required
  actions, ...) call emailLayout as well, so they get the Terminal look too. Tables and inline styles because mail
  clients ignore most of CSS; no external images. Values are escaped by FreeMarker's HTML output format.
-->
<#macro emailLayout>
<!DOCTYPE html>
<html lang="${locale.language}" dir="${(ltr!true)?then('ltr','rtl')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${msg("terminalEmailBrand")}</title>
</head>
<body style="margin:0;padding:0;background-color:#f6f8fa;">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f6f8fa;">
  <tr>
    <td align="center" style="padding:24px 12px;">
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border:1px solid #d0d7de;border-radius:8px;">
        <tr>
          <td style="background-color:#1b5e20;border-radius:8px 8px 0 0;padding:16px 28px;font-family:Arial,Helvetica,sans-serif;font-size:22px;line-height:1.3;font-weight:bold;color:#ffffff;">
            <span style="display:inline-block;width:26px;height:26px;line-height:26px;margin-right:10px;border:1px solid #a5d6a7;border-radius:6px;text-align:center;font-family:Consolas,'Courier New',monospace;font-size:15px;color:#a5d6a7;vertical-align:middle;" aria-hidden="true">&gt;_</span><span style="vertical-align:middle;">${msg("terminalEmailBrand")}</span>
          </td>
        </tr>
        <tr>
          <td style="padding:28px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1f2328;">
<#nested>
          </td>
        </tr>
      </table>
      <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
        <tr>
          <td style="padding:16px 28px;font-family:Arial,Helvetica,sans-serif;font-size:13px;line-height:1.5;color:#57606a;text-align:center;">
            ${msg("terminalEmailFooter", realmName!"")}
          </td>
        </tr>
      </table>
    </td>
  </tr>
</table>
</body>
</html>
</#macro>
