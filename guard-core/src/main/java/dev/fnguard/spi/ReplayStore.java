package dev.fnguard.spi;

import java.time.Duration;

/**
 * Remembers keys (webhook nonces, token ids) for a while, to refuse a replay: set-if-absent with
 * expiry. In memory by default; shared by every instance with {@code guard-redis}.
 */
public interface ReplayStore {

    /**
     * Records {@code key} for {@code ttl} if it is not already recorded.
     *
     * @param key the key (a hash of the nonce, never a secret)
     * @param ttl how long to remember it
     * @return true the first time a key is seen within its ttl, false for a replay
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    boolean firstSeen(String key, Duration ttl);
}
