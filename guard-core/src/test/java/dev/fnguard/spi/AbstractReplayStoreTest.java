package dev.fnguard.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReplayStore} passes (in memory here; a shared store extends this class
 * with its own {@link #store}). Time-dependent tests move {@link #clock}; a store that keeps its own
 * time (Redis) overrides {@link #expire} to wait out or force the expiry instead.
 */
public abstract class AbstractReplayStoreTest {

    /** The clock the store under test is given, where it takes one. */
    protected final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

    /** @return a fresh store */
    protected abstract ReplayStore store();

    /**
     * Lets a key's TTL pass.
     *
     * @param ttl the TTL it was set with
     */
    protected void expire(Duration ttl) {
        clock.advance(ttl.plusMillis(1));
    }

    private static String key() {
        return "test:" + UUID.randomUUID();
    }

    @Test
    void firstSightIsTrueAndTheReplayIsFalse() {
        ReplayStore s = store();
        String k = key();
        assertTrue(s.setIfAbsent(k, Duration.ofMinutes(5)));
        assertFalse(s.setIfAbsent(k, Duration.ofMinutes(5)));
        assertFalse(s.setIfAbsent(k, Duration.ofMinutes(5)));
    }

    @Test
    void keysAreIndependent() {
        ReplayStore s = store();
        assertTrue(s.setIfAbsent(key(), Duration.ofMinutes(5)));
        assertTrue(s.setIfAbsent(key(), Duration.ofMinutes(5)));
    }

    @Test
    void aKeyIsForgottenAfterItsTtl() {
        ReplayStore s = store();
        String k = key();
        assertTrue(s.setIfAbsent(k, Duration.ofSeconds(2)));
        expire(Duration.ofSeconds(2));
        assertTrue(s.setIfAbsent(k, Duration.ofSeconds(2)));
    }

    @Test
    void concurrentFirstSightsHaveExactlyOneWinner() throws Exception {
        ReplayStore s = store();
        String k = key();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tasks.add(() -> s.setIfAbsent(k, Duration.ofMinutes(5)));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(tasks)) {
                winners += f.get() ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonPositiveTtlIsRefused() {
        ReplayStore s = store();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> s.setIfAbsent(key(), Duration.ZERO));
    }
}
