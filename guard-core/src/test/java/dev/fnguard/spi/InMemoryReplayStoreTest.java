package dev.fnguard.spi;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryReplayStoreTest extends AbstractReplayStoreTest {

    @Override
    protected ReplayStore store() {
        return new InMemoryReplayStore(clock, 1000);
    }

    @Test
    void aFullStoreRefusesNewKeysUntilOldOnesExpire() {
        InMemoryReplayStore s = new InMemoryReplayStore(clock, 2);
        assertTrue(s.setIfAbsent("a", Duration.ofSeconds(10)));
        assertTrue(s.setIfAbsent("b", Duration.ofSeconds(10)));
        assertFalse(s.setIfAbsent("c", Duration.ofSeconds(10)), "full: fail closed rather than forget a key");
        clock.advance(Duration.ofSeconds(11));
        assertTrue(s.setIfAbsent("c", Duration.ofSeconds(10)));
    }
}
