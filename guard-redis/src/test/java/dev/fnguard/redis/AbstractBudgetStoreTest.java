package dev.fnguard.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.budget.RateLimit;
import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.RateProbe;
import dev.fnguard.spi.ReplayStore;
import dev.fnguard.spi.SpendProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link BudgetStore} and {@link ReplayStore}: every implementation passes this class
 * (in memory and Redis, here; any future backend by extending it).
 */
abstract class AbstractBudgetStoreTest {

    /** @return the store under test, shared by the tests of a class */
    abstract BudgetStore budgets();

    /** @return the replay store of the same backend */
    abstract ReplayStore replays();

    /** A key no other test uses (stores may be shared across tests). */
    static String key(String what) {
        return "test:" + what + ":" + UUID.randomUUID();
    }

    @Test
    void burstIsServedThenRefusedWithTimeToNextToken() {
        String k = key("rate");
        RateLimit limit = RateLimit.perMinute(1, 10); // refill is negligible during the test
        for (int i = 0; i < 10; i++) {
            RateProbe p = budgets().tryConsume(k, limit);
            assertTrue(p.consumed(), "token " + (i + 1) + " of the burst");
            assertEquals(9 - i, p.remaining());
        }
        RateProbe refused = budgets().tryConsume(k, limit);
        assertFalse(refused.consumed());
        assertTrue(refused.retryAfter().compareTo(Duration.ofSeconds(50)) > 0
                && refused.retryAfter().compareTo(Duration.ofMinutes(1)) <= 0,
                "one token a minute, just taken: the next comes in about a minute, was " + refused.retryAfter());
    }

    @Test
    void oneKeysBurstDoesNotTouchAnother() {
        String a = key("a");
        String b = key("b");
        RateLimit limit = RateLimit.perMinute(1, 3);
        for (int i = 0; i < 5; i++) {
            budgets().tryConsume(a, limit);
        }
        assertFalse(budgets().tryConsume(a, limit).consumed());
        RateProbe other = budgets().tryConsume(b, limit);
        assertTrue(other.consumed());
        assertEquals(2, other.remaining());
    }

    @Test
    void chargeIsRefusedWhenItWouldPassTheLimitAndLeavesTheCounterUnchanged() {
        String k = key("spend");
        Duration ttl = Duration.ofMinutes(5);
        assertEquals(new SpendProbe(true, 60), budgets().charge(k, 60, 100, ttl));
        assertEquals(new SpendProbe(true, 100), budgets().charge(k, 40, 100, ttl));
        assertEquals(new SpendProbe(false, 100), budgets().charge(k, 1, 100, ttl));
        assertEquals(new SpendProbe(false, 100), budgets().charge(k, 1, 100, ttl));
    }

    @Test
    void adjustSettlesAnEstimateInBothDirections() {
        String k = key("settle");
        Duration ttl = Duration.ofMinutes(5);
        budgets().charge(k, 100, 100, ttl);
        budgets().adjust(k, -70, ttl);
        assertEquals(new SpendProbe(true, 100), budgets().charge(k, 70, 100, ttl));
        budgets().adjust(k, 25, ttl);
        assertEquals(new SpendProbe(false, 125), budgets().charge(k, 1, 200 - 75, ttl));
    }

    @Test
    void replayKeyIsFirstSeenOnceWithinItsTtl() {
        String k = key("nonce");
        assertTrue(replays().setIfAbsent(k, Duration.ofMinutes(5)));
        assertFalse(replays().setIfAbsent(k, Duration.ofMinutes(5)));
        assertTrue(replays().setIfAbsent(key("other"), Duration.ofMinutes(5)));
    }

    @Test
    void replayKeyIsAcceptedAgainOnceItExpired() throws InterruptedException {
        String k = key("short");
        assertTrue(replays().setIfAbsent(k, Duration.ofMillis(30)));
        Thread.sleep(120);
        assertTrue(replays().setIfAbsent(k, Duration.ofMillis(30)));
    }
}
