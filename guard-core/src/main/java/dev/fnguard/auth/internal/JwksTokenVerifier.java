package dev.fnguard.auth.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import dev.fnguard.Caller;
import dev.fnguard.Reason;
import dev.fnguard.auth.JwtSettings;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies JWS compact tokens with nimbus-jose-jwt against the keys of one configured JWKS (and,
 * when configured, one HMAC secret). Built once at init; thread-safe.
 *
 * <p>What nimbus does not do by default, and this class adds: a size limit and a shape check before
 * any parsing (three base64url parts, so a JWE or an unsecured token is refused outright), {@code exp}
 * required (nimbus checks it only when present), {@code iat} not in the future, {@code at+jwt} as an
 * accepted {@code typ}, the guard's clock, and a reason code that tells an expired token apart from
 * an invalid one and an unreachable key endpoint from both. A token that verified is remembered for
 * a minute by its hash ({@link VerifiedTokens}), so a client reusing it skips the signature check
 * (its time claims are checked again on every use).
 */
final class JwksTokenVerifier {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger("fnguard");

    static final String METHOD = "jwt";
    private static final int MAX_CLAIM_CHARS = 256;
    /** What a caller refused for unavailable keys is told to wait: about one rate-limit interval. */
    private static final Duration RETRY_KEYS = Duration.ofSeconds(30);

    private final JwtSettings settings;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final Set<JWSAlgorithm> edDsa = new HashSet<>();
    private final JWKSource<SecurityContext> jwkSource;
    private final DefaultJOSEObjectTypeVerifier<SecurityContext> typeVerifier;
    private final ClaimsVerifier claimsVerifier;
    private final VerifiedTokens verified;
    private volatile boolean keysLoaded;

