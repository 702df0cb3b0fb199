package dev.fnguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Policy;
import dev.fnguard.detect.internal.DetectCheck;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller a verified bearer token yields carries the method the {@code detect} check trusts. */
class VerifiedBearerMethodTest {

    @TempDir
    Path dir;

    @Test
    void aVerifiedBearerTokenYieldsTheMethodDetectionSkipsTheHeaderFor() {
        Guard guard = Guard.builder(Policy.forClass(JwtAttackTest.Api.class)
                .withEnvironment(TokenKit.env(TokenKit.writeJwks(dir).toUri().toString())), Void.class)
                .auditSink(e -> { }).build();
        Evaluation e = guard.evaluate(TokenKit.request("Bearer " + TokenKit.rs256(TokenKit.claims().build())));
        assertEquals(DetectCheck.VERIFIED_BEARER, e.caller().method());
    }
}
