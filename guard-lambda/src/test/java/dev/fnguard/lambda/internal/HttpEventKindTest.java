package dev.fnguard.lambda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The HTTP format detection: pinned for every sample event of the test resources and for hostile
 * shapes, and equal to the two-flag full-pass algorithm it replaced on every prefix of every sample.
 */
class HttpEventKindTest {

    private static final List<String> SAMPLES = List.of("albMultiValueHeadersEvent.json",
            "apiGatewayProxyEvent.json", "apiGatewayProxyV2Event.json", "apigw_event.json",
            "apigw_http_event.json", "apigw_rest_event.json", "cloudformation_event.json", "elb_event.json",
            "lambdaFunctionUrlEvent.json", "sqsEvent.json", "sqs_event_nobody.json");

    private static byte[] sample(String name) {
        try (InputStream in = HttpEventKindTest.class.getResourceAsStream("/events/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /events/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static HttpEventKind detect(String json) {
        return HttpEventKind.detect(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource({
        "albMultiValueHeadersEvent.json, ALB",
        "apiGatewayProxyEvent.json, APIGW_REST",
        "apiGatewayProxyV2Event.json, APIGW_HTTP",
        "apigw_event.json, APIGW_REST",
        "apigw_http_event.json, APIGW_HTTP",
        "apigw_rest_event.json, APIGW_REST",
        "cloudformation_event.json, NONE",
        "elb_event.json, ALB",
        "lambdaFunctionUrlEvent.json, FUNCTION_URL",
        "sqsEvent.json, NONE",
        "sqs_event_nobody.json, NONE"
    })
    void everySampleEventHasItsFormat(String name, HttpEventKind expected) {
        assertEquals(expected, HttpEventKind.detect(sample(name)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // keys named like the distinguishing ones, but nested elsewhere, tell nothing
        "{\"headers\":{\"version\":\"2.0\",\"httpMethod\":\"GET\"},\"body\":\"{}\"} | NONE",
        "{\"body\":{\"requestContext\":{\"elb\":{},\"http\":{}}}} | NONE",
        "{\"httpMethod\":\"GET\",\"requestContext\":{\"identity\":{\"elb\":{},\"http\":{}}}} | APIGW_REST",
        "{\"requestContext\":{\"authorizer\":{\"domainName\":\"x.lambda-url.eu-west-1.on.aws\"},\"http\":{}}} | APIGW_HTTP",
        // version that is not a string, or not 2.0
        "{\"version\":2.0,\"httpMethod\":\"GET\"} | APIGW_REST",
        "{\"version\":{\"v\":\"2.0\"}} | NONE",
        "{\"version\":[\"2.0\"]} | NONE",
        "{\"version\":\"2.00\"} | NONE",
        "{\"version\":\"2.\"} | NONE",
        "{\"version\":\"1.0\",\"httpMethod\":\"GET\"} | APIGW_REST",
        "{\"version\":\"2.0\"} | APIGW_HTTP",
        // httpMethod and http of the wrong type
        "{\"httpMethod\":1} | NONE",
        "{\"requestContext\":{\"http\":\"GET\"},\"httpMethod\":\"GET\"} | APIGW_REST",
        "{\"requestContext\":\"elb\",\"httpMethod\":\"GET\"} | APIGW_REST",
        "{\"requestContext\":{\"elb\":null}} | ALB",
        // duplicate keys: the last version and domainName count; any elb or http counts
        "{\"version\":\"2.0\",\"version\":\"1.0\",\"httpMethod\":\"GET\"} | APIGW_REST",
        "{\"version\":\"1.0\",\"version\":\"2.0\",\"httpMethod\":\"GET\"} | APIGW_HTTP",
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\"a.lambda-url.x\",\"domainName\":\"api.example.com\"}} | APIGW_HTTP",
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\"api.example.com\"},\"requestContext\":{\"domainName\":\"a.lambda-url.x\"}} | FUNCTION_URL",
        "{\"requestContext\":{\"http\":{}},\"requestContext\":{\"elb\":{}}} | ALB",
        "{\"requestContext\":{\"http\":{}},\"requestContext\":{}} | APIGW_HTTP",
        // WebSocket context without HTTP signs is no HTTP event; with them it is
        "{\"requestContext\":{\"connectionId\":\"abc\",\"eventType\":\"MESSAGE\"}} | NONE",
        "{\"version\":\"2.0\",\"requestContext\":{\"connectionId\":\"abc\"}} | NONE",
        "{\"httpMethod\":\"GET\",\"requestContext\":{\"connectionId\":\"abc\"}} | APIGW_REST",
        "{\"requestContext\":{\"eventType\":\"MESSAGE\",\"http\":{}}} | APIGW_HTTP",
        "{\"requestContext\":{\"elb\":{},\"connectionId\":\"abc\"}} | ALB",
        // function URL by its domain name only
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\"abc.lambda-url.us-east-1.on.aws\"}} | FUNCTION_URL",
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\"lambda-url.us-east-1.on.aws\"}} | APIGW_HTTP",
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\".lambda-url.\"}} | FUNCTION_URL",
        "{\"version\":\"2.0\",\"requestContext\":{\"domainName\":\".lambda-url\"}} | APIGW_HTTP",
        "{\"httpMethod\":\"GET\",\"requestContext\":{\"domainName\":\"a.lambda-url.b\"}} | APIGW_REST",
        // truncated and malformed: judged by what was read before the break
        "{\"version\":\"2.0\",\"body\":\"{\\\"a\\\":1 | APIGW_HTTP",
        "{\"requestContext\":{\"elb\":{\"targetGroupArn\":\"arn: | ALB",
        "{\"httpMethod\":\"GET\",\"headers\":{\"a\":} ,\"requestContext\":{\"elb\":{}}} | APIGW_REST",
        "{\"version\":\"2.0\" \"requestContext\":{\"elb\":{}}} | APIGW_HTTP",
        "{\"versi | NONE",
        "[{\"version\":\"2.0\"}] | NONE",
        "\"version\" | NONE",
        "null | NONE",
        "{} | NONE"
    })
    void trickyInputsKeepTheirFormat(String json, HttpEventKind expected) {
        assertEquals(expected, detect(json));
        assertEquals(expected, reference(json.getBytes(StandardCharsets.UTF_8), json.length()));
    }

    @Test
    void aHugeNestedValueBeforeTheDistinguishingKeyIsSkipped() {
        String deep = "{\"a\":".repeat(60) + "\"x\"" + "}".repeat(60);
        String wide = "\"" + "y".repeat(200_000) + "\"";
        assertEquals(HttpEventKind.FUNCTION_URL, detect("{\"body\":" + wide + ",\"headers\":" + deep
                + ",\"version\":\"2.0\",\"requestContext\":{\"stage\":" + deep
                + ",\"domainName\":\"f.lambda-url.eu-west-1.on.aws\"}}"));
        assertEquals(HttpEventKind.ALB, detect("{\"headers\":" + deep + ",\"requestContext\":{\"x\":" + wide
                + ",\"elb\":{}}}"));
    }

    @Test
    void nestingDeeperThanTheLimitStopsTheReadingThere() {
        String tooDeep = "[".repeat(100) + "]".repeat(100);
        assertEquals(HttpEventKind.APIGW_REST, detect("{\"httpMethod\":\"GET\",\"headers\":" + tooDeep
                + ",\"requestContext\":{\"elb\":{}}}"));
    }

    @Test
    void everyPrefixOfEverySampleHasTheFormatTheFullPassGave() {
        for (String name : SAMPLES) {
            byte[] event = sample(name);
            for (int n = 0; n <= event.length; n++) {
                assertEquals(reference(event, n), HttpEventKind.detect(event, n), name + " cut at " + n);
            }
        }
    }

    @Test
    void everySampleWithAByteBrokenAnywhereHasTheFormatTheFullPassGave() {
        for (String name : SAMPLES) {
            byte[] event = sample(name);
            for (int i = 0; i < event.length; i++) {
                for (byte bad : new byte[] {'}', ',', '"', (byte) 0xC3, 0}) {
                    byte[] broken = event.clone();
                    broken[i] = bad;
                    assertEquals(reference(broken, broken.length), HttpEventKind.detect(broken),
                            name + " with byte " + i + " = " + bad);
                }
            }
        }
    }

    private static final JsonFactory REFERENCE_SNIFFER = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();

    /** The detection as it was before it stopped early: a full pass, then the rules. */
    private static HttpEventKind reference(byte[] event, int length) {
        boolean topMethod = false;
        boolean v2 = false;
        boolean elb = false;
        boolean ctxHttp = false;
        boolean ctxWebSocket = false;
        boolean lambdaUrl = false;
        try (JsonParser p = REFERENCE_SNIFFER.createParser(event, 0, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return HttpEventKind.NONE;
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
                            elb = true;
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
        if (elb) {
            return HttpEventKind.ALB;
        }
        if (ctxWebSocket && !topMethod && !ctxHttp) {
            return HttpEventKind.NONE;
        }
        if (ctxHttp || v2) {
            return lambdaUrl ? HttpEventKind.FUNCTION_URL : HttpEventKind.APIGW_HTTP;
        }
        if (topMethod) {
            return HttpEventKind.APIGW_REST;
        }
        return HttpEventKind.NONE;
    }
}
