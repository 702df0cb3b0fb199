package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.ApplicationLoadBalancerResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes an HTTP answer in the response shape of the event that came in, with AWS's serializers. */
final class HttpResponses {

    private static final class V2 {
        static final PojoSerializer<APIGatewayV2HTTPResponse> S =
                AwsSerialization.serializerFor(APIGatewayV2HTTPResponse.class);
    }

    private static final class V1 {
        static final PojoSerializer<APIGatewayProxyResponseEvent> S =
                AwsSerialization.serializerFor(APIGatewayProxyResponseEvent.class);
    }

    private static final class Alb {
        static final PojoSerializer<ApplicationLoadBalancerResponseEvent> S =
                AwsSerialization.serializerFor(ApplicationLoadBalancerResponseEvent.class);
    }

    private HttpResponses() {
    }

    static void write(OutputStream out, HttpEventKind kind, boolean multiValue, int status,
            Map<String, String> headers, byte[] body) {
        String text = body == null ? null : new String(body, StandardCharsets.UTF_8);
        switch (kind) {
            case APIGW_REST: {
                APIGatewayProxyResponseEvent r = new APIGatewayProxyResponseEvent()
                        .withStatusCode(status)
                        .withHeaders(headers)
                        .withIsBase64Encoded(false);
                if (text != null) {
                    r.setBody(text);
                }
                V1.S.toJson(r, out);
                return;
            }
            case ALB: {
                ApplicationLoadBalancerResponseEvent r = new ApplicationLoadBalancerResponseEvent();
                r.setStatusCode(status);
                r.setStatusDescription(status + " " + StatusText.of(status));
                r.setIsBase64Encoded(false);
                if (multiValue) {
                    Map<String, List<String>> mv = new LinkedHashMap<>();
                    headers.forEach((k, v) -> mv.put(k, List.of(v)));
                    r.setMultiValueHeaders(mv);
                } else {
                    r.setHeaders(headers);
                }
                r.setBody(text == null ? "" : text);
                Alb.S.toJson(r, out);
                return;
            }
            default: {
                APIGatewayV2HTTPResponse.APIGatewayV2HTTPResponseBuilder b = APIGatewayV2HTTPResponse.builder()
                        .withStatusCode(status)
                        .withHeaders(headers)
                        .withIsBase64Encoded(false);
                if (text != null) {
                    b.withBody(text);
                }
                V2.S.toJson(b.build(), out);
            }
        }
    }

    /** Creates the serializer of a format ahead of its first answer (init-time priming). */
    static void prime(HttpEventKind kind) {
        switch (kind) {
            case APIGW_REST:
                java.util.Objects.requireNonNull(V1.S);
                break;
            case ALB:
                java.util.Objects.requireNonNull(Alb.S);
                break;
            default:
                java.util.Objects.requireNonNull(V2.S);
        }
    }
}
