package dev.fnguard.auth;

import static dev.fnguard.auth.TokenKit.claims;
import static dev.fnguard.auth.TokenKit.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.spi.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token that verified is remembered briefly; what must still be checked on every use is. */
class VerifiedTokenReuseTest {

    @Guarded(jwt = @Jwt(clockSkew = 0))
    static final class NoSkewApi {
    }

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.now());

    private Guard guard() {
        return Guard.builder(Policy.forClass(NoSkewApi.class)
                .withEnvironment(TokenKit.env(TokenKit.writeJwks(dir).toUri().toString())), Void.class)
                .clock(clock).auditSink(e -> { }).build();
    }

    @Test
    void rememberedTokenStillExpiresOnTime() {
        Guard g = guard();
        String t = TokenKit.rs256(claims().expirationTime(Date.from(clock.instant().plusSeconds(30))).build());
        assertTrue(g.evaluate(request("Bearer " + t)).denial().isEmpty());
        assertTrue(g.evaluate(request("Bearer " + t)).denial().isEmpty());
        clock.advance(Duration.ofSeconds(31));
        assertEquals(Reason.TOKEN_EXPIRED, g.evaluate(request("Bearer " + t)).denial().orElseThrow().reason().orElseThrow());
    }

    @Test
    void rememberedTokenDoesNotVouchForAnotherSignatureOverTheSameClaims() {
        Guard g = guard();
        com.nimbusds.jwt.JWTClaimsSet c = claims().build();
        String good = TokenKit.rs256(c);
        assertTrue(g.evaluate(request("Bearer " + good)).denial().isEmpty());
        String forged = TokenKit.sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1")
                .type(com.nimbusds.jose.JOSEObjectType.JWT).build(), c, TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
        assertEquals(good.substring(0, good.lastIndexOf('.')), forged.substring(0, forged.lastIndexOf('.')));
        assertEquals(Reason.TOKEN_INVALID, g.evaluate(request("Bearer " + forged)).denial().orElseThrow().reason().orElseThrow());
        String truncated = good.substring(0, good.length() - 2);
        assertEquals(Reason.TOKEN_INVALID,
                g.evaluate(request("Bearer " + truncated)).denial().orElseThrow().reason().orElseThrow());
    }

    @Test
    void notYetValidTokenIsNotRememberedAsValid() {
        Guard g = guard();
        String t = TokenKit.rs256(claims().notBeforeTime(Date.from(clock.instant().plusSeconds(10))).build());
        assertEquals(Reason.TOKEN_INVALID, g.evaluate(request("Bearer " + t)).denial().orElseThrow().reason().orElseThrow());
        clock.advance(Duration.ofSeconds(11));
        assertTrue(g.evaluate(request("Bearer " + t)).denial().isEmpty(), "valid once nbf has passed");
    }
}
