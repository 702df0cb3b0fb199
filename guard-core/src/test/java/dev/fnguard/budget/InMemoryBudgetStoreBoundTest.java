package dev.fnguard.budget;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Callers rotating addresses cannot grow the in-memory store without bound. */
class InMemoryBudgetStoreBoundTest {

    @Test
    void idleBucketsAreDroppedOnceThereAreTooMany() throws InterruptedException {
        InMemoryBudgetStore store = new InMemoryBudgetStore();
        // refills a token in well under a millisecond: every bucket is full again almost at once
        RateLimit fast = new RateLimit(1_000_000, Duration.ofMinutes(1), 1);
        for (int i = 0; i <= InMemoryBudgetStore.MAX_ENTRIES; i++) {
            store.tryConsume("ip-" + i, fast);
        }
        Thread.sleep(1100); // purges run at most once a second (one may already have run in the loop)
        store.tryConsume("one-more", fast);
        assertTrue(store.bucketCount() < 1000, "idle buckets dropped, " + store.bucketCount() + " left");
    }
}
