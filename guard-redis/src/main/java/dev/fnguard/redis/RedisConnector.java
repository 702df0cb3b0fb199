package dev.fnguard.redis;

import dev.fnguard.spi.StoreUnavailableException;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One Lettuce client for a guard's stores, connected lazily and with strict timeouts: every command
 * and every connection attempt ends within the configured timeout; commands issued while the link is
 * down are rejected at once (not queued); Lettuce reconnects in the background, and a connection that
 * could not be made at all is retried at most every {@value #RETRY_MILLIS} ms.
 */
public final class RedisConnector implements AutoCloseable {

    static final long RETRY_MILLIS = 1000;

    private final RedisSettings settings;
    private final RedisClient client;
    private final AtomicLong lastAttempt = new AtomicLong(System.nanoTime() - RETRY_MILLIS * 2_000_000L);
    private volatile Links links;

    /**
     * Creates the client; connects on first use.
     *
     * @param settings server and timeout
     */
    public RedisConnector(RedisSettings settings) {
        this.settings = settings;
        RedisURI uri = settings.uri();
        uri.setTimeout(settings.timeout());
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build())
                .build());
    }

    /** @return the timeout of one call */
    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * The connections, connecting if needed.
     *
     * @return the connections
     * @throws StoreUnavailableException when Redis cannot be reached (or was tried less than a second ago)
     */
    Links links() {
        Links l = links;
        if (l != null) {
            return l;
        }
        synchronized (this) {
            if (links != null) {
                return links;
            }
            long now = System.nanoTime();
            if (now - lastAttempt.get() < RETRY_MILLIS * 1_000_000L) {
                throw new StoreUnavailableException("redis not connected", null);
            }
            lastAttempt.set(now);
            StatefulRedisConnection<String, byte[]> bytes = null;
            try {
                bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                StatefulRedisConnection<String, String> strings = client.connect(StringCodec.UTF8);
                LettuceBasedProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(bytes)
                        .requestTimeout(settings.timeout())
                        .expirationAfterWrite(ExpirationAfterWriteStrategy
                                .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                        .build();
                links = new Links(bytes, strings, buckets);
                return links;
            } catch (RuntimeException e) {
                if (bytes != null) {
                    bytes.closeAsync();
                }
                throw new StoreUnavailableException("redis connect failed", e);
            }
        }
    }

    @Override
    public void close() {
        Links l = links;
        if (l != null) {
            l.bytes.close();
            l.strings.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }

    /** The open connections and the Bucket4j proxy manager on them. */
    static final class Links {
        final StatefulRedisConnection<String, byte[]> bytes;
        final StatefulRedisConnection<String, String> strings;
        final LettuceBasedProxyManager<String> buckets;

        Links(StatefulRedisConnection<String, byte[]> bytes, StatefulRedisConnection<String, String> strings,
                LettuceBasedProxyManager<String> buckets) {
            this.bytes = bytes;
            this.strings = strings;
            this.buckets = buckets;
        }
    }
}
