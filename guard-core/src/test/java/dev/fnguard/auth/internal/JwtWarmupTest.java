package dev.fnguard.auth.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JwtWarmupTest {

    @Test
    void warmupTokenVerifiesSoThatTheWholeVerificationPathRunsAtInit() {
        assertTrue(JwtWarmup.run(), "the constant token must verify, or the warm-up skips the signature path");
    }
}
