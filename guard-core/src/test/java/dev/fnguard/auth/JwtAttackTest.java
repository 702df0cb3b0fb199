package dev.fnguard.auth;

import static dev.fnguard.auth.TokenKit.AUDIENCE;
import static dev.fnguard.auth.TokenKit.EC;
import static dev.fnguard.auth.TokenKit.ISSUER;
import static dev.fnguard.auth.TokenKit.RSA;
import static dev.fnguard.auth.TokenKit.claims;
import static dev.fnguard.auth.TokenKit.request;
import static dev.fnguard.auth.TokenKit.rs256;
import static dev.fnguard.auth.TokenKit.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.sun.net.httpserver.HttpServer;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The known attacks on JWTs, each refused with the right reason; and what a good token becomes. */
class JwtAttackTest {

    @Guarded(jwt = @Jwt)
    static final class Api {
    }

    @Guarded(jwt = @Jwt(algorithms = {"RS256", "HS256"}))
    static final class HmacApi {
    }

    @Guarded(jwt = @Jwt(algorithms = "HS256"))
    static final class HmacOnlyApi {
    }

    @Jwt(audience = "direct-api")
    static final class DirectApi {
    }

    @TempDir
    Path dir;

    private Guard guard;

    @BeforeEach
    void setUp() {
        guard = guard(TokenKit.env(TokenKit.writeJwks(dir).toUri().toString()));
    }

    private static Guard guard(Map<String, String> env) {
        return Guard.builder(Policy.forClass(Api.class).withEnvironment(env), Void.class).auditSink(e -> { }).build();
    }

    private Evaluation bearer(String token) {
        return guard.evaluate(request("Bearer " + token));
    }

    private static Reason reason(Evaluation e) {
        return e.denial().orElseThrow(() -> new AssertionError("allowed")).reason().orElseThrow();
    }

