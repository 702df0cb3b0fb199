package dev.fnguard.redis;

import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** HTTP invocations without a body, from a given client address, for budget tests. */
final class Invocations {

    private static final AtomicLong IDS = new AtomicLong();

    private Invocations() {
    }

    static Invocation from(String function, String sourceIp) {
        HttpRequest req = new HttpRequest("GET", "/orders", "GET /orders",
                Headers.of(Map.of("x-forwarded-proto", "https"), null), Map.of(), Map.of(), List.of(),
                Optional.of(sourceIp), true);
        return Invocation.builder()
                .requestId("req-" + IDS.incrementAndGet())
                .functionName(function)
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-id"))
                .http(req)
                .build();
    }
}
