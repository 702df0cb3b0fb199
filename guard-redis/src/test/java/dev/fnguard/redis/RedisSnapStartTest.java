package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.budget.RateLimit;
import dev.fnguard.spi.StoreUnavailableException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SnapStart/CRaC: no connection goes into the snapshot, and the restored function connects again. */
class RedisSnapStartTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void connectionsAreClosedBeforeTheSnapshotAndMadeAgainAfterTheRestore() throws Exception {
        String key = "snap:" + UUID.randomUUID();
        RateLimit two = RateLimit.perMinute(1, 2);
        try (RedisConnector c = new RedisConnector(RedisSettings.fromEnvironment(REDIS.environment()))) {
            RedisBudgetStore store = new RedisBudgetStore(c);
            assertTrue(store.tryConsume(key, two).consumed());
            c.beforeCheckpoint(null);
            assertThrows(StoreUnavailableException.class, () -> store.tryConsume(key, two),
                    "between checkpoint and restore there is no connection");
            c.afterRestore(null);
            assertTrue(store.tryConsume(key, two).consumed(), "the bucket in Redis kept its state");
            assertFalse(store.tryConsume(key, two).consumed());
        }
    }
}
