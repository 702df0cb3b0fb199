package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.budget.RateLimit;
import dev.fnguard.spi.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The path a fresh CI machine takes: no redis-server on the PATH, so the tests run the binary shipped
 * in the embedded-redis artifact. Forced here whatever the machine has.
 */
class EmbeddedRedisBinaryTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = RedisServerExtension.embedded();

    @Test
    void shippedBinaryServesBudgetsAndReplayWithAuth() throws Exception {
        assertTrue(REDIS.binary().toString().contains("fnguard-redis"), "the binary extracted from the jar");
        try (Stores s = new RedisStoreProvider().open(REDIS.environment())) {
            RateLimit one = RateLimit.perMinute(1, 1);
            assertTrue(s.budget().tryConsume("embedded:k", one).consumed());
            assertFalse(s.budget().tryConsume("embedded:k", one).consumed());
            assertTrue(s.replay().setIfAbsent("embedded:n", java.time.Duration.ofMinutes(1)));
            assertFalse(s.replay().setIfAbsent("embedded:n", java.time.Duration.ofMinutes(1)));
            assertEquals("redis", new RedisStoreProvider().name());
        }
    }
}
