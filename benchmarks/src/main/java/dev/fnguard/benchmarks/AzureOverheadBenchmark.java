package dev.fnguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import dev.fnguard.AuditSink;
import dev.fnguard.GuardOptions;
import dev.fnguard.azure.AzureGuard;
import dev.fnguard.azure.GuardMiddleware;
import dev.fnguard.examples.OrderCreated;
import dev.fnguard.examples.OrderRequest;
import dev.fnguard.examples.azure.OrdersHttp;
import java.net.URI;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
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
 * Warm overhead of the guard on Azure Functions, per invocation, for the example app's 110-byte order:
 * <ul>
 * <li>{@code bareHttp}: Jackson binds the body, the reply is serialized and built with the request's
 *     response builder (what an unguarded function does);</li>
 * <li>{@code guardedHttp}: {@code AzureGuard.handle} on {@code OrdersHttp} (limits, strict schema, Bean
 *     Validation, security headers, problem JSON on denial, audit event serialized to JSON);</li>
 * <li>{@code bareQueue}: Jackson binds a queue message;</li>
 * <li>{@code guardedQueue}: {@code GuardMiddleware.invoke} on {@code OrdersQueue}, the function itself
 *     replaced by a no-op chain (plan lookup, limits, schema, validation, parameter update, audit).</li>
 * </ul>
 *
 * <pre>
 * mvn -B -ntp -q -DskipTests package
 * java -jar benchmarks/target/benchmarks.jar AzureOverheadBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class AzureOverheadBenchmark {

    private static final String BODY = "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave it at the door, please\","
            + "\"email\":\"ana@example.com\"}";

    private final ObjectMapper mapper = new ObjectMapper();
    private AzureGuard guard;
    private OrdersHttp function;
    private GuardMiddleware middleware;
    private Request request;
    private Context queueContext;
    private Context httpContext;
    private final MiddlewareChain noop = c -> { };

    /** Builds the guard, the middleware and the inputs, and checks that both accept them. */
    @Setup
    public void setUp() throws Exception {
        AuditSink serializeOnly = e -> {
            if (e.toJson().isEmpty()) {
                throw new IllegalStateException("empty audit line");
            }
        };
        Map<String, String> env = Map.of("FNGUARD_AZURE_FUNCTION_CLASSES", "dev.fnguard.examples.azure.OrdersQueue",
                "AzureWebJobsStorage", "UseDevelopmentStorage=true", "ORDERS_QUEUE", "orders");
        GuardOptions options = GuardOptions.builder().environment(env).auditSink(serializeOnly).build();
        guard = AzureGuard.create(options);
        function = new OrdersHttp(guard);
        middleware = new GuardMiddleware(options);
        request = new Request();
        queueContext = new Context("OrdersQueue");
        httpContext = new Context("OrdersHttp");
        if (guardedHttp().getStatusCode() != 201) {
            throw new IllegalStateException("guarded HTTP function did not accept the benchmark request");
        }
        middleware.invoke(queueContext, noop);
        if (!(queueContext.updated.get("order") instanceof OrderRequest)) {
            throw new IllegalStateException("middleware did not deliver the benchmark message");
        }
    }

    /** @return the response of an unguarded function */
    @Benchmark
    public HttpResponseMessage bareHttp() throws Exception {
        OrderRequest order = mapper.readValue(request.getBody().orElseThrow(), OrderRequest.class);
        if (order.quantity() < 1) {
            throw new IllegalStateException();
        }
        String json = mapper.writeValueAsString(new OrderCreated(UUID.randomUUID()));
        return request.createResponseBuilder(HttpStatus.CREATED).header("Content-Type", "application/json")
                .body(json).build();
    }

    /** @return the guarded response */
    @Benchmark
    public HttpResponseMessage guardedHttp() {
        return guard.handle(request, httpContext, function::createOrder);
    }

    /** @return the bound message */
    @Benchmark
    public Object bareQueue() throws Exception {
        return mapper.readValue(BODY, OrderRequest.class);
    }

    /** @return the validated payload the middleware hands to the function */
    @Benchmark
    public Object guardedQueue() throws Exception {
        middleware.invoke(queueContext, noop);
        return queueContext.updated.get("order");
    }

    /** The request as the worker binds {@code HttpRequestMessage<Optional<String>>}. */
    private static final class Request implements HttpRequestMessage<Optional<String>> {
        private final URI uri = URI.create("https://fnguard-examples.azurewebsites.net/api/orders");
        private final Map<String, String> headers = Map.of("content-type", "application/json",
                "x-forwarded-proto", "https", "x-forwarded-for", "203.0.113.7:50122");
        private final Optional<String> body = Optional.of(BODY);

        @Override
        public URI getUri() {
            return uri;
        }

        @Override
        public HttpMethod getHttpMethod() {
            return HttpMethod.POST;
        }

        @Override
        public Map<String, String> getHeaders() {
            return headers;
        }

        @Override
        public Map<String, String> getQueryParameters() {
            return Map.of();
        }

        @Override
        public Optional<String> getBody() {
            return body;
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
            return createResponseBuilder((HttpStatusType) status);
        }

        @Override
        public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
            return new HttpResponseMessage.Builder() {
                private HttpStatusType s = status;
                private final Map<String, String> h = new LinkedHashMap<>();
                private Object b;

                @Override
                public HttpResponseMessage.Builder status(HttpStatusType v) {
                    s = v;
                    return this;
                }

                @Override
                public HttpResponseMessage.Builder header(String k, String v) {
                    h.put(k, v);
                    return this;
                }

                @Override
                public HttpResponseMessage.Builder body(Object v) {
                    b = v;
                    return this;
                }

                @Override
                public HttpResponseMessage build() {
                    HttpStatusType fs = s;
                    Object fb = b;
                    return new HttpResponseMessage() {
                        @Override
                        public HttpStatusType getStatus() {
                            return fs;
                        }

                        @Override
                        public String getHeader(String key) {
                            return h.get(key);
                        }

                        @Override
                        public Object getBody() {
                            return fb;
                        }
                    };
                }
            };
        }
    }

    /** A middleware context holding one queue message, as the worker's does for a string trigger. */
    private static final class Context implements MiddlewareContext {
        private final String function;
        private final Map<String, Object> updated = new HashMap<>();

        Context(String function) {
            this.function = function;
        }

        @Override
        public Logger getLogger() {
            return Logger.getLogger("bench");
        }

        @Override
        public String getInvocationId() {
            return "3f1c5e2a-7a43-4a5e-9d1b-0c2f6b8e9a10";
        }

        @Override
        public String getFunctionName() {
            return function;
        }

        @Override
        public String getParameterName(String annotation) {
            return "QueueTrigger".equals(annotation) ? "order" : null;
        }

        @Override
        public Object getParameterValue(String name) {
            return "order".equals(name) ? BODY : null;
        }

        @Override
        public void updateParameterValue(String name, Object value) {
            updated.put(name, value);
        }

        @Override
        public Object getReturnValue() {
            return null;
        }

        @Override
        public void updateReturnValue(Object value) {
        }
    }
}
