package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.budget.InMemoryBudgetStore;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.spi.Stores;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Adding the module and setting FNGUARD_REDIS_URL is all it takes; without the URL, memory. */
class StoreDiscoveryTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void redisUrlInTheEnvironmentSelectsRedisStoresThroughTheServiceLoader() throws Exception {
        GuardOptions options = GuardOptions.builder().environment(REDIS.environment()).auditSink(AuditSink.NONE).build();
        try (Stores s = options.stores()) {
            assertInstanceOf(RedisBudgetStore.class, s.budget());
            assertInstanceOf(RedisReplayStore.class, s.replay());
            assertTrue(s.budget().tryConsume("discovery:k", RateLimit.perMinute(1, 1)).consumed());
        }
    }

    @Test
    void withoutRedisUrlTheStoresAreInMemory() throws Exception {
        try (Stores s = GuardOptions.builder().environment(Map.of()).build().stores()) {
            assertInstanceOf(InMemoryBudgetStore.class, s.budget());
        }
    }

    @Test
    void redisUrlWithWrongPasswordIsNotServedButNeverHangs() throws Exception {
        Map<String, String> env = new HashMap<>(REDIS.environment());
        env.put(RedisSettings.ENV_URL, REDIS.url().replace(RedisServerExtension.PASSWORD, "wrong"));
        try (Stores s = new RedisStoreProvider().open(env)) {
            assertThrows(dev.fnguard.spi.StoreUnavailableException.class,
                    () -> s.budget().tryConsume("discovery:auth", RateLimit.perMinute(1, 1)));
        }
    }

    @Test
    void invalidRedisSettingsAreRefusedNamingTheVariableWithoutRepeatingTheUrl() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RedisSettings
                .fromEnvironment(Map.of(RedisSettings.ENV_URL, "http://:hunter2@cache:6379")));
        assertTrue(e.getMessage().contains("FNGUARD_REDIS_URL"));
        assertFalse(e.getMessage().contains("hunter2"));
        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> RedisSettings
                .fromEnvironment(Map.of(RedisSettings.ENV_URL, "rediss://cache:6379",
                        RedisSettings.ENV_TIMEOUT_MS, "soon")));
        assertTrue(t.getMessage().contains("FNGUARD_REDIS_TIMEOUT_MS"));
        assertEquals(RedisSettings.DEFAULT_TIMEOUT,
                RedisSettings.fromEnvironment(Map.of(RedisSettings.ENV_URL, "rediss://cache:6379")).timeout());
        assertTrue(RedisSettings.fromEnvironment(Map.of(RedisSettings.ENV_URL, "rediss://cache:6379")).uri().isSsl());
    }
}
