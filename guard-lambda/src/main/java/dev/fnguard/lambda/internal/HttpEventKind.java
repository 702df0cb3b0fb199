package dev.fnguard.lambda.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * The HTTP event formats Lambda delivers, told apart from the keys of the event without binding it.
 * Detection works on a truncated event too: API Gateway and ALB put the request context and method
 * before the body. One streaming pass; it stops at {@code requestContext.elb}, the only sign no later
 * key can overrule (a later duplicate {@code version} or {@code domainName} overrules an earlier one,
 * so every other format is known only at the end of the event).
 */
enum HttpEventKind {
    /** API Gateway REST API, payload format 1.0. */
    APIGW_REST("apigw-rest", true),
    /** API Gateway HTTP API, payload format 2.0. */
    APIGW_HTTP("apigw-http", true),
    /** Lambda Function URL (payload format 2.0). */
    FUNCTION_URL("function-url", true),
    /** Application Load Balancer. */
    ALB("alb", false),
    /** Not an HTTP event. */
    NONE("unknown", false);

    private static final JsonFactory SNIFFER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    private final String type;
    private final boolean httpsOnly;

    HttpEventKind(String type, boolean httpsOnly) {
        this.type = type;
        this.httpsOnly = httpsOnly;
    }

    /** The source type written to audit events. */
    String type() {
        return type;
    }

    /** Whether the front door accepts only HTTPS. */
    boolean httpsOnly() {
        return httpsOnly;
    }

    static HttpEventKind detect(byte[] event) {
        return detect(event, event.length);
    }

    static HttpEventKind detect(byte[] event, int length) {
        boolean topMethod = false;
        boolean v2 = false;
        boolean ctxHttp = false;
        boolean ctxWebSocket = false;
        boolean lambdaUrl = false;
        try (JsonParser p = SNIFFER.createParser(event, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NONE;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("version".equals(name) && value == JsonToken.VALUE_STRING) {
                    v2 = "2.0".equals(p.getText());
                } else if ("httpMethod".equals(name) && value == JsonToken.VALUE_STRING) {
                    topMethod = true;
                } else if ("requestContext".equals(name) && value == JsonToken.START_OBJECT) {
                    while (p.nextToken() == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonToken v = p.nextToken();
                        if ("elb".equals(key)) {
                            return ALB; // nothing later can overrule it
                        } else if ("http".equals(key) && v == JsonToken.START_OBJECT) {
                            ctxHttp = true;
                        } else if ("connectionId".equals(key) || "eventType".equals(key)) {
                            ctxWebSocket = true;
                        } else if ("domainName".equals(key) && v == JsonToken.VALUE_STRING) {
                            lambdaUrl = p.getText().contains(".lambda-url.");
                        }
                        p.skipChildren();
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException e) {
            // truncated or malformed: judge by what was seen
        }
        if (ctxWebSocket && !topMethod && !ctxHttp) {
            return NONE;
        }
        if (ctxHttp || v2) {
            return lambdaUrl ? FUNCTION_URL : APIGW_HTTP;
        }
        if (topMethod) {
            return APIGW_REST;
        }
        return NONE;
    }
}
