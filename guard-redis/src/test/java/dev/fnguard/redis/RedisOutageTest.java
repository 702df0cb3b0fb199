package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditEvent;
import dev.fnguard.Decision;
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
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Redis goes away mid-test and comes back: budgets fail open (audited) or closed as declared, never
 * wait longer than the configured timeout, and work again once Redis is back.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RedisOutageTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    /** A generous bound for one evaluation while Redis is down: the timeout is 250 ms. */
    private static final Duration BOUND = Duration.ofSeconds(2);

    private static Stores stores;
    private static final String FN = "fn-" + UUID.randomUUID();
    private static final List<AuditEvent> AUDIT = new CopyOnWriteArrayList<>();
    private static Guard open;
    private static Guard closed;
    private static Guard rateOpenSpendClosed;

    private static Guard guard(FailMode rate, FailMode spend) {
        BudgetSettings b = new BudgetSettings(Optional.of(RateLimit.perMinute(1, 3)), Optional.empty(),
                new SpendLimit(Duration.ofHours(1), 0, 1000, 0, 0), CostModel.defaults(), 0, 0, 0, 0, rate, spend);
        return Guard.builder(Policy.builder().budget(b).build(), Void.class)
                .auditSink(AUDIT::add).budgetStore(stores.budget()).build();
    }

    @BeforeAll
    static void open() {
        stores = new RedisStoreProvider().open(REDIS.environment());
        open = guard(FailMode.OPEN, FailMode.OPEN);
        closed = guard(FailMode.CLOSED, FailMode.CLOSED);
        rateOpenSpendClosed = guard(FailMode.OPEN, FailMode.CLOSED);
    }

    @AfterAll
    static void close() throws Exception {
        stores.close();
    }

    private static Evaluation timed(Guard g, String ip) {
        long t0 = System.nanoTime();
        Evaluation e = g.evaluate(Invocations.from(FN, ip));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        assertTrue(took.compareTo(BOUND) < 0, "an outage must not hang the function, took " + took);
        return e;
    }

    @Test
    @Order(1)
    void withRedisUpTheBudgetIsEnforced() {
        assertEquals(Duration.ofMillis(250), RedisSettings.fromEnvironment(REDIS.environment()).timeout());
        for (int i = 0; i < 3; i++) {
            assertTrue(timed(closed, "198.51.100.1").denial().isEmpty());
        }
        assertEquals(Reason.RATE, timed(closed, "198.51.100.1").denial().orElseThrow().reason().orElseThrow());
    }

    @Test
    @Order(2)
    void redisStoppedFailOpenLetsThroughAndAuditsStoreUnavailable() throws Exception {
        REDIS.stop();
        AUDIT.clear();
        for (int i = 0; i < 5; i++) {
            Evaluation e = timed(open, "198.51.100.1");
            assertTrue(e.denial().isEmpty(), "fail-open lets the invocation through, even past the rate");
            assertEquals(Decision.FLAG, e.decision());
            open.complete(e, Outcome.OK, 200, Optional.empty());
        }
        assertEquals(5, AUDIT.size());
        for (AuditEvent a : AUDIT) {
            assertEquals(List.of("STORE_UNAVAILABLE"), a.reasons());
            assertEquals(Decision.FLAG, a.decision());
        }
    }

    @Test
    @Order(3)
    void redisStoppedFailClosedRefusesWith503() {
        Evaluation e = timed(closed, "198.51.100.2");
        Reason r = e.denial().orElseThrow().reason().orElseThrow();
        assertEquals(Reason.STORE_UNAVAILABLE, r);
        assertEquals(503, r.status());
    }

    @Test
    @Order(4)
    void eachBudgetFailsAsItDeclares() {
        Evaluation e = timed(rateOpenSpendClosed, "198.51.100.4");
        assertEquals(Reason.STORE_UNAVAILABLE, e.denial().orElseThrow().reason().orElseThrow(),
                "the rate lets through, the spend budget (closed) refuses");
    }

    @Test
    @Order(5)
    void redisRestartedBudgetsWorkAgain() throws Exception {
        REDIS.start();
        // Lettuce reconnects in the background; wait for it (bounded), then the budget is enforced again
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Evaluation e = closed.evaluate(Invocations.from(FN, "198.51.100.3"));
        while (e.denial().isPresent() && System.nanoTime() < until) {
            Thread.sleep(100);
            e = closed.evaluate(Invocations.from(FN, "198.51.100.3"));
        }
        assertTrue(e.denial().isEmpty(), "served again once Redis is back");
        assertTrue(timed(closed, "198.51.100.3").denial().isEmpty());
        assertTrue(timed(closed, "198.51.100.3").denial().isEmpty());
        assertEquals(Reason.RATE, timed(closed, "198.51.100.3").denial().orElseThrow().reason().orElseThrow(),
                "the rate is enforced again (Redis restarted empty: a fresh burst of 3)");
    }
}
