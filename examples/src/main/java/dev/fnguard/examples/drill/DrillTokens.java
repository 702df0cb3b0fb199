package dev.fnguard.examples.drill;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSAEncrypter;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The drill's own identity provider: an RSA and an EC signing key made with nimbus's generators, a
 * JWKS file with their public halves, the {@code FNGUARD_*} variables pointing at it, and tokens,
 * good and hostile, minted on demand. Also used by the benchmarks to send authorized events.
 */
public final class DrillTokens {

    /** The issuer the drill's tokens carry and the examples are configured with. */
    public static final String ISSUER = "https://drill.fnguard.dev/";
    /** The audience {@code OrdersApi} accepts. */
    public static final String AUDIENCE = "orders-api";

    private final RSAKey rsa;
    private final ECKey ec;
    private final RSAKey attacker;
    private final Path jwks;

    private DrillTokens(RSAKey rsa, ECKey ec, RSAKey attacker, Path jwks) {
        this.rsa = rsa;
        this.ec = ec;
        this.attacker = attacker;
        this.jwks = jwks;
    }

    /**
     * Generates the keys and writes the JWKS to a temporary file (deleted when the JVM exits).
     *
     * @return the kit
     */
    public static DrillTokens create() {
        try {
            RSAKey rsa = new RSAKeyGenerator(2048).keyID("drill-rsa").generate();
            ECKey ec = new ECKeyGenerator(Curve.P_256).keyID("drill-ec").generate();
            RSAKey attacker = new RSAKeyGenerator(2048).keyID("drill-rsa").generate();
            Path file = Files.createTempFile("fnguard-drill-jwks", ".json");
            file.toFile().deleteOnExit();
            Files.writeString(file, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString(),
                    StandardCharsets.UTF_8);
            return new DrillTokens(rsa, ec, attacker, file);
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate the drill's keys", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The variables that point a function at this kit's issuer and keys.
     *
     * @return {@code FNGUARD_JWT_ISSUER} and {@code FNGUARD_JWKS_URL}
     */
    public Map<String, String> environment() {
        return Map.of("FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWKS_URL", jwksUrl());
    }

    /** @return the {@code file:} URL of the JWKS */
    public String jwksUrl() {
        return jwks.toUri().toString();
    }

    /**
     * Claims of a good token: issuer, audience, subject, valid for a day, scope {@code orders:write}.
     *
     * @return a builder to change
     */
    public static JWTClaimsSet.Builder claims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject("drill-user")
                .issueTime(Date.from(now.minusSeconds(1))).expirationTime(Date.from(now.plusSeconds(86_400)))
                .claim("scope", "orders:write");
    }

    /** @return a good RS256 token */
    public String valid() {
        return rs256(b -> { });
    }

    /**
     * An RS256 token with edited claims.
     *
     * @param edit the change
     * @return the token
     */
    public String rs256(Consumer<JWTClaimsSet.Builder> edit) {
        JWTClaimsSet.Builder b = claims();
        edit.accept(b);
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID()).type(JOSEObjectType.JWT).build(),
                b.build(), signer(rsa));
    }

    /** @return a good ES256 token */
    public String es256() {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(ec.getKeyID()).build(), claims().build(),
                    new ECDSASigner(ec));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return an unsecured token ({@code alg: none}) with good claims */
    public String algNone() {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims().build().toString()) + ".";
    }

    /** @return the good claims re-signed with HS256, using the RSA public key as the HMAC secret */
    public String hs256WithPublicKey() {
        try {
            return sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(rsa.getKeyID()).build(), claims().build(),
                    new MACSigner(rsa.toRSAPublicKey().getEncoded()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A token signed by the attacker's key with a header of the attacker's choice.
     *
     * @param header the header
     * @return the token
     */
    public String attackerSigned(JWSHeader header) {
        return sign(header, claims().build(), signer(attacker));
    }

    /** @return a token whose {@code jku} names the attacker's JWKS, signed by the attacker */
    public String jkuAttack() {
        return attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("drill-rsa")
                .jwkURL(URI.create("https://attacker.example/jwks.json")).build());
    }

    /** @return a token embedding the attacker's public key as {@code jwk}, signed by the attacker */
    public String embeddedJwkAttack() {
        return attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).jwk(attacker.toPublicJWK()).build());
    }

    /** @return a token whose {@code kid} is a path traversal */
    public String kidTraversal() {
        return attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("../../../../dev/null").build());
    }

    /** @return a token whose {@code kid} is SQL */
    public String kidSql() {
        return attackerSigned(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("x' UNION SELECT 'key' --").build());
    }

    /** @return an ES256 token with r = s = 0 (CVE-2022-21449, "psychic signatures") */
    public String psychicSignature() {
        return b64("{\"alg\":\"ES256\",\"kid\":\"drill-ec\"}") + "." + b64(claims().build().toString()) + "."
                + Base64URL.encode(new byte[64]);
    }

    /** @return a good token encrypted as a JWE where a signed token is expected */
    public String encrypted() {
        try {
            JWEObject jwe = new JWEObject(new JWEHeader.Builder(JWEAlgorithm.RSA_OAEP_256, EncryptionMethod.A256GCM)
                    .contentType("JWT").build(), new Payload(valid()));
            jwe.encrypt(new RSAEncrypter(rsa.toPublicJWK()));
            return jwe.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return a good token with an unknown critical header */
    public String unknownCrit() {
        return sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsa.getKeyID())
                .criticalParams(java.util.Set.of("drill-ext")).customParam("drill-ext", 1).build(), claims().build(),
                signer(rsa));
    }

    private static JWSSigner signer(RSAKey k) {
        try {
            return new RSASSASigner(k);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static String b64(String json) {
        return Base64URL.encode(json.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
