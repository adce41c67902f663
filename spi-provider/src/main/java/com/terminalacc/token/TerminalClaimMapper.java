package com.terminalacc.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.AbstractOIDCProtocolMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAccessTokenMapper;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.protocol.oidc.mappers.TokenIntrospectionTokenMapper;
import org.keycloak.protocol.oidc.mappers.UserInfoTokenMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.IDToken;
import org.keycloak.services.Urls;

/**
 * S-TOK-1, S-TOK-2: adds the {@code terminal} claim — account, role, module permissions, cloud permissions — to
 * access tokens, userinfo and introspection. Past {@value #MAX_CLOUDS} clouds (configurable) or {@value #MAX_BYTES}
 * bytes of cloud map, the claim carries {@code cloudsRef} (count and permissions endpoint) instead of the map, so
 * tokens stay below proxy header limits.
 */
public class TerminalClaimMapper extends AbstractOIDCProtocolMapper
        implements OIDCAccessTokenMapper, UserInfoTokenMapper, TokenIntrospectionTokenMapper {

    public static final String PROVIDER_ID = "terminal-claim-mapper";
    public static final String CLAIM = "terminal";
    public static final String MAX_CLOUDS = "max.clouds";
    public static final String MAX_BYTES = "max.cloud.bytes";
    public static final int DEFAULT_MAX_CLOUDS = 50;
    public static final int DEFAULT_MAX_BYTES = 3000;

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        ProviderConfigProperty maxClouds = new ProviderConfigProperty();
        maxClouds.setName(MAX_CLOUDS);
        maxClouds.setLabel("Clouds in the token at most");
        maxClouds.setHelpText("Past this number of clouds the token carries a reference to the permissions endpoint instead of the cloud map.");
        maxClouds.setType(ProviderConfigProperty.STRING_TYPE);
        maxClouds.setDefaultValue(String.valueOf(DEFAULT_MAX_CLOUDS));
        CONFIG.add(maxClouds);
        ProviderConfigProperty maxBytes = new ProviderConfigProperty();
        maxBytes.setName(MAX_BYTES);
        maxBytes.setLabel("Cloud map bytes at most");
        maxBytes.setHelpText("Past this size of the cloud map (JSON bytes) the token carries the reference instead; keeps the whole token below 8 KB.");
        maxBytes.setType(ProviderConfigProperty.STRING_TYPE);
        maxBytes.setDefaultValue(String.valueOf(DEFAULT_MAX_BYTES));
        CONFIG.add(maxBytes);
        OIDCAttributeMapperHelper.addIncludeInTokensConfig(CONFIG, TerminalClaimMapper.class);
    }

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession, KeycloakSession session,
                            ClientSessionContext clientSessionCtx) {
        RealmModel realm = userSession.getRealm();
        String endpoint = Urls.realmBase(session.getContext().getUri().getBaseUri()).path(realm.getName()).path("acc/app/permissions")
                .build().toString();
        Map<String, Object> claim = new PermissionService(session, realm).claim(userSession.getUser(),
                intConfig(mappingModel, MAX_CLOUDS, DEFAULT_MAX_CLOUDS), intConfig(mappingModel, MAX_BYTES, DEFAULT_MAX_BYTES), endpoint);
        if (claim != null) {
            token.getOtherClaims().put(CLAIM, claim);
        }
    }

    private static int intConfig(ProtocolMapperModel model, String key, int fallback) {
        String value = model.getConfig() == null ? null : model.getConfig().get(key);
        try {
            return value == null || value.isBlank() ? fallback : Math.max(0, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    @Override
    public String getDisplayCategory() {
        return TOKEN_MAPPER_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "Terminal permissions";
    }

    @Override
    public String getHelpText() {
        return "Adds the 'terminal' claim: account, Terminal role, module permissions and cloud permissions of the user.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
