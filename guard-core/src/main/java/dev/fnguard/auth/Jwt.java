package dev.fnguard.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Requires a JWT bearer token ({@code Authorization: Bearer ...}) signed by a key of the issuer's
 * JWKS, verified with nimbus-jose-jwt.
 *
 * <p>Declare it nested, {@code @Guarded(jwt = @Jwt(audience = "orders-api"))}, or directly on the
 * handler class. {@code FNGUARD_JWT_ISSUER}, {@code FNGUARD_JWT_AUDIENCE} and {@code FNGUARD_JWKS_URL}
 * override or complete it; {@code FNGUARD_JWT_HMAC_SECRET} is the only way to give an HMAC secret.
 * When the issuer, audience or key source is still missing after the environment, the handler
 * starts, logs a warning at init, and refuses every request (401, fail closed).
 *
 * <p>A token is accepted only when: it is at most {@link #maxTokenBytes()} long; it is a JWS in
 * compact form (not a JWE, not unsecured); its {@code alg} is in {@link #algorithms()}; its
 * signature verifies with a key from the configured JWKS (selected by {@code kid} and algorithm;
 * {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} headers are never used); it has no critical
 * header the verifier does not understand; {@code iss} equals the issuer, {@code aud} names one of
 * the audiences; {@code exp} is present and not past, {@code nbf} and {@code iat} are not in the
 * future (each with {@link #clockSkew()}); and every claim in {@link #requiredClaims()} is present.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE})
public @interface Jwt {

    /**
     * The exact {@code iss} tokens must carry; {@code FNGUARD_JWT_ISSUER} overrides it.
     *
     * @return the issuer, empty (the default) to take it from the environment
     */
    String issuer() default "";

    /**
     * Accepted {@code aud} values (a token must name at least one); {@code FNGUARD_JWT_AUDIENCE}
     * (comma-separated) overrides them.
     *
     * @return audiences, none by default (taken from the environment)
     */
    String[] audience() default {};

    /**
     * Where the issuer's public keys are: an {@code https} URL, a {@code file:} URL for local runs and
     * tests, or {@code http} on a loopback address only. {@code FNGUARD_JWKS_URL} overrides it.
     *
     * @return the JWKS URL, empty (the default) to take it from the environment
     */
    String jwksUrl() default "";

    /**
     * Accepted signature algorithms. {@code none} is never accepted; {@code HS256}, {@code HS384} and
     * {@code HS512} only with a secret in {@code FNGUARD_JWT_HMAC_SECRET}.
     *
     * @return algorithm names, by default {@code RS256, PS256, ES256, EdDSA}
     */
    String[] algorithms() default {"RS256", "PS256", "ES256", "EdDSA"};

    /**
     * Claims a token must carry. {@code iss}, {@code aud} and {@code exp} are required whatever this
     * says (the issuer and audience are always checked, and a token that never expires is refused);
     * drop {@code sub} from the list to accept tokens without a subject.
     *
     * @return claim names, by default {@code iss, aud, sub, exp}
     */
    String[] requiredClaims() default {"iss", "aud", "sub", "exp"};

    /**
     * Tolerated clock difference for {@code exp}, {@code nbf} and {@code iat}, in seconds, 0 to 300.
     *
     * @return seconds, 60 by default
     */
    int clockSkew() default 60;

    /**
     * The claim that holds the caller's roles (a string array or a space-separated string), for
     * example {@code cognito:groups}.
     *
     * @return the claim name, {@code roles} by default
     */
    String rolesClaim() default "roles";

    /**
     * Accepted {@code typ} header values. Empty accepts a token without {@code typ} or with
     * {@code JWT} or {@code at+jwt}; otherwise {@code typ} must be one of these.
     *
     * @return types, none by default
     */
    String[] types() default {};

    /**
     * Tokens longer than this are refused before they are parsed.
     *
     * @return characters, 8192 by default (256 to 65536)
     */
    int maxTokenBytes() default 8192;
}
