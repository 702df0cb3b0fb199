package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditSink;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.budget.CostModel;
import dev.fnguard.budget.FailMode;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.budget.SpendLimit;
import dev.fnguard.spi.Stores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis up but not answering (every client paused with {@code CLIENT PAUSE}, as a stalled or
 * overloaded server would be): the per-call timeout bounds the wait and the budget fails as declared.
 */
class RedisUnresponsiveTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    @Test
    void stalledRedisIsAbandonedAfterTheTimeoutAndTheBudgetFailsClosed() throws Exception {
        BudgetSettings b = new BudgetSettings(Optional.of(RateLimit.perMinute(1, 100)), Optional.empty(),
                SpendLimit.none(), CostModel.defaults(), 0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);
        String fn = "fn-" + UUID.randomUUID();
        RedisClient admin = RedisClient.create(REDIS.url());
        try (Stores stores = new RedisStoreProvider().open(REDIS.environment());
                StatefulRedisConnection<String, String> pauser = admin.connect()) {
            Guard g = Guard.builder(Policy.builder().budget(b).build(), Void.class)
                    .auditSink(AuditSink.NONE).budgetStore(stores.budget()).build();
            assertTrue(g.evaluate(Invocations.from(fn, "198.51.100.7")).denial().isEmpty());

            pauser.sync().clientPause(3000);
            long t0 = System.nanoTime();
            Evaluation e = g.evaluate(Invocations.from(fn, "198.51.100.7"));
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            assertEquals(Reason.STORE_UNAVAILABLE, e.denial().orElseThrow().reason().orElseThrow());
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0,
                    "bounded by the 250 ms timeout, not by the 3 s pause; took " + took);

            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Evaluation again = g.evaluate(Invocations.from(fn, "198.51.100.7"));
            while (again.denial().isPresent() && System.nanoTime() < until) {
                Thread.sleep(100);
                again = g.evaluate(Invocations.from(fn, "198.51.100.7"));
            }
            assertTrue(again.denial().isEmpty(), "served again once Redis answers");
        } finally {
            admin.shutdown();
        }
    }
}