    private static List<String> fields(Evaluation e) {
        return e.denial().orElseThrow().fields();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String goodPayload() {
        return b64(claims().build().toString());
    }

    @Test
    void validRs256TokenBecomesTheCaller() {
        Evaluation e = bearer(rs256(claims().build()));
        assertTrue(e.denial().isEmpty(), () -> e.denial().toString());
        assertEquals("user-42", e.caller().subject().orElseThrow());
        assertEquals(ISSUER, e.caller().issuer().orElseThrow());
        assertEquals(Set.of("orders:write", "orders:read"), e.caller().scopes());
        assertEquals(Set.of("clerk"), e.caller().roles());
        assertEquals("jwt", e.caller().method());
    }

    @Test
    void validEs256Ps256AndEdDsaTokensAreAccepted() {
        JWTClaimsSet c = claims().claim("scope", null).claim("scp", List.of("a", "b")).build();
        Evaluation es = bearer(sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("ec-1").build(), c,
                TokenKit.ecSigner()));
        Evaluation ps = bearer(sign(new JWSHeader.Builder(JWSAlgorithm.PS256).keyID("rsa-1").build(), c,
                TokenKit.rsaSigner(RSA)));
        Evaluation ed = bearer(sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-1").build(), c,
                TokenKit.edSigner()));
        for (Evaluation e : List.of(es, ps, ed)) {
            assertTrue(e.denial().isEmpty(), () -> List.of(es, ps, ed).indexOf(e) + " " + e.denial());
            assertEquals(Set.of("a", "b"), e.caller().scopes());
        }
    }

    @Test
    void accessTokenTypAtJwtIsAcceptedAndOtherTypIsRefused() {
        JWTClaimsSet c = claims().build();
        assertTrue(bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("at+jwt")).build(), c, TokenKit.rsaSigner(RSA))).denial().isEmpty());
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(new JOSEObjectType("secevent+jwt")).build(), c, TokenKit.rsaSigner(RSA)))));
    }

    @Test
    void missingTokenIsTokenMissing() {
        assertEquals(Reason.TOKEN_MISSING, reason(guard.evaluate(request((String) null))));
        assertEquals(Reason.TOKEN_MISSING, reason(guard.evaluate(request("Basic dXNlcjpwYXNz"))));
        assertEquals(Reason.TOKEN_MISSING, reason(guard.evaluate(request("Bearer "))));
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        String t = rs256(claims().build());
        Evaluation e = guard.evaluate(request(dev.fnguard.Headers.of(Map.of("x-forwarded-proto", "https"),
                Map.of("Authorization", List.of("Bearer " + t, "Bearer other")))));
        assertEquals(Reason.TOKEN_INVALID, reason(e));
    }

    @Test
    void algNoneIsRefused() {
        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + ".")));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + ".c2ln")));
        String noneMixedCase = b64("{\"alg\":\"nOnE\",\"kid\":\"rsa-1\"}");
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(noneMixedCase + "." + goodPayload() + ".c2ln")));
    }

    @Test
    void rs256TokenResignedAsHs256WithThePublicKeyAsSecretIsRefused() throws JOSEException {
        byte[] publicKeyAsSecret = RSA.toPublicJWK().toRSAPublicKey().getEncoded();
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build(),
                new MACSigner(publicKeyAsSecret));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(forged)));
        // the PEM text of the JWKS as secret (what a confused verifier would feed to HMAC)
        String forged2 = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build(),
                new MACSigner(TokenKit.jwksJson().getBytes(StandardCharsets.UTF_8)));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(forged2)));
    }

    @Test
    void expiredTokenIsTokenExpired() {
        Instant now = Instant.now();
        Evaluation e = bearer(rs256(b -> b.issueTime(Date.from(now.minusSeconds(7200)))
                .notBeforeTime(Date.from(now.minusSeconds(7200))).expirationTime(Date.from(now.minusSeconds(120)))));
        assertEquals(Reason.TOKEN_EXPIRED, reason(e));
        assertTrue(e.caller().isAnonymous(), "an expired token does not become the caller");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsAccepted() {
        Instant now = Instant.now();
        assertTrue(bearer(rs256(b -> b.expirationTime(Date.from(now.minusSeconds(20))))).denial().isEmpty());
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.expirationTime(null)))));
    }

    @Test
    void tokenWithoutSubjectIsRefusedByDefault() {
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.subject(null)))));
    }

    @Test
    void notYetValidTokenIsRefused() {
        Instant now = Instant.now();
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))))));
    }

    @Test
    void tokenIssuedInTheFutureIsRefused() {
        Instant now = Instant.now();
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.issueTime(Date.from(now.plusSeconds(600)))))));
    }

    @Test
    void wrongIssuerIsRefused() {
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.issuer("https://evil.example.com/")))));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.issuer(ISSUER + "x")))));
    }

    @Test
    void wrongAudienceIsRefused() {
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.audience("payments-api")))));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs256(b -> b.audience((String) null)))));
    }

    @Test
    void tokenWithSeveralAudiencesIncludingOursIsAccepted() {
        assertTrue(bearer(rs256(b -> b.audience(List.of("other", AUDIENCE)))).denial().isEmpty());
    }

    @Test
    void kidWithPathTraversalOrSqlIsRefused() {
        for (String kid : List.of("../../../../../../dev/null", "/etc/passwd", "' OR '1'='1' --",
                "rsa-1' UNION SELECT 'secret", "rsa-1\u0000")) {
            String own = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims().build(),
                    TokenKit.rsaSigner(RSA));
            Evaluation e = bearer(own);
            // signed with our own key, but the kid selects nothing in our JWKS
            assertEquals(Reason.TOKEN_INVALID, reason(e), kid);
            String attacker = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims().build(),
                    TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
            assertEquals(Reason.TOKEN_INVALID, reason(bearer(attacker)), kid);
        }
    }

    @Test
    void tokenSignedByAnotherKeyWithOurKidIsRefused() {
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims().build(),
                TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
        assertEquals(List.of("jwt:signature"), fields(bearer(forged)));
    }

    @Test
    void keysNamedByTheTokenAreNeverUsedNorFetched() throws IOException {
        AtomicInteger fetches = new AtomicInteger();
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String attackerJwks = new com.nimbusds.jose.jwk.JWKSet(TokenKit.ATTACKER_RSA.toPublicJWK()).toString();
        attacker.createContext("/", x -> {
            fetches.incrementAndGet();
            byte[] b = attackerJwks.getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        attacker.start();
        try {
            URI url = URI.create("http://127.0.0.1:" + attacker.getAddress().getPort() + "/jwks.json");
            RSAKey attackerPublic = TokenKit.ATTACKER_RSA.toPublicJWK();
            List<JWSHeader> headers = List.of(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwkURL(url).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").jwkURL(url).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").x509CertURL(url).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").jwk(attackerPublic).build(),
                    new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attackerPublic).build());
            for (JWSHeader h : headers) {
                String t = sign(h, claims().build(), TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
                assertEquals(Reason.TOKEN_INVALID, reason(bearer(t)), h.toString());
            }
            assertEquals(0, fetches.get(), "nothing is fetched from a URL the token names");
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void psychicEcdsaSignatureWithRAndSZeroIsRefused() {
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"ec-1\"}");
        String zerosJose = Base64URL.encode(new byte[64]).toString();
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + "." + zerosJose)));
        // the DER shape of r = s = 0: SEQUENCE { INTEGER 0, INTEGER 0 }
        String zerosDer = Base64URL.encode(new byte[] {0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00}).toString();
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + "." + zerosDer)));
        // and r = s = n would be the other degenerate shape: the order of P-256
        byte[] n = new java.math.BigInteger(
                "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16).toByteArray();
        byte[] rs = new byte[64];
        System.arraycopy(n, n.length - 32, rs, 0, 32);
        System.arraycopy(n, n.length - 32, rs, 32, 32);
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + "." + Base64URL.encode(rs))));
        assertTrue(EC.getKeyID().equals("ec-1"));
    }

    @Test
    void truncatedAndMalformedTokensAreRefused() {
        String t = rs256(claims().build());
        List<String> bad = List.of(
                t.substring(0, t.length() - 10),
                t.substring(0, t.lastIndexOf('.')),
                t.substring(0, t.indexOf('.')),
                t + "=",
                t.replace('.', '!'),
                t.substring(0, 20) + "*" + t.substring(21),
                t + ".extra",
                "." + t,
                "not-a-token",
                "eyJ.eyJ.eyJ",
                b64("{\"alg\":\"RS256\"") + "." + goodPayload() + ".c2ln",
                b64("[]") + "." + goodPayload() + ".c2ln",
                t.split("\\.")[0] + "." + b64("not json") + "." + t.split("\\.")[2],
                t.split("\\.")[0] + ".A." + t.split("\\.")[2]);
        for (String token : bad) {
            assertEquals(Reason.TOKEN_INVALID, reason(bearer(token)), token);
        }
    }

    @Test
    void oversizedTokenIsRefusedBeforeParsing() {
        String big = rs256(b -> b.claim("pad", "x".repeat(10_000)));
        Evaluation e = bearer(big);
        assertEquals(Reason.TOKEN_INVALID, reason(e));
        assertEquals(List.of("jwt:size"), fields(e));
    }

    @Test
    void unknownCriticalHeaderIsRefused() {
        String t = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .criticalParams(Set.of("fnguard-unknown")).customParam("fnguard-unknown", true).build(),
                claims().build(), TokenKit.rsaSigner(RSA));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(t)));
    }

    @Test
    void encryptedTokenWhereASignedOneIsExpectedIsRefused() throws JOSEException {
        JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                .keyID("rsa-1").contentType("JWT").build(), new Payload(rs256(claims().build())));
        jwe.encrypt(new RSAEncrypter(RSA.toPublicJWK()));
        Evaluation e = bearer(jwe.serialize());
        assertEquals(Reason.TOKEN_INVALID, reason(e));
        assertEquals(List.of("jwt:shape"), fields(e));
    }

    @Test
    void nestedSignedTokenIsRefused() {
        // a valid token wrapped as the payload of another signed object (cty JWT)
        String inner = rs256(claims().build());
        com.nimbusds.jose.JWSObject outer = new com.nimbusds.jose.JWSObject(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").contentType("JWT").build(), new Payload(inner));
        try {
            outer.sign(TokenKit.rsaSigner(RSA));
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(outer.serialize())));
    }

    @Test
    void algorithmOutsideTheAllowListIsRefused() {
        String rs512 = sign(new JWSHeader.Builder(JWSAlgorithm.RS512).keyID("rsa-1").build(), claims().build(),
                TokenKit.rsaSigner(RSA));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(rs512)));
    }

    @Test
    void ed25519TokenSignedByAnotherKeyOrWithAZeroSignatureIsRefused() throws JOSEException {
        com.nimbusds.jose.jwk.OctetKeyPair attacker = new com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator(
                com.nimbusds.jose.jwk.Curve.Ed25519).keyID("ed-1").generate();
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-1").build(), claims().build(),
                new com.nimbusds.jose.crypto.Ed25519Signer(attacker));
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(forged)));
        String header = b64("{\"alg\":\"EdDSA\",\"kid\":\"ed-1\"}");
        assertEquals(Reason.TOKEN_INVALID, reason(bearer(header + "." + goodPayload() + "."
                + Base64URL.encode(new byte[64]))));
    }

    @Test
    void expiredEd25519TokenIsTokenExpired() {
        Instant now = Instant.now();
        String t = sign(new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID("ed-1").build(),
                claims().issueTime(Date.from(now.minusSeconds(7200))).notBeforeTime(Date.from(now.minusSeconds(7200)))
                        .expirationTime(Date.from(now.minusSeconds(600))).build(), TokenKit.edSigner());
        assertEquals(Reason.TOKEN_EXPIRED, reason(bearer(t)));
    }

    @Test
    void hmacTokensNeedTheConfiguredSecretAndTheConfusionStillFails() throws JOSEException {
        String secret = "0123456789abcdef0123456789abcdef-secret";
        Map<String, String> env = new java.util.HashMap<>(TokenKit.env(TokenKit.writeJwks(dir).toUri().toString()));
        env.put("FNGUARD_JWT_HMAC_SECRET", secret);
        Guard g = Guard.builder(Policy.forClass(HmacApi.class).withEnvironment(env), Void.class).auditSink(e -> { })
                .build();
        String good = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims().build(),
                new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        assertTrue(g.evaluate(request("Bearer " + good)).denial().isEmpty());
        String confused = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("rsa-1").build(), claims().build(),
                new MACSigner(RSA.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertEquals(Reason.TOKEN_INVALID, reason(g.evaluate(request("Bearer " + confused))));
        assertTrue(g.evaluate(request("Bearer " + rs256(claims().build()))).denial().isEmpty());
    }

    @Test
    void hmacAllowedWithoutASecretRefusesEveryToken() throws JOSEException {
        Guard g = Guard.builder(Policy.forClass(HmacOnlyApi.class).withEnvironment(
                Map.of("FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWT_AUDIENCE", AUDIENCE)), Void.class)
                .auditSink(e -> { }).build();
        String t = sign(new JWSHeader.Builder(JWSAlgorithm.HS256).build(), claims().build(),
                new MACSigner(new byte[32]));
        Evaluation e = g.evaluate(request("Bearer " + t));
        assertEquals(Reason.TOKEN_INVALID, reason(e));
        assertEquals(List.of("jwt:unconfigured"), fields(e));
    }

    @Test
    void unconfiguredIssuerOrKeysFailClosedWith401() {
        Guard g = guard(Map.of());
        Evaluation e = bearer(rs256(claims().build()));
        assertTrue(e.denial().isEmpty(), "the configured guard accepts it");
        Evaluation refused = g.evaluate(request("Bearer " + rs256(claims().build())));
        assertEquals(Reason.TOKEN_INVALID, reason(refused));
        assertEquals(List.of("jwt:unconfigured"), fields(refused));
        assertEquals(Reason.TOKEN_MISSING, reason(g.evaluate(request((String) null))));
    }

    @Test
    void jwtPlacedDirectlyOnTheHandlerClassIsHonoured() {
        Policy p = Policy.forClass(DirectApi.class);
        assertEquals(List.of("direct-api"), p.auth().jwt().orElseThrow().audiences());
        Guard g = Guard.builder(p.withEnvironment(Map.of("FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWKS_URL",
                TokenKit.writeJwks(dir).toUri().toString())), Void.class).auditSink(e -> { }).build();
        assertTrue(g.evaluate(request("Bearer " + rs256(b -> b.audience("direct-api")))).denial().isEmpty());
        assertEquals(Reason.TOKEN_INVALID, reason(g.evaluate(request("Bearer " + rs256(claims().build())))));
    }

    @Test
    void monitorModeFlagsABadTokenAndLetsItThroughAnonymous() {
        Map<String, String> env = new java.util.HashMap<>(TokenKit.env(TokenKit.writeJwks(dir).toUri().toString()));
        env.put("FNGUARD_MONITOR_CHECKS", "auth");
        Evaluation e = guard(env).evaluate(request("Bearer " + rs256(b -> b.issuer("https://evil.example.com/"))));
        assertTrue(e.denial().isEmpty());
        assertEquals(dev.fnguard.Decision.FLAG, e.decision());
        assertTrue(e.caller().isAnonymous(), "a flagged token does not become the caller");
    }

    @Test
    void unavailableKeysTellTheCallerWhenToRetry() {
        Evaluation e = guard(TokenKit.env(dir.resolve("missing.json").toUri().toString()))
                .evaluate(request("Bearer " + rs256(claims().build())));
        assertEquals(Reason.KEYS_UNAVAILABLE, reason(e));
        assertTrue(e.denial().get().retryAfter().isPresent());
    }

    @Test
    void auditFieldsNameTheFailureButNeverTheToken() {
        String t = rs256(b -> b.issuer("https://evil.example.com/"));
        Evaluation e = bearer(t);
        assertEquals(List.of("jwt:claims"), fields(e));
        for (String f : fields(e)) {
            assertTrue(!t.contains(f.substring(4)) || f.length() < 12);
        }
    }
}
