package dev.fnguard.benchmarks;

import java.util.Map;

/**
 * The environment the benchmarks give {@code OrdersApi}: its per-caller rate (60 a minute, burst 10)
 * raised far out of reach, so that every measured invocation is served while the budget check still
 * runs (in memory).
 */
final class Unthrottled {

    /** {@code FNGUARD_CALLER_PER_MINUTE} and {@code FNGUARD_CALLER_BURST} of a billion. */
    static final Map<String, String> ENVIRONMENT = Map.of("FNGUARD_CALLER_PER_MINUTE", "1000000000",
            "FNGUARD_CALLER_BURST", "1000000000");

    /**
     * @param base another environment (the JWT issuer and keys)
     * @return {@code base} with the rate raised
     */
    static Map<String, String> with(Map<String, String> base) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.putAll(ENVIRONMENT);
        return Map.copyOf(env);
    }

    private Unthrottled() {
    }
}
