package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerRequestEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import dev.fnguard.EventRecord;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Maps the HTTP events Lambda delivers (REST v1, HTTP API v2, Function URL, ALB) to an
 * {@link Invocation}, deserializing them with AWS's own serializers.
 */
final class HttpEvents {

    // one holder per format: a function behind one front door never loads the others' serializers
    private static final class V2 {
        static final PojoSerializer<APIGatewayV2HTTPEvent> S = AwsSerialization.serializerFor(APIGatewayV2HTTPEvent.class);
    }

    private static final class V1 {
        static final PojoSerializer<APIGatewayProxyRequestEvent> S =
                AwsSerialization.serializerFor(APIGatewayProxyRequestEvent.class);
    }

    private static final class Alb {
        static final PojoSerializer<ApplicationLoadBalancerRequestEvent> S =
                AwsSerialization.serializerFor(ApplicationLoadBalancerRequestEvent.class);
    }

    private HttpEvents() {
    }

    /** Creates the serializers of a format ahead of its first event (init-time priming). */
    static void prime(HttpEventKind kind) {
        switch (kind) {
            case APIGW_REST:
                Objects.requireNonNull(V1.S);
                break;
            case ALB:
                Objects.requireNonNull(Alb.S);
                break;
            default:
                Objects.requireNonNull(V2.S);
        }
    }

    static HttpEvent map(HttpEventKind kind, byte[] event, Context context, String functionName) {
        return map(kind, event, event.length, context, functionName);
    }

    static HttpEvent map(HttpEventKind kind, byte[] event, int length, Context context, String functionName) {
        switch (kind) {
            case APIGW_HTTP:
            case FUNCTION_URL:
                return v2(kind, V2.S.fromJson(new ByteArrayInputStream(event, 0, length)), length, context,
                        functionName);
            case APIGW_REST:
                return v1(V1.S.fromJson(new ByteArrayInputStream(event, 0, length)), length, context, functionName);
            case ALB:
                return alb(Alb.S.fromJson(new ByteArrayInputStream(event, 0, length)), length, context, functionName);
            default:
                throw new IllegalArgumentException("not an HTTP event: " + kind);
        }
    }

    private static HttpEvent v2(HttpEventKind kind, APIGatewayV2HTTPEvent e, int size, Context ctx, String fn) {
        APIGatewayV2HTTPEvent.RequestContext rc = e.getRequestContext();
        APIGatewayV2HTTPEvent.RequestContext.Http http = rc == null ? null : rc.getHttp();
        String method = upper(http == null ? null : http.getMethod());
        String path = orDefault(e.getRawPath(), http == null ? null : http.getPath(), "/");
        String routeKey = e.getRouteKey();
        String route = routeKey == null || routeKey.equals("$default") ? method + " " + path : routeKey;
        Headers headers = Headers.of(e.getHeaders(), null);
        Map<String, List<String>> query = new HashMap<>();
        if (e.getQueryStringParameters() != null) {
            e.getQueryStringParameters().forEach((k, v) -> {
                if (k != null && v != null) {
                    query.put(k, List.of(v.split(",", -1)));
                }
            });
        }
        HttpRequest request = new HttpRequest(method, path, route, headers, query, nonNull(e.getPathParameters()),
                e.getCookies() == null ? List.of() : e.getCookies().stream().filter(c -> c != null).toList(),
                Optional.ofNullable(http == null ? null : http.getSourceIp()), kind.httpsOnly());
        String apiRequestId = rc == null ? null : rc.getRequestId();
        EventRecord record = record(apiRequestId, e.getBody(), e.getIsBase64Encoded());
        Invocation inv = invocation(ctx, fn, apiRequestId, headers,
                Source.of(SourceKind.HTTP, kind.type(), rc == null ? null : rc.getApiId()), request, record, size,
                rc == null ? Map.of() : Authorizers.v2(rc.getAuthorizer()));
        return new HttpEvent(kind, inv, false);
    }

    private static HttpEvent v1(APIGatewayProxyRequestEvent e, int size, Context ctx, String fn) {
        APIGatewayProxyRequestEvent.ProxyRequestContext rc = e.getRequestContext();
        String method = upper(orDefault(e.getHttpMethod(), rc == null ? null : rc.getHttpMethod(), null));
        String path = orDefault(e.getPath(), rc == null ? null : rc.getPath(), "/");
        String route = method + " " + orDefault(e.getResource(), rc == null ? null : rc.getResourcePath(), path);
        Headers headers = Headers.of(e.getHeaders(), e.getMultiValueHeaders());
        HttpRequest request = new HttpRequest(method, path, route, headers,
                query(e.getQueryStringParameters(), e.getMultiValueQueryStringParameters()),
                nonNull(e.getPathParameters()), headers.all("cookie"),
                Optional.ofNullable(rc == null || rc.getIdentity() == null ? null : rc.getIdentity().getSourceIp()),
                HttpEventKind.APIGW_REST.httpsOnly());
        String apiRequestId = rc == null ? null : rc.getRequestId();
        EventRecord record = record(apiRequestId, e.getBody(), Boolean.TRUE.equals(e.getIsBase64Encoded()));
        Invocation inv = invocation(ctx, fn, apiRequestId, headers,
                Source.of(SourceKind.HTTP, HttpEventKind.APIGW_REST.type(), rc == null ? null : rc.getApiId()),
                request, record, size, rc == null ? Map.of() : Authorizers.v1(rc.getAuthorizer(), rc.getIdentity()));
        return new HttpEvent(HttpEventKind.APIGW_REST, inv, false);
    }

