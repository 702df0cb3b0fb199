package dev.fnguard.spi;

import java.util.Map;

/**
 * Opens shared stores from the environment; found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/dev.fnguard.spi.StoreProvider} file), so adding a module to a function is
 * enough to use it. {@code guard-redis} provides one for {@code FNGUARD_REDIS_URL}.
 */
public interface StoreProvider {

    /** @return a short name for error messages, for example {@code redis} */
    String name();

    /**
     * Whether the environment configures this provider.
     *
     * @param env the environment
     * @return true to be used
     */
    boolean accepts(Map<String, String> env);

    /**
     * Opens the stores, once per handler at init.
     *
     * @param env the environment
     * @return the stores
     * @throws IllegalArgumentException naming the variable when the configuration is invalid
     */
    Stores open(Map<String, String> env);
}
