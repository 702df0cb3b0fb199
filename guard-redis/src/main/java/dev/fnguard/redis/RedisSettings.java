package dev.fnguard.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Where Redis is and how long the guard waits for it.
 *
 * @param uri the server ({@code redis://} or {@code rediss://} for TLS; user and password for AUTH)
 * @param timeout the most any one call may take (connect and command), positive
 */
public record RedisSettings(RedisURI uri, Duration timeout) {

    /** Environment: the Redis URL, for example {@code rediss://:secret@cache.example:6379/0}. */
    public static final String ENV_URL = "FNGUARD_REDIS_URL";
    /** Environment: the per-call timeout in milliseconds. */
    public static final String ENV_TIMEOUT_MS = "FNGUARD_REDIS_TIMEOUT_MS";
    /** The default per-call timeout: 50 ms. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(50);

    /**
     * Validates the settings.
     *
     * @param uri the server
     * @param timeout the timeout
     */
    public RedisSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(ENV_TIMEOUT_MS + " must be positive, was " + timeout.toMillis());
        }
    }

    /**
     * Reads {@value #ENV_URL} and {@value #ENV_TIMEOUT_MS}.
     *
     * @param env the environment
     * @return the settings
     * @throws IllegalArgumentException naming the variable when a value is invalid (the URL itself is
     *     never repeated: it may hold a password)
     */
    public static RedisSettings fromEnvironment(Map<String, String> env) {
        String url = env.get(ENV_URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException(ENV_URL + " is not set");
        }
        String scheme = url.strip().toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("redis://") && !scheme.startsWith("rediss://")) {
            throw new IllegalArgumentException(ENV_URL + " must start with redis:// or rediss://");
        }
        RedisURI uri;
        try {
            uri = RedisURI.create(url.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(ENV_URL + " is not a valid Redis URL");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String t = env.get(ENV_TIMEOUT_MS);
        if (t != null && !t.isBlank()) {
            try {
                timeout = Duration.ofMillis(Long.parseLong(t.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_TIMEOUT_MS + " must be a number of milliseconds, was '" + t + "'");
            }
        }
        return new RedisSettings(uri, timeout);
    }

    @Override
    public String toString() {
        return "RedisSettings[host=" + uri.getHost() + ", port=" + uri.getPort() + ", tls=" + uri.isSsl()
                + ", timeout=" + timeout.toMillis() + "ms]";
    }
}
