package dev.fnguard.budget;

import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.RateProbe;
import dev.fnguard.spi.SpendProbe;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Budgets in this instance's memory: Bucket4j local buckets for rates, atomic counters for spend.
 * The default store; with many instances each has its own budget (use {@code guard-redis} for one
 * budget shared by all).
 *
 * <p>Memory is bounded: when more than {@value #MAX_ENTRIES} buckets or counters exist (for example
 * callers rotating addresses), full buckets and expired counters are dropped, at most once a second.
 */
public final class InMemoryBudgetStore implements BudgetStore {

    /** The number of buckets (and of counters) above which idle ones are dropped. */
    public static final int MAX_ENTRIES = 100_000;

    private static final long PURGE_INTERVAL_NANOS = 1_000_000_000L;

    private final Map<String, Entry> buckets = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final AtomicLong lastPurge = new AtomicLong(System.nanoTime());

    /** Creates an empty store. */
    public InMemoryBudgetStore() {
    }

    @Override
    public RateProbe tryConsume(String key, RateLimit limit) {
        Entry e = buckets.compute(key, (k, old) -> old != null && old.limit.equals(limit) ? old : new Entry(limit));
        ConsumptionProbe p = e.bucket.tryConsumeAndReturnRemaining(1);
        maybePurge();
        return new RateProbe(p.isConsumed(), p.getRemainingTokens(),
                p.isConsumed() ? Duration.ZERO : Duration.ofNanos(p.getNanosToWaitForRefill()));
    }

    @Override
    public SpendProbe charge(String key, long amount, long limit, Duration ttl) {
        Counter c = counter(key, ttl);
        while (true) {
            long cur = c.value.get();
            long next = cur + amount;
            if (next > limit) {
                return new SpendProbe(false, cur);
            }
            if (c.value.compareAndSet(cur, next)) {
                return new SpendProbe(true, next);
            }
        }
    }

    @Override
    public void adjust(String key, long delta, Duration ttl) {
        counter(key, ttl).value.addAndGet(delta);
    }

    private Counter counter(String key, Duration ttl) {
        long now = System.nanoTime();
        Counter c = counters.compute(key, (k, old) -> old == null || old.expired(now)
                ? new Counter(now + ttl.toNanos()) : old);
        maybePurge();
        return c;
    }

    private void maybePurge() {
        if (buckets.size() <= MAX_ENTRIES && counters.size() <= MAX_ENTRIES) {
            return;
        }
        long now = System.nanoTime();
        long last = lastPurge.get();
        if (now - last < PURGE_INTERVAL_NANOS || !lastPurge.compareAndSet(last, now)) {
            return;
        }
        buckets.values().removeIf(e -> e.bucket.getAvailableTokens() >= e.limit.burst());
        counters.values().removeIf(c -> c.expired(now));
    }

    int bucketCount() {
        return buckets.size();
    }

    private static final class Entry {
        final RateLimit limit;
        final Bucket bucket;

        Entry(RateLimit limit) {
            this.limit = limit;
            this.bucket = Bucket.builder()
                    .addLimit(l -> l.capacity(limit.burst()).refillGreedy(limit.tokens(), limit.period()))
                    .build();
        }
    }

    private static final class Counter {
        final long expiresAtNanos;
        final AtomicLong value = new AtomicLong();

        Counter(long expiresAtNanos) {
            this.expiresAtNanos = expiresAtNanos;
        }

        boolean expired(long now) {
            return now - expiresAtNanos >= 0;
        }
    }
}
