package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens what an API Gateway authorizer put in the request context into the cloud-neutral
 * {@link dev.fnguard.Invocation#authorizer()} map. Whether it is believed is the auth check's
 * decision (only for allowed API ids), not this mapper's.
 */
final class Authorizers {

    private static final int MAX_ENTRIES = 64;
    private static final int MAX_VALUE_CHARS = 1024;

    private Authorizers() {
    }

    static Map<String, String> v2(APIGatewayV2HTTPEvent.RequestContext.Authorizer a) {
        if (a == null) {
            return Map.of();
        }
        Map<String, String> out = new HashMap<>();
        if (a.getJwt() != null) {
            if (a.getJwt().getClaims() != null) {
                a.getJwt().getClaims().forEach((k, v) -> put(out, "jwt.claims." + k, v));
            }
            List<String> scopes = a.getJwt().getScopes();
            if (scopes != null && !scopes.isEmpty()) {
                put(out, "jwt.scopes", String.join(" ", scopes.stream().filter(s -> s != null).toList()));
            }
        }
        if (a.getLambda() != null) {
            a.getLambda().forEach((k, v) -> putScalar(out, "lambda." + k, v));
        }
        APIGatewayV2HTTPEvent.RequestContext.IAM iam = a.getIam();
        if (iam != null) {
            put(out, "iam.userArn", iam.getUserArn());
            put(out, "iam.accountId", iam.getAccountId());
            put(out, "iam.callerId", iam.getCallerId());
            put(out, "iam.userId", iam.getUserId());
        }
        return out;
    }

    static Map<String, String> v1(Map<String, Object> authorizer, APIGatewayProxyRequestEvent.RequestIdentity identity) {
        Map<String, String> out = new HashMap<>();
        if (authorizer != null) {
            Object claims = authorizer.get("claims");
            if (claims instanceof Map<?, ?> m) {
                // Cognito user pool authorizer
                m.forEach((k, v) -> putScalar(out, "jwt.claims." + k, v));
            } else {
                // Lambda authorizer: principalId and the context it returned
                authorizer.forEach((k, v) -> putScalar(out, "lambda." + k, v));
            }
        }
        if (identity != null && identity.getUserArn() != null) {
            put(out, "iam.userArn", identity.getUserArn());
            put(out, "iam.accountId", identity.getAccountId());
            put(out, "iam.callerId", identity.getCaller());
            put(out, "iam.userId", identity.getUser());
        }
        return out;
    }

    private static void putScalar(Map<String, String> out, String key, Object v) {
        if (v instanceof String || v instanceof Number || v instanceof Boolean) {
            put(out, key, v.toString());
        }
    }

    private static void put(Map<String, String> out, String key, String v) {
        if (key != null && v != null && out.size() < MAX_ENTRIES && key.length() <= 128) {
            out.put(key, v.length() <= MAX_VALUE_CHARS ? v : v.substring(0, MAX_VALUE_CHARS));
        }
    }
}
