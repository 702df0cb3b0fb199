package dev.fnguard.redis;

import dev.fnguard.spi.StoreProvider;
import dev.fnguard.spi.Stores;
import java.util.Map;

/**
 * Opens Redis stores when {@code FNGUARD_REDIS_URL} is set; registered in
 * {@code META-INF/services/dev.fnguard.spi.StoreProvider}, so adding this module is the only change a
 * function needs.
 */
public final class RedisStoreProvider implements StoreProvider {

    /** The constructor {@link java.util.ServiceLoader} calls. */
    public RedisStoreProvider() {
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public boolean accepts(Map<String, String> env) {
        String url = env.get(RedisSettings.ENV_URL);
        return url != null && !url.isBlank();
    }

    @Override
    public Stores open(Map<String, String> env) {
        return open(RedisSettings.fromEnvironment(env));
    }

    /**
     * Opens stores on one Redis client.
     *
     * @param settings server and timeout
     * @return the stores; closing them shuts the client down
     */
    public static Stores open(RedisSettings settings) {
        RedisConnector c = new RedisConnector(settings);
        return new Stores(new RedisBudgetStore(c), new RedisReplayStore(c), c);
    }
}
