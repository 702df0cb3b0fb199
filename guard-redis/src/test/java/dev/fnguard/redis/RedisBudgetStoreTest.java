package dev.fnguard.redis;

import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.ReplayStore;
import dev.fnguard.spi.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract against a real redis-server. */
class RedisBudgetStoreTest extends AbstractBudgetStoreTest {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static Stores stores;

    @BeforeAll
    static void open() {
        stores = new RedisStoreProvider().open(REDIS.environment());
    }

    @AfterAll
    static void close() throws Exception {
        stores.close();
    }

    @Override
    BudgetStore budgets() {
        return stores.budget();
    }

    @Override
    ReplayStore replays() {
        return stores.replay();
    }
}
