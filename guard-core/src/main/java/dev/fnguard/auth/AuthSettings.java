package dev.fnguard.auth;

import dev.fnguard.Guarded;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a handler's callers prove who they are, and what they must hold: the compiled form of
 * {@link Jwt}, {@link Webhook}, {@link ApiKeys}, {@link GatewayAuth}, {@link IotClients}, {@link RequireScope} and
 * {@link RequireRole}, completed by the environment.
 *
 * <p>The declared methods are alternatives: the first one whose credential the request carries
 * (in the order gateway authorizer, IoT identity, bearer token, API key, webhook signature) decides; a bad
 * credential is refused, never passed on to the next method. A request carrying none is refused
 * with {@code TOKEN_MISSING}. With no method declared, callers stay anonymous and nothing is checked.
 *
 * @param jwt JWT bearer tokens, if declared
 * @param webhook HMAC-signed webhooks, if declared
 * @param apiKeys API keys, if declared
 * @param gateway trusted API Gateway authorizers, if declared
 * @param iot IoT client and principal allow-lists, if declared
 * @param requirements scopes and roles required
 */
public record AuthSettings(Optional<JwtSettings> jwt, Optional<WebhookSettings> webhook,
        Optional<ApiKeySettings> apiKeys, Optional<GatewaySettings> gateway, Optional<IotSettings> iot,
        List<Requirement> requirements) {

    /** Environment variable: the exact token issuer. */
    public static final String ENV_JWT_ISSUER = "FNGUARD_JWT_ISSUER";
    /** Environment variable: accepted token audiences, comma-separated. */
    public static final String ENV_JWT_AUDIENCE = "FNGUARD_JWT_AUDIENCE";
    /** Environment variable: the JWKS URL. */
    public static final String ENV_JWKS_URL = "FNGUARD_JWKS_URL";
    /** Environment variable: the HMAC secret for HS256/384/512 tokens (at least 32 bytes). */
    public static final String ENV_JWT_HMAC_SECRET = "FNGUARD_JWT_HMAC_SECRET";
    /** Environment variable: the webhook signing secret. */
    public static final String ENV_WEBHOOK_SECRET = "FNGUARD_WEBHOOK_SECRET";
    /** Environment variable: accepted API keys, comma-separated, raw or {@code sha256:<hex>}. */
    public static final String ENV_API_KEYS = "FNGUARD_API_KEYS";
    /** Environment variable: accepted IoT client ids (prefixes end in {@code *}), comma-separated. */
    public static final String ENV_IOT_CLIENT_IDS = "FNGUARD_IOT_CLIENT_IDS";
    /** Environment variable: accepted IoT principals (prefixes end in {@code *}), comma-separated. */
    public static final String ENV_IOT_PRINCIPALS = "FNGUARD_IOT_PRINCIPALS";
    /** Environment variable: API Gateway API ids whose authorizers are trusted, comma-separated. */
    public static final String ENV_GATEWAY_API_IDS = "FNGUARD_GATEWAY_API_IDS";

    private static final AuthSettings NONE =
            new AuthSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    List.of());

    /**
     * Checks for nulls and that requirements have a method to verify callers.
     *
     * @param jwt jwt
     * @param webhook webhook
     * @param apiKeys API keys
     * @param gateway gateway
     * @param iot IoT
     * @param requirements requirements
     */
    public AuthSettings {
        Objects.requireNonNull(jwt, "jwt");
        Objects.requireNonNull(webhook, "webhook");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(iot, "iot");
        requirements = List.copyOf(requirements);
        boolean anyMethod = jwt.isPresent() || webhook.isPresent() || apiKeys.isPresent() || gateway.isPresent()
                || iot.isPresent();
        if (!requirements.isEmpty() && !anyMethod) {
            throw new IllegalArgumentException("RequireScope/RequireRole need a way to verify callers: declare @Jwt, "
                    + "@ApiKeys, @Webhook, @GatewayAuth or @IotClients");
        }
    }

    /**
     * No authentication: callers stay anonymous.
     *
     * @return the empty settings
     */
    public static AuthSettings none() {
        return NONE;
    }

    /**
     * Whether any way of verifying callers is declared.
     *
     * @return true when the auth check has work to do
     */
    public boolean enabled() {
        return jwt.isPresent() || webhook.isPresent() || apiKeys.isPresent() || gateway.isPresent() || iot.isPresent();
    }

    /**
     * Compiles the annotations: those nested in {@link Guarded}, and those placed directly on the
     * handler class (which win when both are given).
     *
     * @param guarded the handler's {@code @Guarded}, or null
     * @param handlerClass the handler class, or null
     * @return the settings
     */
    public static AuthSettings of(Guarded guarded, Class<?> handlerClass) {
        Jwt jwt = first(handlerClass == null ? null : handlerClass.getAnnotation(Jwt.class),
                guarded == null ? null : guarded.jwt());
        Webhook webhook = first(handlerClass == null ? null : handlerClass.getAnnotation(Webhook.class),
                guarded == null ? null : guarded.webhook());
        ApiKeys keys = first(handlerClass == null ? null : handlerClass.getAnnotation(ApiKeys.class),
                guarded == null ? null : guarded.apiKeys());
        GatewayAuth gateway = first(handlerClass == null ? null : handlerClass.getAnnotation(GatewayAuth.class),
                guarded == null ? null : guarded.gateway());
        IotClients iot = first(handlerClass == null ? null : handlerClass.getAnnotation(IotClients.class),
                guarded == null ? null : guarded.iot());
        List<Requirement> reqs = new ArrayList<>();
        if (handlerClass != null) {
            for (RequireScope s : handlerClass.getAnnotationsByType(RequireScope.class)) {
                reqs.add(new Requirement(s.route(), Set.copyOf(Arrays.asList(s.value())), Set.of()));
            }
            for (RequireRole r : handlerClass.getAnnotationsByType(RequireRole.class)) {
                reqs.add(new Requirement(r.route(), Set.of(), Set.copyOf(Arrays.asList(r.value()))));
            }
        }
        // conditionals rather than Optional.map with method references: no lambdas to link at init
        return new AuthSettings(jwt == null ? Optional.empty() : Optional.of(JwtSettings.of(jwt)),
                webhook == null ? Optional.empty() : Optional.of(WebhookSettings.of(webhook)),
                keys == null ? Optional.empty() : Optional.of(ApiKeySettings.of(keys)),
                gateway == null ? Optional.empty() : Optional.of(GatewaySettings.of(gateway)),
                iot == null ? Optional.empty() : Optional.of(IotSettings.of(iot)), reqs);
    }

    @SafeVarargs
    private static <A> A first(A direct, A... nested) {
        if (direct != null) {
            return direct;
        }
        return nested == null || nested.length == 0 ? null : nested[0];
    }

    /**
     * Applies the {@code FNGUARD_*} authentication variables to the methods the handler declares
     * (a variable for a method the handler does not declare is ignored: the environment completes
     * the declaration, it does not switch authentication methods on or off).
     *
     * @param env the environment
     * @return the completed settings
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    public AuthSettings withEnvironment(Map<String, String> env) {
        Optional<JwtSettings> j = jwt.isEmpty() ? jwt : Optional.of(jwtWithEnvironment(jwt.get(), env));
        Optional<WebhookSettings> w = webhook;
        if (webhook.isPresent()) {
            String secret = blankToNull(env.get(ENV_WEBHOOK_SECRET));
            w = secret == null ? webhook : Optional.of(webhook.get().withSecret(secret));
        }
        Optional<ApiKeySettings> k = apiKeys;
        if (apiKeys.isPresent()) {
            String keys = blankToNull(env.get(ENV_API_KEYS));
            k = keys == null ? apiKeys : Optional.of(apiKeys.get().withKeys(keys));
        }
        Optional<GatewaySettings> g = gateway;
        if (gateway.isPresent()) {
            String ids = blankToNull(env.get(ENV_GATEWAY_API_IDS));
            g = ids == null ? gateway : Optional.of(new GatewaySettings(new LinkedHashSet<>(Arrays.asList(ids.split(",")))));
        }
        Optional<IotSettings> i = iot;
        if (iot.isPresent()) {
            IotSettings s = iot.get();
            String ids = blankToNull(env.get(ENV_IOT_CLIENT_IDS));
            String principals = blankToNull(env.get(ENV_IOT_PRINCIPALS));
            i = Optional.of(new IotSettings(ids == null ? s.clientIds() : List.of(ids.split(",")),
                    principals == null ? s.principals() : List.of(principals.split(","))));
        }
        return new AuthSettings(j, w, k, g, i, requirements);
    }

    private static JwtSettings jwtWithEnvironment(JwtSettings s, Map<String, String> env) {
        JwtSettings r = s;
        String issuer = blankToNull(env.get(ENV_JWT_ISSUER));
        if (issuer != null) {
            r = r.withIssuer(issuer);
        }
        String aud = blankToNull(env.get(ENV_JWT_AUDIENCE));
        if (aud != null) {
            r = r.withAudiences(List.of(aud.split(",")));
        }
        String url = blankToNull(env.get(ENV_JWKS_URL));
        if (url != null) {
            try {
                r = r.withJwksUrl(JwtSettings.parseUrl(url));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(ENV_JWKS_URL + ": " + e.getMessage());
            }
        }
        String secret = blankToNull(env.get(ENV_JWT_HMAC_SECRET));
        if (secret != null) {
            r = r.withHmacSecret(secret);
        }
        return r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
