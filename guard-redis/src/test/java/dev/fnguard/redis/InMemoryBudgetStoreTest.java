package dev.fnguard.redis;

import dev.fnguard.budget.InMemoryBudgetStore;
import dev.fnguard.spi.InMemoryReplayStore;
import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.ReplayStore;

/** The store contract, in memory (kept next to the Redis run so both pass the same class). */
class InMemoryBudgetStoreTest extends AbstractBudgetStoreTest {

    private final BudgetStore budgets = new InMemoryBudgetStore();
    private final ReplayStore replays = new InMemoryReplayStore();

    @Override
    BudgetStore budgets() {
        return budgets;
    }

    @Override
    ReplayStore replays() {
        return replays;
    }
}
