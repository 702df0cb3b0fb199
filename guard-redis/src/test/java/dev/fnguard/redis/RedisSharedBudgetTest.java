package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditSink;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Outcome;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.budget.CostModel;
import dev.fnguard.budget.FailMode;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.budget.SpendLimit;
import dev.fnguard.spi.Stores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Several guard instances (each with its own Redis client, as separate Lambda instances) share one budget. */
class RedisSharedBudgetTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private final List<Stores> opened = new ArrayList<>();

    @AfterEach
    void closeStores() throws Exception {
        for (Stores s : opened) {
            s.close();
        }
    }

    private Guard instance(BudgetSettings budget) {
        Stores s = new RedisStoreProvider().open(REDIS.environment());
        opened.add(s);
        return Guard.builder(Policy.builder().budget(budget).build(), Void.class)
                .auditSink(AuditSink.NONE)
                .budgetStore(s.budget())
                .build();
    }

    private static BudgetSettings callerRate(long perMinute, long burst) {
        return new BudgetSettings(Optional.of(RateLimit.perMinute(perMinute, burst)), Optional.empty(),
                SpendLimit.none(), CostModel.defaults(), 0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);
    }

    private static int allowed(List<Guard> guards, String function, String ip, int attempts) {
        int ok = 0;
        for (int i = 0; i < attempts; i++) {
            Evaluation e = guards.get(i % guards.size()).evaluate(Invocations.from(function, ip));
            if (e.denial().isEmpty()) {
                ok++;
            } else {
                assertEquals(Reason.RATE, e.denial().get().reason().orElseThrow());
                assertTrue(e.denial().get().retryAfter().isPresent());
            }
        }
        return ok;
    }

    @Test
    void twoInstancesSharingRedisRefuseTheSameTotalAsOne() {
        BudgetSettings b = callerRate(1, 10); // refill is negligible during the test
        int alone = allowed(List.of(instance(b)), "fn-" + UUID.randomUUID(), "198.51.100.7", 30);
        int together = allowed(List.of(instance(b), instance(b)), "fn-" + UUID.randomUUID(), "198.51.100.7", 30);
        assertEquals(10, alone);
        assertEquals(alone, together, "two instances together get what one gets, not twice as much");
    }

    @Test
    void burstFromOneCallerDoesNotTouchAnothersBudget() {
        BudgetSettings b = callerRate(1, 5);
        String fn = "fn-" + UUID.randomUUID();
        List<Guard> both = List.of(instance(b), instance(b));
        assertEquals(5, allowed(both, fn, "198.51.100.7", 20));
        assertEquals(5, allowed(both, fn, "203.0.113.9", 5), "the other caller still has its whole burst");
    }

    private static BudgetSettings functionGbSeconds(double gbs) {
        // 1024 MB and a 100 ms estimate: 0.1 GB-s charged up front per invocation
        return new BudgetSettings(Optional.empty(), Optional.empty(),
                new SpendLimit(Duration.ofHours(1), 0, gbs, 0, 0),
                CostModel.defaults().withMemoryMb(1024), 0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);
    }

    @Test
    void functionSpendIsSharedByInstancesAndRefusedWhenTheWindowIsGone() {
        String fn = "fn-" + UUID.randomUUID();
        Guard a = instance(functionGbSeconds(0.5));
        Guard c = instance(functionGbSeconds(0.5));
        for (int i = 0; i < 5; i++) {
            Evaluation e = (i % 2 == 0 ? a : c).evaluate(Invocations.from(fn, "198.51.100." + i));
            assertTrue(e.denial().isEmpty(), "estimate " + (i + 1) + " of 5 fits");
        }
        Evaluation over = c.evaluate(Invocations.from(fn, "198.51.100.99"));
        assertEquals(Reason.SPEND, over.denial().orElseThrow().reason().orElseThrow());
        Duration retry = over.denial().get().retryAfter().orElseThrow();
        assertTrue(retry.compareTo(Duration.ZERO) > 0 && retry.compareTo(Duration.ofHours(1)) <= 0,
                "Retry-After is the end of the window, was " + retry);
    }

    @Test
    void settledInvocationsCostTheirRealDurationNotTheEstimate() {
        // a 10 s estimate at 1024 MB is 10 GB-s; 30 GB-s fit 3 unsettled invocations, or 30 s of real time
        BudgetSettings b = new BudgetSettings(Optional.empty(), Optional.empty(),
                new SpendLimit(Duration.ofHours(1), 0, 30, 0, 0), new CostModel(1024,
                        CostModel.DEFAULT_PRICE_PER_GB_SECOND, CostModel.DEFAULT_PRICE_PER_REQUEST, 10_000),
                0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);
        String fn = "fn-" + UUID.randomUUID();
        Guard a = instance(b);
        Guard c = instance(b);
        for (int i = 0; i < 20; i++) {
            Guard g = i % 2 == 0 ? a : c;
            Evaluation e = g.evaluate(Invocations.from(fn, "198.51.100." + i));
            assertTrue(e.denial().isEmpty(), "invocation " + (i + 1) + " is settled with its real duration");
            g.complete(e, Outcome.OK, 200, Optional.empty());
        }
    }
}
