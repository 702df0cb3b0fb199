package dev.fnguard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Builders of invocations and a recording audit sink, for core tests. */
final class Fixtures {

    private Fixtures() {
    }

    static Invocation http(String method, String contentType, String body) {
        Headers headers = contentType == null ? Headers.of(Map.of("x-forwarded-proto", "https"), null)
                : Headers.of(Map.of("x-forwarded-proto", "https", "Content-Type", contentType), null);
        HttpRequest req = new HttpRequest(method, "/orders", method + " /orders", headers, Map.of(), Map.of(),
                List.of(), Optional.of("198.51.100.7"), true);
        return Invocation.builder()
                .requestId("req-1")
                .functionName("test")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-id"))
                .http(req)
                .records(List.of(new EventRecord("body", body.getBytes(StandardCharsets.UTF_8), Map.of())))
                .build();
    }

    static Invocation json(String body) {
        return http("POST", "application/json", body);
    }

    /** An audit sink that keeps what it gets. */
    static final class Recording implements AuditSink {
        final List<AuditEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void emit(AuditEvent event) {
            events.add(event);
        }
    }
}
