package dev.fnguard.redis;

import dev.fnguard.budget.RateLimit;
import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.RateProbe;
import dev.fnguard.spi.SpendProbe;
import dev.fnguard.spi.StoreUnavailableException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;

/**
 * Budgets in Redis, shared by every instance of a function: Bucket4j's compare-and-swap buckets on
 * Lettuce for rates, and Lua-scripted counters (add unless over the limit, expire with the window)
 * for spend. Every call ends within the connector's timeout or throws
 * {@link StoreUnavailableException}.
 */
public final class RedisBudgetStore implements BudgetStore {

    private static final String CHARGE = ""
            + "local a = tonumber(ARGV[1]) "
            + "local v = redis.call('INCRBY', KEYS[1], a) "
            + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end "
            + "if v > tonumber(ARGV[2]) then redis.call('DECRBY', KEYS[1], a) return {0, v - a} end "
            + "return {1, v}";
    private static final String ADJUST = ""
            + "local v = redis.call('INCRBY', KEYS[1], tonumber(ARGV[1])) "
            + "if redis.call('PTTL', KEYS[1]) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end "
            + "return v";

    private final RedisConnector redis;

    /**
     * Uses a connector (which the caller closes).
     *
     * @param redis the connector
     */
    public RedisBudgetStore(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public RateProbe tryConsume(String key, RateLimit limit) {
        RedisConnector.Links l = redis.links();
        try {
            BucketConfiguration config = BucketConfiguration.builder()
                    .addLimit(b -> b.capacity(limit.burst()).refillGreedy(limit.tokens(), limit.period()))
                    .build();
            ConsumptionProbe p = l.buckets.builder().build(key, () -> config).tryConsumeAndReturnRemaining(1);
            return new RateProbe(p.isConsumed(), p.getRemainingTokens(),
                    p.isConsumed() ? Duration.ZERO : Duration.ofNanos(p.getNanosToWaitForRefill()));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("redis rate call failed", e);
        }
    }

    @Override
    public SpendProbe charge(String key, long amount, long limit, Duration ttl) {
        RedisConnector.Links l = redis.links();
        try {
            List<Long> r = l.strings.sync().eval(CHARGE, ScriptOutputType.MULTI, new String[] {key},
                    Long.toString(amount), Long.toString(limit), Long.toString(ttl.toMillis()));
            return new SpendProbe(r.get(0) == 1L, r.get(1));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("redis spend call failed", e);
        }
    }

    @Override
    public void adjust(String key, long delta, Duration ttl) {
        RedisConnector.Links l = redis.links();
        try {
            Long ignored = l.strings.sync().eval(ADJUST, ScriptOutputType.INTEGER, new String[] {key},
                    Long.toString(delta), Long.toString(ttl.toMillis()));
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("redis spend adjustment failed", e);
        }
    }
}
