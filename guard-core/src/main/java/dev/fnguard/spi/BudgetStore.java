package dev.fnguard.spi;

import dev.fnguard.budget.RateLimit;
import java.time.Duration;

/**
 * State of the budgets: token buckets for rates and counters for spend. In memory by default
 * ({@link dev.fnguard.budget.InMemoryBudgetStore}); shared by every instance of a function with
 * {@code guard-redis}.
 *
 * <p>Implementations are thread-safe, answer within their configured timeout, and report a store
 * they cannot reach by throwing {@link StoreUnavailableException}, never by waiting longer. The same
 * abstract test class runs against every implementation.
 */
public interface BudgetStore extends AutoCloseable {

    /**
     * Takes one token from the bucket {@code key}, creating it full with {@code limit} if absent.
     *
     * @param key the bucket's key
     * @param limit the bucket's configuration
     * @return whether the token was taken, what remains, and how long until one is available
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    RateProbe tryConsume(String key, RateLimit limit);

    /**
     * Adds {@code amount} to the counter {@code key} unless that takes it over {@code limit}; a counter
     * that does not exist starts at 0 and expires {@code ttl} after its creation.
     *
     * @param key the counter's key (one per window)
     * @param amount what to add, at least 0
     * @param limit the most the counter may hold
     * @param ttl the counter's lifetime
     * @return whether it was added, and the counter's value after
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    SpendProbe charge(String key, long amount, long limit, Duration ttl);

    /**
     * Adds {@code delta} (possibly negative) to a counter whatever its limit: settles an estimate.
     *
     * @param key the counter's key
     * @param delta the correction
     * @param ttl the lifetime if the counter has to be created
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    void adjust(String key, long delta, Duration ttl);

    /** Releases connections; the default does nothing. */
    @Override
    default void close() {
    }
}