    private static HttpEvent alb(ApplicationLoadBalancerRequestEvent e, int size, Context ctx, String fn) {
        String method = upper(e.getHttpMethod());
        String path = orDefault(e.getPath(), null, "/");
        boolean multi = e.getMultiValueHeaders() != null && !e.getMultiValueHeaders().isEmpty();
        Headers headers = Headers.of(e.getHeaders(), e.getMultiValueHeaders());
        // ALB appends the client address it saw as the right-most X-Forwarded-For entry
        List<String> xff = headers.all("x-forwarded-for");
        String sourceIp = null;
        if (!xff.isEmpty()) {
            String last = xff.get(xff.size() - 1);
            sourceIp = last.substring(last.lastIndexOf(',') + 1).strip();
        }
        HttpRequest request = new HttpRequest(method, path, method + " " + path, headers,
                query(e.getQueryStringParameters(), e.getMultiValueQueryStringParameters()), Map.of(),
                headers.all("cookie"), Optional.ofNullable(sourceIp), HttpEventKind.ALB.httpsOnly());
        String target = e.getRequestContext() == null || e.getRequestContext().getElb() == null ? null
                : e.getRequestContext().getElb().getTargetGroupArn();
        EventRecord record = record(null, e.getBody(), e.getIsBase64Encoded());
        Invocation inv = invocation(ctx, fn, null, headers, Source.of(SourceKind.HTTP, HttpEventKind.ALB.type(), target),
                request, record, size, Map.of());
        return new HttpEvent(HttpEventKind.ALB, inv, multi);
    }

    /** What is known of an event that could not be mapped: ids and source kind, no records. */
    static Invocation unreadable(HttpEventKind kind, Context ctx, String fn, int size) {
        return Invocation.builder()
                .requestId(requestId(ctx, null))
                .traceId(traceId(ctx, Headers.empty()))
                .functionName(fn)
                .source(Source.of(kind == HttpEventKind.NONE ? SourceKind.UNKNOWN : SourceKind.HTTP, kind.type(), null))
                .remainingMillis(remaining(ctx))
                .eventBytes(size)
                .build();
    }

    private static Invocation invocation(Context ctx, String fn, String apiRequestId, Headers headers, Source source,
            HttpRequest request, EventRecord record, int size, Map<String, String> authorizer) {
        return Invocation.builder()
                .authorizer(authorizer)
                .requestId(requestId(ctx, apiRequestId))
                .traceId(traceId(ctx, headers))
                .traceHeader(TraceHeaders.current(ctx))
                .functionName(fn)
                .source(source)
                .http(request)
                .records(List.of(record))
                .remainingMillis(remaining(ctx))
                .eventBytes(size)
                .build();
    }

    private static EventRecord record(String id, String body, boolean base64) {
        String recordId = id == null ? "body" : id;
        if (body == null || body.isEmpty()) {
            return new EventRecord(recordId, new byte[0], Map.of());
        }
        if (base64) {
            try {
                return new EventRecord(recordId, Base64.getMimeDecoder().decode(body), Map.of("base64", "true"));
            } catch (IllegalArgumentException e) {
                return EventRecord.undecodable(recordId, Reason.ENCODING, Map.of("base64", "true"));
            }
        }
        if (hasLoneSurrogate(body)) {
            return EventRecord.undecodable(recordId, Reason.ENCODING, Map.of());
        }
        return new EventRecord(recordId, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    private static boolean hasLoneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String requestId(Context ctx, String apiRequestId) {
        if (ctx != null && ctx.getAwsRequestId() != null && !ctx.getAwsRequestId().isBlank()) {
            return ctx.getAwsRequestId();
        }
        if (apiRequestId != null && !apiRequestId.isBlank()) {
            return apiRequestId;
        }
        return UUID.randomUUID().toString();
    }

    private static String traceId(Context ctx, Headers headers) {
        String raw = null;
        if (ctx != null) {
            try {
                raw = ctx.getXrayTraceId();
            } catch (RuntimeException | AbstractMethodError e) {
                raw = null;
            }
        }
        if (raw == null) {
            raw = System.getProperty("com.amazonaws.xray.traceHeader");
        }
        if (raw == null) {
            raw = headers.first("x-amzn-trace-id").orElse(null);
        }
        if (raw == null) {
            return null;
        }
        for (String part : raw.split(";")) {
            String p = part.strip();
            if (p.startsWith("Root=")) {
                return clip(p.substring(5));
            }
        }
        return raw.contains("=") ? null : clip(raw);
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static long remaining(Context ctx) {
        if (ctx == null) {
            return Long.MAX_VALUE;
        }
        int ms = ctx.getRemainingTimeInMillis();
        return ms > 0 ? ms : Long.MAX_VALUE;
    }

    private static Map<String, List<String>> query(Map<String, String> single, Map<String, List<String>> multi) {
        Map<String, List<String>> q = new HashMap<>();
        if (multi != null) {
            multi.forEach((k, v) -> {
                if (k != null && v != null) {
                    q.put(k, v.stream().filter(x -> x != null).toList());
                }
            });
        }
        if (single != null) {
            single.forEach((k, v) -> {
                if (k != null && v != null && !q.containsKey(k)) {
                    q.put(k, List.of(v));
                }
            });
        }
        return q;
    }

    private static Map<String, String> nonNull(Map<String, String> m) {
        if (m == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> {
            if (k != null && v != null) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static String upper(String s) {
        return s == null ? "GET" : s.toUpperCase(Locale.ROOT);
    }

    private static String orDefault(String a, String b, String dflt) {
        if (a != null && !a.isEmpty()) {
            return a;
        }
        if (b != null && !b.isEmpty()) {
            return b;
        }
        return dflt;
    }
}
