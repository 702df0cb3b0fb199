package dev.fnguard.redis;

import dev.fnguard.spi.ReplayStore;
import dev.fnguard.spi.StoreUnavailableException;
import io.lettuce.core.SetArgs;

/**
 * Replay protection in Redis: {@code SET key 1 NX PX ttl}, so a nonce or token id is accepted once
 * across every instance of a function until it expires.
 */
public final class RedisReplayStore implements ReplayStore {

    private final RedisConnector redis;

    /**
     * Uses a connector (which the caller closes).
     *
     * @param redis the connector
     */
    public RedisReplayStore(RedisConnector redis) {
        this.redis = redis;
    }

    @Override
    public boolean setIfAbsent(String key, java.time.Duration ttl) {
        RedisConnector.Links l = redis.links();
        try {
            String r = l.strings.sync().set("fnguard:replay:" + key, "1",
                    SetArgs.Builder.nx().px(Math.max(1, ttl.toMillis())));
            return "OK".equals(r);
        } catch (RuntimeException e) {
            throw new StoreUnavailableException("redis replay call failed", e);
        }
    }
}
