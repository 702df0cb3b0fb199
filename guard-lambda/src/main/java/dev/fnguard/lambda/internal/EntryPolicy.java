package dev.fnguard.lambda.internal;

import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.auth.ApiKeySettings;
import dev.fnguard.auth.ApiKeys;
import dev.fnguard.auth.AuthSettings;
import dev.fnguard.auth.Jwt;
import dev.fnguard.auth.JwtSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy of a handler behind the drop-in entry point: its {@link Guarded} annotation (and auth
 * annotations) if it has them, completed by the {@code FNGUARD_*} variables, exactly as for the
 * guarded base classes. A handler without any annotation has nothing for the auth variables to
 * complete, so for it the variables also declare the methods: {@code FNGUARD_JWT_ISSUER},
 * {@code FNGUARD_JWKS_URL} or {@code FNGUARD_JWT_HMAC_SECRET} declare {@code @Jwt} with its defaults
 * (HS256/384/512 instead of the asymmetric algorithms when the HMAC secret is given without a JWKS URL), and
 * {@code FNGUARD_API_KEYS} declares {@code @ApiKeys} with its default header.
 */
final class EntryPolicy {

    @Jwt
    @ApiKeys
    private static final class Defaults {
    }

    @Jwt(algorithms = {"HS256", "HS384", "HS512"})
    private static final class HmacDefaults {
    }

    private EntryPolicy() {
    }

    /**
     * Compiles the policy of a handler class.
     *
     * @param handler the class
     * @param env the environment
     * @return the policy
     * @throws IllegalArgumentException naming the variable when a value is invalid
     */
    static Policy of(Class<?> handler, Map<String, String> env) {
        Policy declared = Policy.forClass(handler);
        if (handler.isAnnotationPresent(Guarded.class) || declared.auth().enabled()) {
            return declared.withEnvironment(env);
        }
        Optional<JwtSettings> jwt = Optional.empty();
        if (set(env, AuthSettings.ENV_JWT_HMAC_SECRET) && !set(env, AuthSettings.ENV_JWKS_URL)) {
            jwt = Optional.of(JwtSettings.of(HmacDefaults.class.getAnnotation(Jwt.class)));
        } else if (set(env, AuthSettings.ENV_JWT_ISSUER) || set(env, AuthSettings.ENV_JWKS_URL)
                || set(env, AuthSettings.ENV_JWT_HMAC_SECRET)) {
            jwt = Optional.of(JwtSettings.of(Defaults.class.getAnnotation(Jwt.class)));
        }
        Optional<ApiKeySettings> keys = set(env, AuthSettings.ENV_API_KEYS)
                ? Optional.of(ApiKeySettings.of(Defaults.class.getAnnotation(ApiKeys.class))) : Optional.empty();
        if (jwt.isEmpty() && keys.isEmpty()) {
            return declared.withEnvironment(env);
        }
        AuthSettings auth = new AuthSettings(jwt, Optional.empty(), keys, Optional.empty(), Optional.empty(),
                List.of());
        return declared.toBuilder().auth(auth).build().withEnvironment(env);
    }

    private static boolean set(Map<String, String> env, String name) {
        String v = env.get(name);
        return v != null && !v.isBlank();
    }
}
