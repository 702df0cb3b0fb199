package dev.fnguard.lambda.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.internal.HttpProblem;
import dev.fnguard.internal.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Adds the guard's security headers to an HTTP answer written by user code behind the drop-in entry
 * point. An answer is recognised as an HTTP response when it is a JSON object with a numeric
 * {@code statusCode} (what AWS's serializers write for {@code APIGatewayV2HTTPResponse},
 * {@code APIGatewayProxyResponseEvent} and {@code ApplicationLoadBalancerResponseEvent}, and what a
 * stream handler or a {@code Map} answer in those shapes holds); anything else (a bare body the HTTP
 * API wraps itself) is passed through unchanged. The security headers replace headers of the same
 * name set by user code; everything else the user set is kept.
 */
final class SecuredReply {

    private SecuredReply() {
    }

    /**
     * An answer to write, with the status it carries.
     *
     * @param bytes the answer
     * @param status its {@code statusCode}, or 200 when it is a bare body (what the HTTP API answers)
     */
    record Reply(byte[] bytes, int status) {
    }

    /**
     * The answer with the security headers, or the answer itself when it is not an HTTP response.
     *
     * @param answer the bytes user code's answer serialized to
     * @param multiValue whether the event used multi-value headers (ALB answers in kind)
     * @return the answer to write
     */
    static Reply secure(byte[] answer, boolean multiValue) {
        JsonNode tree;
        try {
            tree = Json.WRITER.readTree(answer);
        } catch (IOException | RuntimeException e) {
            return new Reply(answer, 200);
        }
        if (!(tree instanceof ObjectNode response) || !response.path("statusCode").isInt()) {
            return new Reply(answer, 200);
        }
        int status = response.get("statusCode").intValue();
        Map<String, String> security = HttpProblem.securityHeaders();
        ObjectNode single = response.get("headers") instanceof ObjectNode h ? h : null;
        ObjectNode multi = response.get("multiValueHeaders") instanceof ObjectNode m ? m : null;
        remove(single, security);
        remove(multi, security);
        if (multiValue || (multi != null && !multi.isEmpty() && single == null)) {
            ObjectNode target = multi != null ? multi : response.putObject("multiValueHeaders");
            security.forEach((k, v) -> target.putArray(k).add(v));
        } else {
            ObjectNode target = single != null ? single : response.putObject("headers");
            security.forEach(target::put);
        }
        try {
            return new Reply(Json.WRITER.writeValueAsBytes(response), status);
        } catch (IOException e) {
            return new Reply(answer, status);
        }
    }

    private static void remove(ObjectNode headers, Map<String, String> security) {
        if (headers == null) {
            return;
        }
        List<String> drop = new ArrayList<>();
        for (Iterator<String> names = headers.fieldNames(); names.hasNext();) {
            String name = names.next();
            for (String s : security.keySet()) {
                if (s.equalsIgnoreCase(name)) {
                    drop.add(name);
                }
            }
        }
        headers.remove(drop);
    }
}