    JwksTokenVerifier(JwtSettings settings, Clock clock) {
        this.settings = settings;
        Set<JWSAlgorithm> asymmetric = new LinkedHashSet<>();
        Set<JWSAlgorithm> hmac = new LinkedHashSet<>();
        for (String name : settings.algorithms()) {
            JWSAlgorithm alg = JWSAlgorithm.parse(name);
            if (JwtSettings.HMAC.contains(name)) {
                hmac.add(alg);
            } else {
                if (name.equals("EdDSA") || name.equals("Ed25519")) {
                    // RFC 9864 names the same signature Ed25519; accept both spellings
                    edDsa.add(JWSAlgorithm.EdDSA);
                    edDsa.add(JWSAlgorithm.Ed25519);
                } else {
                    asymmetric.add(alg);
                }
            }
        }
        this.jwkSource = asymmetric.isEmpty() && edDsa.isEmpty() ? null : remembering(jwkSource(settings));
        List<JWSKeySelector<SecurityContext>> selectors = new ArrayList<>();
        if (!asymmetric.isEmpty()) {
            selectors.add(new JWSVerificationKeySelector<>(asymmetric, jwkSource));
        }
        if (!hmac.isEmpty()) {
            byte[] secret = settings.hmacSecret().orElseThrow().getBytes(StandardCharsets.UTF_8);
            selectors.add(new JWSVerificationKeySelector<>(hmac, new ImmutableSecret<>(secret)));
        }
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector((header, ctx) -> {
            for (JWSKeySelector<SecurityContext> s : selectors) {
                var keys = s.selectJWSKeys(header, ctx);
                if (!keys.isEmpty()) {
                    return keys;
                }
            }
            return List.of();
        });
        this.typeVerifier = settings.types().isEmpty()
                ? new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null)
                : new DefaultJOSEObjectTypeVerifier<>(
                        settings.types().stream().map(JOSEObjectType::new).toArray(JOSEObjectType[]::new));
        this.claimsVerifier = new ClaimsVerifier(settings, clock);
        this.verified = new VerifiedTokens(clock);
        processor.setJWSTypeVerifier(typeVerifier);
        processor.setJWTClaimsSetVerifier(claimsVerifier);
    }

    /**
     * Notes whether the JWKS was ever loaded, so that a rate-limited refresh means "unknown kid"
     * (TOKEN_INVALID) once keys are known, and "keys unavailable" while they never were.
     */
    private JWKSource<SecurityContext> remembering(JWKSource<SecurityContext> source) {
        return (selector, ctx) -> {
            List<JWK> keys = source.get(selector, ctx);
            keysLoaded = true;
            return keys;
        };
    }

    private static JWKSource<SecurityContext> jwkSource(JwtSettings s) {
        try {
            return JWKSourceBuilder.<SecurityContext>create(s.jwksUrl().orElseThrow().toURL(), new JwksRetriever())
                    .cache(JWKSourceBuilder.DEFAULT_CACHE_TIME_TO_LIVE, JWKSourceBuilder.DEFAULT_CACHE_REFRESH_TIMEOUT)
                    .refreshAheadCache(JWKSourceBuilder.DEFAULT_REFRESH_AHEAD_TIME, false)
                    .rateLimited(JWKSourceBuilder.DEFAULT_RATE_LIMIT_MIN_INTERVAL)
                    .outageTolerant(Duration.ofMinutes(15).toMillis())
                    .build();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("Jwt.jwksUrl / FNGUARD_JWKS_URL is not a URL Java can open");
        }
    }

    /**
     * Verifies a token.
     *
     * @param token the compact token, as it came after {@code Bearer }
     * @return verified with the caller, or refused with a reason
     */
    Authentication verify(String token) {
        if (token.length() > settings.maxTokenBytes()) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "size");
        }
        if (!compactJws(token)) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "shape");
        }
        VerifiedTokens.Key key = verified.key(token);
        VerifiedTokens.Entry seen = verified.get(key);
        if (seen != null) {
            try {
                claimsVerifier.verify(seen.claims(), null);
            } catch (Expired e) {
                return Authentication.refused(Reason.TOKEN_EXPIRED, METHOD, "exp");
            } catch (BadJWTException e) {
                return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "claims");
            }
            return Authentication.verified(seen.caller());
        }
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException | RuntimeException e) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "parse");
        }
        JWTClaimsSet claims;
        try {
            claims = edDsa.contains(jwt.getHeader().getAlgorithm()) ? processEdDsa(jwt) : processor.process(jwt, null);
        } catch (Expired e) {
            return Authentication.refused(Reason.TOKEN_EXPIRED, METHOD, "exp");
        } catch (BadJWTException e) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "claims");
        } catch (BadJOSEException e) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "signature");
        } catch (RateLimitReachedException e) {
            // a refresh asked for too soon: with keys loaded, the token's kid is not ours; without, the
            // key endpoint is still down
            return keysLoaded ? Authentication.refused(Reason.TOKEN_INVALID, METHOD, "kid")
                    : Authentication.refused(Reason.KEYS_UNAVAILABLE, METHOD, "jwks", RETRY_KEYS);
        } catch (KeySourceException e) {
            return Authentication.refused(Reason.KEYS_UNAVAILABLE, METHOD, "jwks", RETRY_KEYS);
        } catch (JOSEException | RuntimeException e) {
            return Authentication.refused(Reason.TOKEN_INVALID, METHOD, "verify");
        }
        Caller caller = caller(claims);
        verified.put(key, claims, caller);
        return Authentication.verified(caller);
    }

    /** Loads the JWKS into the cache ahead of the first token (init, background); never throws. */
    void prefetch() {
        if (jwkSource == null) {
            return;
        }
        try {
            jwkSource.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
        } catch (KeySourceException | RuntimeException e) {
            LOG.warn("JWKS prefetch failed ({}); the first token will try again", e.getClass().getSimpleName());
        }
    }

    /** @return how many verified tokens are remembered, for tests */
    int remembered() {
        return verified.size();
    }

    /**
     * nimbus's processor cannot select OKP keys (its key converter exports RSA and EC keys only), so
     * Ed25519 tokens take this path: the same type check, key selection from the same JWKS source
     * (by kid and algorithm, refreshed and rate-limited alike), nimbus's {@link Ed25519Verifier}
     * (Tink underneath), and the same claims verifier.
     */
    private JWTClaimsSet processEdDsa(SignedJWT jwt) throws BadJOSEException, JOSEException {
        JWSHeader header = jwt.getHeader();
        typeVerifier.verify(header.getType(), null);
        List<JWK> keys = jwkSource.get(new JWKSelector(JWKMatcher.forJWSHeader(header)), null);
        boolean verified = false;
        for (JWK k : keys) {
            if (k instanceof OctetKeyPair okp && Curve.Ed25519.equals(okp.getCurve())
                    && jwt.verify(new Ed25519Verifier(okp.toPublicJWK()))) {
                verified = true;
                break;
            }
        }
        if (!verified) {
            throw new BadJOSEException("no Ed25519 key verifies the signature");
        }
        JWTClaimsSet claims;
        try {
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new BadJWTException("claims are not a JSON object");
        }
        claimsVerifier.verify(claims, null);
        return claims;
    }

    /** Three non-empty base64url parts: refuses JWE (five parts) and unsecured tokens (empty signature). */
    private static boolean compactJws(String t) {
        int dots = 0;
        int partLength = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '.') {
                if (partLength == 0) {
                    return false;
                }
                dots++;
                partLength = 0;
            } else if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_') {
                partLength++;
            } else {
                return false;
            }
        }
        return dots == 2 && partLength > 0;
    }

    private Caller caller(JWTClaimsSet c) {
        String subject = clip(Optional.ofNullable(c.getSubject()).orElseGet(() -> stringClaim(c, "client_id")));
        Set<String> scopes = new HashSet<>();
        scopes.addAll(words(c.getClaim("scope")));
        scopes.addAll(words(c.getClaim("scp")));
        Set<String> roles = new HashSet<>(words(c.getClaim(settings.rolesClaim())));
        return new Caller(Optional.ofNullable(subject), Optional.ofNullable(clip(c.getIssuer())), scopes, roles, METHOD);
    }

    private static String stringClaim(JWTClaimsSet c, String name) {
        Object v = c.getClaim(name);
        return v instanceof String s ? s : null;
    }

    /** A claim as a set of words: a space-separated string or an array of strings. */
    static Set<String> words(Object claim) {
        Set<String> out = new HashSet<>();
        if (claim instanceof String s) {
            for (String w : s.split(" ")) {
                if (!w.isEmpty()) {
                    out.add(clip(w));
                }
            }
        } else if (claim instanceof Collection<?> list) {
            for (Object o : list) {
                if (o instanceof String s && !s.isEmpty()) {
                    out.add(clip(s));
                }
            }
        }
        return out;
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_CLAIM_CHARS ? s : s.substring(0, MAX_CLAIM_CHARS);
    }

    /** Thrown by the claims verifier for a token past its {@code exp}, so it gets its own reason. */
    static final class Expired extends BadJWTException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("expired");
        }
    }

    /** nimbus's claims verifier with the guard's clock, {@code exp} required, and {@code iat} checked. */
    private static final class ClaimsVerifier extends DefaultJWTClaimsVerifier<SecurityContext>
            implements JWTClaimsSetVerifier<SecurityContext> {
        private final Clock clock;
        private final long skewMillis;

        ClaimsVerifier(JwtSettings s, Clock clock) {
            super(Set.copyOf(s.audiences()), new JWTClaimsSet.Builder().issuer(s.issuer().orElseThrow()).build(),
                    s.requiredClaims(), Set.of());
            setMaxClockSkew((int) s.clockSkew().toSeconds());
            this.clock = clock;
            this.skewMillis = s.clockSkew().toMillis();
        }

        @Override
        protected Date currentTime() {
            return Date.from(clock.instant());
        }

        @Override
        public void verify(JWTClaimsSet c, SecurityContext ctx) throws BadJWTException {
            long now = clock.millis();
            Date exp = c.getExpirationTime();
            if (exp == null) {
                throw new BadJWTException("exp missing");
            }
            if (exp.getTime() + skewMillis < now) {
                throw new Expired();
            }
            super.verify(c, ctx);
            Date iat = c.getIssueTime();
            if (iat != null && iat.getTime() - skewMillis > now) {
                throw new BadJWTException("iat in the future");
            }
        }
    }
}
