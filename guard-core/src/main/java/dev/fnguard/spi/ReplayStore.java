package dev.fnguard.spi;

import java.time.Duration;

/**
 * Remembers keys for a while, so that a signed message seen once is refused the second time
 * (webhook replay protection). In memory by default ({@link InMemoryReplayStore}); a shared store
 * (Redis) lets many function instances refuse each other's replays.
 *
 * <p>Implementations are thread-safe. A store that cannot answer (an outage) throws an unchecked
 * exception; the guard then refuses the event (fail closed).
 */
public interface ReplayStore {

    /**
     * Records a key unless it is already recorded, atomically.
     *
     * @param key the key (a delivery id or signature digest; never a secret)
     * @param ttl how long the key is remembered, positive
     * @return true when the key was not recorded before (first sight), false for a replay
     */
    boolean setIfAbsent(String key, Duration ttl);
}
