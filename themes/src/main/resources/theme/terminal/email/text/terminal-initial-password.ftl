<#ftl output_format="plainText">
${msg("terminalInitialPasswordGreeting", user.firstName!"")}

${msg("terminalInitialPasswordIntro", activatedBy, accountName)}

${initialPassword}

${msg("terminalInitialPasswordLogin")} ${loginUrl}

${msg("terminalInitialPasswordChange", expiresInHours)}
