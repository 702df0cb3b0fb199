package dev.fnguard.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ReplayStore} in the memory of one function instance, with expiry. Replays sent to
 * another instance are not seen: use a shared store when the function scales out.
 *
 * <p>At most {@code maxKeys} keys are held; when full, expired keys are swept, and if none expired
 * the new key is refused (fail closed) rather than forgetting a key still in its window.
 */
public final class InMemoryReplayStore implements ReplayStore {

    private final Map<String, Long> expiries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxKeys;

    /**
     * A store with the UTC system clock and room for 100 000 keys.
     */
    public InMemoryReplayStore() {
        this(Clock.systemUTC(), 100_000);
    }

    /**
     * A store with an explicit clock and capacity.
     *
     * @param clock the clock
     * @param maxKeys the most keys held, at least 1
     */
    public InMemoryReplayStore(Clock clock, int maxKeys) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxKeys < 1) {
            throw new IllegalArgumentException("maxKeys must be at least 1, was " + maxKeys);
        }
        this.maxKeys = maxKeys;
    }

    @Override
    public boolean setIfAbsent(String key, Duration ttl) {
        Objects.requireNonNull(key, "key");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive, was " + ttl);
        }
        long now = clock.millis();
        if (expiries.size() >= maxKeys) {
            sweep(now);
            if (expiries.size() >= maxKeys) {
                return false;
            }
        }
        long until = now + ttl.toMillis();
        boolean[] fresh = {false};
        expiries.compute(key, (k, old) -> {
            if (old == null || old <= now) {
                fresh[0] = true;
                return until;
            }
            return old;
        });
        return fresh[0];
    }

    private void sweep(long now) {
        for (Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator(); it.hasNext();) {
            if (it.next().getValue() <= now) {
                it.remove();
            }
        }
    }
}
