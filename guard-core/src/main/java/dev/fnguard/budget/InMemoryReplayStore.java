package dev.fnguard.budget;

import dev.fnguard.spi.ReplayStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Replay protection in this instance's memory: remembers each key until its ttl ends. Expired keys
 * are dropped when the store holds more than {@value #MAX_ENTRIES}.
 */
public final class InMemoryReplayStore implements ReplayStore {

    /** The number of keys above which expired ones are dropped. */
    public static final int MAX_ENTRIES = 100_000;

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryReplayStore() {
    }

    @Override
    public boolean firstSeen(String key, Duration ttl) {
        long now = System.nanoTime();
        long until = now + ttl.toNanos();
        boolean[] first = {false};
        expiries.compute(key, (k, old) -> {
            if (old == null || now - old >= 0) {
                first[0] = true;
                return until;
            }
            return old;
        });
        if (expiries.size() > MAX_ENTRIES) {
            expiries.values().removeIf(t -> now - t >= 0);
        }
        return first[0];
    }
}
