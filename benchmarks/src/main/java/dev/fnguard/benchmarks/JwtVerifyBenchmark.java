package dev.fnguard.benchmarks;

import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.auth.Jwt;
import dev.fnguard.examples.drill.DrillTokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What verifying a bearer token costs on the hot path: {@code Guard.evaluate} of an HTTP invocation
 * without a body (transport and auth checks only) carrying an RS256 (2048-bit) or ES256 token, keys
 * cached from a JWKS file, against the same invocation without a token (refused at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JwtVerifyBenchmark {

    /** The policy under test: a JWT for audience {@code orders-api}, issuer and keys from the environment. */
    @Guarded(jwt = @Jwt(audience = "orders-api"))
    public static final class Api {
    }

    private Guard guard;
    private Invocation rs256;
    private Invocation es256;
    private Invocation none;

    /** Mints the keys and tokens and builds the guard. */
    @Setup
    public void setUp() {
        DrillTokens tokens = DrillTokens.create();
        guard = Guard.builder(Policy.forClass(Api.class).withEnvironment(tokens.environment()), Void.class)
                .auditSink(e -> { }).build();
        rs256 = invocation("Bearer " + tokens.valid());
        es256 = invocation("Bearer " + tokens.es256());
        none = invocation(null);
        if (guard.evaluate(rs256).denial().isPresent() || guard.evaluate(es256).denial().isPresent()) {
            throw new IllegalStateException("the benchmark tokens are refused");
        }
    }

    private static Invocation invocation(String authorization) {
        Map<String, String> h = authorization == null ? Map.of("x-forwarded-proto", "https")
                : Map.of("x-forwarded-proto", "https", "authorization", authorization);
        HttpRequest req = new HttpRequest("POST", "/orders", "POST /orders", Headers.of(h, null), Map.of(), Map.of(),
                List.of(), Optional.empty(), true);
        return Invocation.builder().requestId("bench").functionName("bench")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api")).http(req).build();
    }

    /** @return RS256 verified */
    @Benchmark
    public Evaluation rs256() {
        return guard.evaluate(rs256);
    }

    /** @return ES256 verified */
    @Benchmark
    public Evaluation es256() {
        return guard.evaluate(es256);
    }

    /** @return no token: the floor */
    @Benchmark
    public Evaluation noToken() {
        return guard.evaluate(none);
    }
}
