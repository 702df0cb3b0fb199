package dev.fnguard.auth;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The compiled form of {@link Jwt}, completed by the environment.
 *
 * <p>Shape is validated at once (an algorithm name that does not exist, {@code none}, a skew out of
 * bounds throw, naming the setting); completeness (issuer, audience, key source) is reported by
 * {@link #problems()}, because the environment may still supply it.
 *
 * @param issuer the exact {@code iss}, if known yet
 * @param audiences accepted {@code aud} values
 * @param jwksUrl the JWKS location, if known yet
 * @param algorithms accepted {@code alg} names
 * @param requiredClaims claims a token must carry (always including {@code iss}, {@code aud}, {@code exp})
 * @param clockSkew tolerated clock difference, 0 to 5 minutes
 * @param rolesClaim the claim holding roles
 * @param types accepted {@code typ} values; empty accepts none, {@code JWT} or {@code at+jwt}
 * @param maxTokenBytes the longest token parsed
 * @param hmacSecret the HMAC secret (from {@code FNGUARD_JWT_HMAC_SECRET} only), never printed
 */
public record JwtSettings(
        Optional<String> issuer,
        List<String> audiences,
        Optional<URI> jwksUrl,
        List<String> algorithms,
        Set<String> requiredClaims,
        Duration clockSkew,
        String rolesClaim,
        List<String> types,
        int maxTokenBytes,
        Optional<String> hmacSecret) {

    /** Asymmetric algorithms a JWKS key can verify. */
    public static final Set<String> ASYMMETRIC = Set.of("RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
            "ES256", "ES384", "ES512", "EdDSA", "Ed25519");
    /** HMAC algorithms, accepted only with a secret. */
    public static final Set<String> HMAC = Set.of("HS256", "HS384", "HS512");
    /** Claims required whatever the configuration says. */
    public static final Set<String> ALWAYS_REQUIRED = Set.of("iss", "aud", "exp");

    private static final Duration MAX_SKEW = Duration.ofMinutes(5);

    /**
     * Validates and normalizes.
     *
     * @param issuer issuer
     * @param audiences audiences
     * @param jwksUrl JWKS URL
     * @param algorithms algorithms
     * @param requiredClaims required claims
     * @param clockSkew skew
     * @param rolesClaim roles claim
     * @param types typ values
     * @param maxTokenBytes size limit
     * @param hmacSecret secret
     */
    public JwtSettings {
        Objects.requireNonNull(issuer, "issuer");
        // loops rather than streams and lambdas here: these settings are built at every cold start
        audiences = List.copyOf(stripped(audiences, new ArrayList<>()));
        Objects.requireNonNull(jwksUrl, "jwksUrl");
        algorithms = List.copyOf(stripped(algorithms, new LinkedHashSet<>()));
        for (String a : algorithms) {
            if (a.toLowerCase(Locale.ROOT).equals("none")) {
                throw new IllegalArgumentException("Jwt.algorithms must not contain 'none': unsigned tokens are never accepted");
            }
            if (!ASYMMETRIC.contains(a) && !HMAC.contains(a)) {
                throw new IllegalArgumentException("Jwt.algorithms holds an unknown algorithm '" + a + "'");
            }
        }
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("Jwt.algorithms must name at least one algorithm");
        }
        Set<String> claims = new LinkedHashSet<>(ALWAYS_REQUIRED);
        stripped(requiredClaims, claims);
        requiredClaims = Set.copyOf(claims);
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("Jwt.clockSkew must be between 0 and 300 seconds, was "
                    + clockSkew.toSeconds());
        }
        rolesClaim = Objects.requireNonNull(rolesClaim, "rolesClaim").strip();
        if (rolesClaim.isEmpty()) {
            throw new IllegalArgumentException("Jwt.rolesClaim must not be empty");
        }
        types = List.copyOf(types);
        if (maxTokenBytes < 256 || maxTokenBytes > 65_536) {
            throw new IllegalArgumentException("Jwt.maxTokenBytes must be between 256 and 65536, was " + maxTokenBytes);
        }
        Objects.requireNonNull(hmacSecret, "hmacSecret");
        if (jwksUrl.isPresent()) {
            checkJwksUrl(jwksUrl.get());
        }
    }

    /** Adds the values, stripped, leaving out the empty ones; returns {@code into}. */
    private static <C extends java.util.Collection<String>> C stripped(java.util.Collection<String> values, C into) {
        for (String v : values) {
            String s = v.strip();
            if (!s.isEmpty()) {
                into.add(s);
            }
        }
        return into;
    }

    private static boolean anyIn(List<String> values, Set<String> set) {
        for (String v : values) {
            if (set.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Compiles the annotation.
     *
     * @param jwt the annotation
     * @return the settings
     */
    public static JwtSettings of(Jwt jwt) {
        return new JwtSettings(nonBlank(jwt.issuer()), Arrays.asList(jwt.audience()),
                jwksUrl(jwt), Arrays.asList(jwt.algorithms()),
                new LinkedHashSet<>(Arrays.asList(jwt.requiredClaims())), Duration.ofSeconds(jwt.clockSkew()),
                jwt.rolesClaim(), Arrays.asList(jwt.types()), jwt.maxTokenBytes(), Optional.empty());
    }

    /** @param v the issuer @return a copy */
    public JwtSettings withIssuer(String v) {
        return new JwtSettings(Optional.of(v.strip()), audiences, jwksUrl, algorithms, requiredClaims, clockSkew,
                rolesClaim, types, maxTokenBytes, hmacSecret);
    }

    /** @param v the audiences @return a copy */
    public JwtSettings withAudiences(List<String> v) {
        return new JwtSettings(issuer, v, jwksUrl, algorithms, requiredClaims, clockSkew, rolesClaim, types,
                maxTokenBytes, hmacSecret);
    }

    /** @param v the JWKS URL @return a copy */
    public JwtSettings withJwksUrl(URI v) {
        return new JwtSettings(issuer, audiences, Optional.of(v), algorithms, requiredClaims, clockSkew, rolesClaim,
                types, maxTokenBytes, hmacSecret);
    }

    /** @param v the HMAC secret @return a copy */
    public JwtSettings withHmacSecret(String v) {
        return new JwtSettings(issuer, audiences, jwksUrl, algorithms, requiredClaims, clockSkew, rolesClaim, types,
                maxTokenBytes, Optional.of(v));
    }

    /**
     * What is still missing for tokens to be verifiable; empty when complete. A guard whose settings
     * have problems refuses every token (fail closed) and says so at init.
     *
     * @return descriptions naming the setting or variable at fault
     */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (issuer.isEmpty() || issuer.get().isEmpty()) {
            p.add("no issuer (Jwt.issuer or FNGUARD_JWT_ISSUER)");
        }
        if (audiences.isEmpty()) {
            p.add("no audience (Jwt.audience or FNGUARD_JWT_AUDIENCE)");
        }
        boolean asymmetric = anyIn(algorithms, ASYMMETRIC);
        boolean hmac = anyIn(algorithms, HMAC);
        if (asymmetric && jwksUrl.isEmpty()) {
            p.add("no key source (Jwt.jwksUrl or FNGUARD_JWKS_URL)");
        }
        if (hmac && (hmacSecret.isEmpty()
                || hmacSecret.get().getBytes(java.nio.charset.StandardCharsets.UTF_8).length < 32)) {
            p.add("HMAC algorithm allowed without a secret of at least 32 bytes (FNGUARD_JWT_HMAC_SECRET)");
        }
        return p;
    }

    /**
     * Parses and checks a JWKS URL: {@code https}, {@code file}, or {@code http} on a loopback host.
     *
     * @param s the URL
     * @return the URI
     * @throws IllegalArgumentException naming the setting when it is not acceptable
     */
    public static URI parseUrl(String s) {
        URI u;
        try {
            u = URI.create(s.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Jwt.jwksUrl / FNGUARD_JWKS_URL is not a URL");
        }
        checkJwksUrl(u);
        return u;
    }

    private static void checkJwksUrl(URI u) {
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        String host = u.getHost() == null ? "" : u.getHost();
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]")
                || host.equals("::1");
        boolean ok = (scheme.equals("https") && !host.isEmpty()) || scheme.equals("file")
                || (scheme.equals("http") && loopback);
        if (!ok || u.getUserInfo() != null) {
            throw new IllegalArgumentException("Jwt.jwksUrl / FNGUARD_JWKS_URL must be an https URL (or file:, or "
                    + "http on a loopback address), was scheme '" + scheme + "'");
        }
    }

    private static Optional<URI> jwksUrl(Jwt jwt) {
        Optional<String> url = nonBlank(jwt.jwksUrl());
        return url.isPresent() ? Optional.of(parseUrl(url.get())) : Optional.empty();
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
    }

    @Override
    public String toString() {
        return "JwtSettings[issuer=" + issuer.orElse("?") + ", audiences=" + audiences + ", jwksUrl="
                + jwksUrl.map(URI::toString).orElse("?") + ", algorithms=" + algorithms + ", requiredClaims="
                + requiredClaims + ", clockSkew=" + clockSkew + ", rolesClaim=" + rolesClaim + ", types=" + types
                + ", maxTokenBytes=" + maxTokenBytes + ", hmacSecret=" + (hmacSecret.isPresent() ? "***" : "none") + "]";
    }
}
