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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lettuce client for a guard's stores, with strict timeouts: every command ends within the
 * configured timeout; commands issued while the link is down are rejected at once (not queued), and
 * Lettuce reconnects in the background. The first connection is made at init (where a cold start
 * can afford up to {@value #INIT_CONNECT_MILLIS} ms); if Redis cannot be reached then, later calls
 * fail at once and start a new connection attempt in the background, at most every
 * {@value #RETRY_MILLIS} ms, so that no invocation ever waits for a connect.
 *
 * <p>With SnapStart/CRaC the connections are closed before the snapshot (a restored socket is dead)
 * and made again after the restore, as at init.
 */
public final class RedisConnector implements AutoCloseable, Resource {

    static final long RETRY_MILLIS = 1000;
    static final long INIT_CONNECT_MILLIS = 3000;

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");

    private final RedisSettings settings;
    private final RedisClient client;
    private final RedisURI uri;
    private final AtomicLong lastAttempt = new AtomicLong();
    private final AtomicBoolean connecting = new AtomicBoolean();
    private volatile Links links;

    /**
     * Creates the client and connects, waiting at most {@value #INIT_CONNECT_MILLIS} ms.
     *
     * @param settings server and timeout
     */
    public RedisConnector(RedisSettings settings) {
        this.settings = settings;
        this.uri = settings.uri();
        uri.setTimeout(Duration.ofMillis(Math.max(INIT_CONNECT_MILLIS, settings.timeout().toMillis())));
        this.client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofMillis(Math.max(1000, settings.timeout().toMillis())))
                        .build())
                .build());
        connectAndWait("init");
        // CRaC keeps resources weakly: the stores hold this connector for the handler's life
        Core.getGlobalContext().register(this);
    }

    private void connectAndWait(String when) {
        CompletableFuture<Links> first = connectAsync();
        try {
            first.get(INIT_CONNECT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("redis not reachable at {} ({}); budgets fall back as declared until it is", when,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        Links l = links;
        links = null;
        if (l != null) {
            l.bytes.close();
            l.strings.close();
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        connectAndWait("restore");
    }

    /** @return the timeout of one call */
    public Duration timeout() {
        return settings.timeout();
    }

    /**
     * The connections.
     *
     * @return the connections
     * @throws StoreUnavailableException at once when not connected (a background attempt is started)
     */
    Links links() {
        Links l = links;
        if (l != null) {
            return l;
        }
        long now = System.nanoTime();
        long last = lastAttempt.get();
        if (now - last >= RETRY_MILLIS * 1_000_000L && lastAttempt.compareAndSet(last, now)) {
            connectAsync();
        }
        throw new StoreUnavailableException("redis not connected", null);
    }

    private CompletableFuture<Links> connectAsync() {
        if (!connecting.compareAndSet(false, true)) {
            return CompletableFuture.failedFuture(new IllegalStateException("connect in progress"));
        }
        lastAttempt.set(System.nanoTime());
        CompletableFuture<StatefulRedisConnection<String, byte[]>> bytes = client
                .connectAsync(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), uri).toCompletableFuture();
        CompletableFuture<StatefulRedisConnection<String, String>> strings = client
                .connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        return bytes.thenCombine(strings, (b, s) -> {
            // the URI's longer timeout was for the connect; every command waits at most the strict one
            b.setTimeout(settings.timeout());
            s.setTimeout(settings.timeout());
            LettuceBasedProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(b)
                    .requestTimeout(settings.timeout())
                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
            Links l = new Links(b, s, buckets);
            links = l;
            return l;
        }).whenComplete((l, e) -> {
            connecting.set(false);
            if (e != null) {
                bytes.thenAccept(StatefulRedisConnection::closeAsync);
                strings.thenAccept(StatefulRedisConnection::closeAsync);
            }
        });
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
