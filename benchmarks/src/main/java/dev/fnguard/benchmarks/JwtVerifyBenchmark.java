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
 * What verifying a bearer token costs on the hot path. {@code guard*}: {@code Guard.evaluate} of an
 * HTTP invocation without a body (transport and auth checks only) carrying the same RS256 or ES256
 * token again and again, so after the first call the guard answers from its verified-token memory
 * (hash, lookup, time claims); {@code noToken}: the floor. {@code nimbus*}: a full parse, signature
 * and claims verification of the same tokens by nimbus's {@code DefaultJWTProcessor} with the keys in
 * memory, i.e. what the guard pays for a token it has not seen in the last minute.
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
    private String rs256Token;
    private String es256Token;
    private com.nimbusds.jwt.proc.DefaultJWTProcessor<com.nimbusds.jose.proc.SecurityContext> nimbus;

    /** Mints the keys and tokens and builds the guard. */
    @Setup
    public void setUp() {
        DrillTokens tokens = DrillTokens.create();
        guard = Guard.builder(Policy.forClass(Api.class).withEnvironment(tokens.environment()), Void.class)
                .auditSink(e -> { }).build();
        rs256 = invocation("Bearer " + tokens.valid());
        es256 = invocation("Bearer " + tokens.es256());
        none = invocation(null);
        rs256Token = tokens.valid();
        es256Token = tokens.es256();
        try {
            com.nimbusds.jose.jwk.JWKSet keys = com.nimbusds.jose.jwk.JWKSet.load(new java.io.File(
                    java.net.URI.create(tokens.jwksUrl())));
            nimbus = new com.nimbusds.jwt.proc.DefaultJWTProcessor<>();
            nimbus.setJWSKeySelector(new com.nimbusds.jose.proc.JWSVerificationKeySelector<>(
                    java.util.Set.of(com.nimbusds.jose.JWSAlgorithm.RS256, com.nimbusds.jose.JWSAlgorithm.ES256),
                    new com.nimbusds.jose.jwk.source.ImmutableJWKSet<>(keys)));
            nimbus.setJWTClaimsSetVerifier(new com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier<>(
                    DrillTokens.AUDIENCE, null, java.util.Set.of("exp")));
        } catch (java.io.IOException | java.text.ParseException e) {
            throw new IllegalStateException(e);
        }
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

    /** @return RS256, reused token */
    @Benchmark
    public Evaluation guardRs256() {
        return guard.evaluate(rs256);
    }

    /** @return ES256, reused token */
    @Benchmark
    public Evaluation guardEs256() {
        return guard.evaluate(es256);
    }

    /**
     * @return RS256 parsed and verified from scratch
     * @throws Exception never for these tokens
     */
    @Benchmark
    public Object nimbusRs256() throws Exception {
        return nimbus.process(rs256Token, null);
    }

    /**
     * @return ES256 parsed and verified from scratch
     * @throws Exception never for these tokens
     */
    @Benchmark
    public Object nimbusEs256() throws Exception {
        return nimbus.process(es256Token, null);
    }

    /** @return no token: the floor */
    @Benchmark
    public Evaluation noToken() {
        return guard.evaluate(none);
    }
}
