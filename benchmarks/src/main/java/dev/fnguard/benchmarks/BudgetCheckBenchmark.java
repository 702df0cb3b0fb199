package dev.fnguard.benchmarks;

import dev.fnguard.AuditSink;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.budget.CostModel;
import dev.fnguard.budget.FailMode;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.budget.SpendLimit;
import dev.fnguard.redis.RedisSettings;
import dev.fnguard.redis.RedisStoreProvider;
import dev.fnguard.spi.Stores;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of a budget check: a guard whose chain is the HTTP transport check and the budget check
 * (a per-caller and a per-function token bucket, never exhausted), evaluating one HTTP invocation,
 * with the in-memory store and with Redis on loopback, in one run. Sample mode gives the median and
 * p99.
 *
 * <p>Redis: the URL in {@code -Dfnguard.bench.redisUrl=redis://...} when given, else the benchmark
 * starts {@code redis-server} from the PATH on a free loopback port and stops it after.
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar BudgetCheckBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
public class BudgetCheckBenchmark {

    /** Which store the budgets use. */
    @Param({"memory", "redis"})
    public String store;

    private Stores stores;
    private Process redis;
    private Guard guard;
    private Invocation invocation;

    /**
     * Opens the store (starting redis-server if needed) and builds the guard.
     *
     * @throws Exception when Redis cannot be started
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
        if (store.equals("redis")) {
            String url = System.getProperty("fnguard.bench.redisUrl");
            if (url == null) {
                url = startRedis();
            }
            stores = new RedisStoreProvider().open(Map.of(RedisSettings.ENV_URL, url,
                    RedisSettings.ENV_TIMEOUT_MS, "1000"));
        } else {
            stores = Stores.inMemory();
        }
        BudgetSettings budget = new BudgetSettings(Optional.of(RateLimit.perMinute(1_000_000_000L, 1_000_000_000L)),
                Optional.of(RateLimit.perMinute(1_000_000_000L, 1_000_000_000L)), SpendLimit.none(),
                CostModel.defaults(), 0, 0, 0, 0, FailMode.CLOSED, FailMode.CLOSED);
        guard = Guard.builder(Policy.builder().budget(budget).build(), Void.class)
                .auditSink(AuditSink.NONE).budgetStore(stores.budget()).build();
        HttpRequest req = new HttpRequest("GET", "/orders", "GET /orders",
                Headers.of(Map.of("x-forwarded-proto", "https"), null), Map.of(), Map.of(), List.of(),
                Optional.of("198.51.100.7"), true);
        invocation = Invocation.builder().requestId("bench").functionName("bench")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api")).http(req).build();
        if (guard.evaluate(invocation).denial().isPresent()) {
            throw new IllegalStateException("the benchmark invocation must be allowed");
        }
    }

    /**
     * Closes the store and stops the redis-server this benchmark started.
     *
     * @throws Exception when closing fails
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        stores.close();
        if (redis != null) {
            redis.destroy();
            redis.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** @return the evaluation (transport + budget check) */
    @Benchmark
    public Evaluation budgetCheck() {
        return guard.evaluate(invocation);
    }

    private String startRedis() throws IOException, InterruptedException {
        Path bin = null;
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "redis-server"))) {
                bin = Path.of(dir, "redis-server");
                break;
            }
        }
        if (bin == null) {
            throw new IllegalStateException("no redis-server on the PATH: install it or pass -Dfnguard.bench.redisUrl");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        redis = new ProcessBuilder(bin.toString(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return "redis://127.0.0.1:" + port;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException("redis-server did not start on port " + port);
    }
}
