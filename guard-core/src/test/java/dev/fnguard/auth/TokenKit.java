package dev.fnguard.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Keys, a JWKS file and tokens minted with nimbus, for the auth tests. */
final class TokenKit {

    static final String ISSUER = "https://issuer.example.com/";
    static final String AUDIENCE = "orders-api";

    // generated once per test JVM: RSA key generation is the slow part
    static final RSAKey RSA = gen(() -> new RSAKeyGenerator(2048).keyID("rsa-1").generate());
    static final ECKey EC = gen(() -> new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate());
    static final OctetKeyPair ED = gen(() -> new OctetKeyPairGenerator(Curve.Ed25519).keyID("ed-1").generate());
    static final RSAKey ATTACKER_RSA = gen(() -> new RSAKeyGenerator(2048).keyID("rsa-1").generate());

    private TokenKit() {
    }

    interface KeyMaker<K> {
        K make() throws JOSEException;
    }

    private static <K> K gen(KeyMaker<K> m) {
        try {
            return m.make();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWKS of the legitimate keys. */
    static String jwksJson() {
        List<JWK> keys = List.of(RSA.toPublicJWK(), EC.toPublicJWK(), ED.toPublicJWK());
        return new JWKSet(keys).toString(true);
    }

    static Path writeJwks(Path dir) {
        try {
            Path f = dir.resolve("jwks.json");
            Files.writeString(f, jwksJson(), StandardCharsets.UTF_8);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> env(String jwksUrl) {
        return Map.of("FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWT_AUDIENCE", AUDIENCE, "FNGUARD_JWKS_URL", jwksUrl);
    }

    /** Claims of a good token: issuer, audience, subject, one hour of validity, a scope. */
    static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject("user-42")
                .issueTime(Date.from(now.minusSeconds(5)))
                .notBeforeTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(3600)))
                .claim("scope", "orders:write orders:read")
                .claim("roles", List.of("clerk"));
    }

    static String rs256(JWTClaimsSet claims) {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(RSA.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims, rsaSigner(RSA));
    }

    static String rs256(Consumer<JWTClaimsSet.Builder> edit) {
        JWTClaimsSet.Builder b = claims();
        edit.accept(b);
        return rs256(b.build());
    }

    static JWSSigner rsaSigner(RSAKey k) {
        return gen(() -> new RSASSASigner(k));
    }

    static JWSSigner ecSigner() {
        return gen(() -> new ECDSASigner(EC));
    }

    static JWSSigner edSigner() {
        return gen(() -> new Ed25519Signer(ED));
    }

    static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    /** An HTTP invocation carrying the given Authorization header value (none when null). */
    static Invocation request(String authorization) {
        return request(authorization == null ? Map.of() : Map.of("Authorization", authorization), "POST /orders");
    }

    static Invocation request(Map<String, String> headers, String route) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("x-forwarded-proto", "https");
        HttpRequest req = new HttpRequest(route.substring(0, route.indexOf(' ')), route.substring(route.indexOf(' ') + 1),
                route, Headers.of(h, null), Map.of(), Map.of(), List.of(), Optional.empty(), true);
        return Invocation.builder().requestId("req-1").functionName("test")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-1")).http(req).build();
    }

    static Invocation request(Headers headers) {
        HttpRequest req = new HttpRequest("POST", "/orders", "POST /orders", headers, Map.of(), Map.of(), List.of(),
                Optional.empty(), true);
        return Invocation.builder().requestId("req-1").functionName("test")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-1")).http(req).build();
    }
}
