package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Invocation;
import dev.fnguard.SourceKind;
import dev.fnguard.auth.GatewaySettings;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The caller an API Gateway authorizer established, believed only for API Gateway events whose API
 * id is allowed: a direct invocation or an event relayed from another API can carry any authorizer
 * context it likes. An event from elsewhere counts as carrying no credential.
 *
 * <p>In order of preference: HTTP API JWT authorizer claims ({@code sub}, {@code iss},
 * {@code jwt.scopes} or the {@code scope} claim, {@code cognito:groups} as roles; method
 * {@code gateway-jwt}), a Lambda authorizer's {@code principalId} or {@code sub} (method
 * {@code gateway-lambda}), IAM caller identity ({@code userArn}; method {@code iam}).
 */
final class GatewayAuthenticator implements Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    private final Set<String> apiIds;

    GatewayAuthenticator(GatewaySettings settings) {
        this.apiIds = settings.apiIds();
        if (apiIds.isEmpty()) {
            LOG.warn("gateway authorizers are declared but no API id is allowed (GatewayAuth.apiIds or "
                    + "FNGUARD_GATEWAY_API_IDS): no authorizer identity will be trusted");
        }
    }

    @Override
    public Authentication authenticate(Invocation invocation) {
        Map<String, String> a = invocation.authorizer();
        if (a.isEmpty() || invocation.source().kind() != SourceKind.HTTP
                || !invocation.source().type().startsWith("apigw-")
                || invocation.source().identity().filter(apiIds::contains).isEmpty()) {
            return Authentication.absent();
        }
        String issuerOf = "apigateway:" + invocation.source().identity().get();
        String sub = a.get("jwt.claims.sub");
        if (sub != null && !sub.isBlank()) {
            Set<String> scopes = new HashSet<>(JwksTokenVerifier.words(a.getOrDefault("jwt.scopes", "")));
            scopes.addAll(JwksTokenVerifier.words(a.getOrDefault("jwt.claims.scope", "")));
            Set<String> roles = new HashSet<>(JwksTokenVerifier.words(groups(a.get("jwt.claims.cognito:groups"))));
            return Authentication.verified(new Caller(Optional.of(clip(sub)),
                    Optional.of(clip(a.getOrDefault("jwt.claims.iss", issuerOf))), scopes, roles, "gateway-jwt"));
        }
        String principal = first(a.get("lambda.principalId"), a.get("lambda.sub"));
        if (principal != null) {
            Set<String> scopes = JwksTokenVerifier.words(a.getOrDefault("lambda.scope", ""));
            Set<String> roles = JwksTokenVerifier.words(a.getOrDefault("lambda.roles", ""));
            return Authentication.verified(
                    new Caller(Optional.of(clip(principal)), Optional.of(issuerOf), scopes, roles, "gateway-lambda"));
        }
        String arn = a.get("iam.userArn");
        if (arn != null && !arn.isBlank()) {
            return Authentication.verified(
                    new Caller(Optional.of(clip(arn)), Optional.of(issuerOf), Set.of(), Set.of(), "iam"));
        }
        return Authentication.absent();
    }

    /** API Gateway renders an array claim as {@code [a b c]}. */
    private static String groups(String v) {
        if (v == null) {
            return "";
        }
        String s = v.strip();
        return s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1).replace(',', ' ') : s;
    }

    private static String first(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a;
        }
        return b != null && !b.isBlank() ? b : null;
    }

    private static String clip(String s) {
        return s.length() <= 256 ? s : s.substring(0, 256);
    }
}
