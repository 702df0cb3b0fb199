package dev.fnguard.spi;

import java.time.Duration;

/**
 * Remembers keys (webhook nonces, signature digests, token ids) for a while, so that a signed message
 * seen once is refused the second time: set-if-absent with expiry. In memory by default
 * ({@link InMemoryReplayStore}); shared by every function instance with {@code guard-redis}.
 *
 * <p>Implementations are thread-safe. A store that cannot answer in time throws
 * {@link StoreUnavailableException} (or another unchecked exception); the guard then refuses the event
 * (fail closed).
 */
public interface ReplayStore {

    /**
     * Records a key unless it is already recorded, atomically.
     *
     * @param key the key (a delivery id or signature digest; never a secret)
     * @param ttl how long the key is remembered, positive
     * @return true when the key was not recorded before (first sight), false for a replay
     * @throws StoreUnavailableException when the store cannot answer in time
     */
    boolean setIfAbsent(String key, Duration ttl);
}
