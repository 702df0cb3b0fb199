package dev.fnguard.spi;

import dev.fnguard.budget.InMemoryBudgetStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * The state stores of a guard: budgets and replay protection, and what closes them.
 *
 * @param budget the budget store
 * @param replay the replay store
 * @param closer releases both (connections); does nothing for in-memory stores
 */
public record Stores(BudgetStore budget, ReplayStore replay, AutoCloseable closer) implements AutoCloseable {

    /** Environment variable naming the Redis server; when set, a {@link StoreProvider} must handle it. */
    public static final String ENV_REDIS_URL = "FNGUARD_REDIS_URL";

    /**
     * Checks the fields.
     *
     * @param budget budget store
     * @param replay replay store
     * @param closer closer
     */
    public Stores {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(replay, "replay");
        Objects.requireNonNull(closer, "closer");
    }

    /**
     * Fresh in-memory stores: state for this instance only.
     *
     * @return the stores
     */
    public static Stores inMemory() {
        return new Stores(new InMemoryBudgetStore(), new InMemoryReplayStore(), () -> { });
    }

    /**
     * The stores the environment asks for: the first {@link StoreProvider} on the class path (found with
     * {@link ServiceLoader}) that accepts the environment, else in memory. Called once per handler, at
     * init.
     *
     * @param env the environment
     * @return the stores
     * @throws IllegalStateException when {@value #ENV_REDIS_URL} is set but no provider accepts it (the
     *     guard-redis module is missing): a cluster-wide budget silently becoming per-instance would
     *     multiply it by the number of instances
     */
    public static Stores fromEnvironment(Map<String, String> env) {
        List<String> seen = new ArrayList<>();
        for (StoreProvider p : ServiceLoader.load(StoreProvider.class, Stores.class.getClassLoader())) {
            seen.add(p.name());
            if (p.accepts(env)) {
                return p.open(env);
            }
        }
        String url = env.get(ENV_REDIS_URL);
        if (url != null && !url.isBlank()) {
            throw new IllegalStateException(ENV_REDIS_URL + " is set but no store provider accepts it (found "
                    + seen + "); add the guard-redis module to the function");
        }
        return inMemory();
    }

    @Override
    public void close() throws Exception {
        closer.close();
    }
}
