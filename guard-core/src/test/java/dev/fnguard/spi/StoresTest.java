package dev.fnguard.spi;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.budget.InMemoryBudgetStore;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoresTest {

    @Test
    void withoutRedisUrlStoresAreInMemory() {
        assertInstanceOf(InMemoryBudgetStore.class, Stores.fromEnvironment(Map.of()).budget());
    }

    @Test
    void redisUrlWithoutTheRedisModuleFailsAtInitRatherThanSilentlyUsingPerInstanceBudgets() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Stores.fromEnvironment(Map.of("FNGUARD_REDIS_URL", "redis://:hunter2@cache:6379")));
        assertTrue(e.getMessage().contains("FNGUARD_REDIS_URL") && e.getMessage().contains("guard-redis"));
        assertTrue(!e.getMessage().contains("hunter2"), "the URL (and its password) is not repeated");
    }
}
