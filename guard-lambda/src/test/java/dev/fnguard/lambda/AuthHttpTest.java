package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Caller verification on the Lambda HTTP path, with AWS's sample events and tokens minted here. */
class AuthHttpTest {

    private static final String ISSUER = "https://login.example.com/";
    private static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2}";
    private static ECKey key;

    @TempDir
    static Path dir;
    private static Map<String, String> env;

    private final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void keys() throws JOSEException, IOException {
        key = new ECKeyGenerator(Curve.P_256).keyID("k1").generate();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
        env = Map.of("FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWKS_URL", jwks.toUri().toString());
    }

    private static String token(Consumer<JWTClaimsSet.Builder> edit) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).audience("orders-api").subject("ana")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(600))).claim("scope", "orders:write");
        edit.accept(b);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID("k1").build(), b.build());
        try {
            jwt.sign(new ECDSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private AuthHandlers.Orders orders() {
        return new AuthHandlers.Orders(GuardOptions.builder().environment(env).auditSink(audit::add).build());
    }

    private static byte[] v2(String authorization, String method) {
        return Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, VALID);
            ((ObjectNode) e.get("requestContext").get("http")).put("method", method);
            e.put("rawPath", "/orders");
            e.put("routeKey", method + " /orders");
            if (authorization != null) {
                Events.header(e, "authorization", authorization);
            }
        });
    }

    private static JsonNode invoke(Object handler, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ((com.amazonaws.services.lambda.runtime.RequestStreamHandler) handler)
                .handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-auth"));
        return Events.MAPPER.readTree(out.toByteArray());
    }

    @Test
    void validTokenReachesUserCodeAndTheAuditNamesTheCaller() throws IOException {
        AuthHandlers.Orders h = orders();
        String t = token(b -> { });
        JsonNode r = invoke(h, v2("Bearer " + t, "POST"));
        assertEquals(201, r.get("statusCode").asInt());
        assertEquals("ana", h.last.caller().subject().orElseThrow());
        AuditEvent a = audit.get(0);
        String json = a.toJson();
        assertTrue(json.contains("\"subject\":\"ana\"") && json.contains("\"issuer\":\"" + ISSUER + "\"")
                && json.contains("\"method\":\"jwt\""), json);
        assertFalse(json.contains(t) || json.contains(t.substring(0, t.indexOf('.'))), "the token is never audited");
    }

    @Test
    void missingTokenIs401WithBearerChallenge() throws IOException {
        JsonNode r = invoke(orders(), v2(null, "POST"));
        assertEquals(401, r.get("statusCode").asInt());
        assertEquals("Bearer error=\"invalid_token\"", r.get("headers").get("WWW-Authenticate").asText());
        assertTrue(r.get("body").asText().contains("TOKEN_MISSING"));
        assertEquals(List.of("TOKEN_MISSING"), audit.get(0).reasons());
    }

    @Test
    void badTokenIs401WithoutSayingWhy() throws IOException {
        String t = token(b -> b.issuer("https://evil.example.com/"));
        JsonNode r = invoke(orders(), v2("Bearer " + t, "POST"));
        assertEquals(401, r.get("statusCode").asInt());
        assertEquals("Bearer error=\"invalid_token\"", r.get("headers").get("WWW-Authenticate").asText());
        String body = r.get("body").asText();
        assertTrue(body.contains("TOKEN_INVALID"), body);
        assertFalse(body.contains("claims") || body.contains("violations") || body.contains("evil"), body);
        AuditEvent a = audit.get(0);
        assertEquals(List.of("jwt:claims"), a.fields(), "the audit says why");
        assertFalse(a.toJson().contains(t.substring(t.lastIndexOf('.') + 1)));
    }

    @Test
    void expiredTokenIs401TokenExpired() throws IOException {
        Instant now = Instant.now();
        String t = token(b -> b.issueTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(600))));
        JsonNode r = invoke(orders(), v2("Bearer " + t, "POST"));
        assertEquals(401, r.get("statusCode").asInt());
        assertTrue(r.get("body").asText().contains("TOKEN_EXPIRED"));
    }

    @Test
    void validTokenWithoutTheRouteScopeIs403() throws IOException {
        AuthHandlers.Orders h = orders();
        JsonNode r = invoke(h, v2("Bearer " + token(b -> b.claim("scope", "orders:read")), "POST"));
        assertEquals(403, r.get("statusCode").asInt());
        assertEquals("Bearer error=\"insufficient_scope\", scope=\"orders:write\"",
                r.get("headers").get("WWW-Authenticate").asText());
        assertNull(h.last);
        AuditEvent a = audit.get(0);
        assertEquals(List.of("SCOPE"), a.reasons());
        assertEquals("ana", a.caller().subject().orElseThrow(), "a 403 still names who asked");
        assertEquals(List.of("scope:orders:write"), a.fields());
    }

    @Test
    void scopeIsRequiredPerRoute() throws IOException {
        AuthHandlers.Orders h = orders();
        JsonNode r = invoke(h, Events.edited("apigw_http_event.json", e -> {
            ((ObjectNode) e.get("requestContext").get("http")).put("method", "GET");
            e.put("rawPath", "/orders");
            e.put("routeKey", "GET /orders");
            e.remove("body");
            Events.header(e, "authorization", "Bearer " + token(b -> b.claim("scope", "orders:read")));
        }));
        assertTrue(audit.get(0).reasons().isEmpty() || !audit.get(0).reasons().contains("SCOPE"),
                "GET /orders does not require orders:write: " + audit.get(0).reasons() + " " + r);
    }

    private AuthHandlers.Gateway gateway(Map<String, String> env) {
        return new AuthHandlers.Gateway(GuardOptions.builder().environment(env).auditSink(audit::add).build());
    }

    private static byte[] gatewayEvent(String apiId, Consumer<ObjectNode> claims) {
        return Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, VALID);
            ObjectNode rc = (ObjectNode) e.get("requestContext");
            rc.put("apiId", apiId);
            claims.accept((ObjectNode) rc.get("authorizer").get("jwt").get("claims"));
        });
    }

    @Test
    void httpApiJwtAuthorizerClaimsBecomeTheCallerForAnAllowedApi() throws IOException {
        AuthHandlers.Gateway h = gateway(Map.of());
        JsonNode r = invoke(h, gatewayEvent("api-id", c -> c.put("sub", "user-7").put("iss", "https://cognito/")));
        assertEquals(201, r.get("statusCode").asInt(), r.toString());
        assertEquals("user-7", h.last.caller().subject().orElseThrow());
        assertEquals("gateway-jwt", h.last.caller().method());
        assertTrue(h.last.caller().scopes().contains("scope1"), "scopes from the authorizer's sample event");
    }

    @Test
    void authorizerClaimsFromAnApiThatIsNotAllowedAreIgnored() throws IOException {
        AuthHandlers.Gateway h = gateway(Map.of());
        JsonNode r = invoke(h, gatewayEvent("other-api", c -> c.put("sub", "admin")));
        assertEquals(401, r.get("statusCode").asInt());
        assertNull(h.last);
        assertEquals(List.of("TOKEN_MISSING"), audit.get(0).reasons());
    }

    @Test
    void environmentReplacesTheAllowedApiIds() throws IOException {
        AuthHandlers.Gateway h = gateway(Map.of("FNGUARD_GATEWAY_API_IDS", "prod-api"));
        assertEquals(401, invoke(h, gatewayEvent("api-id", c -> c.put("sub", "u"))).get("statusCode").asInt());
        assertEquals(201, invoke(h, gatewayEvent("prod-api", c -> c.put("sub", "u"))).get("statusCode").asInt());
    }

    @Test
    void lambdaAuthorizerContextOnRestApiBecomesTheCaller() throws IOException {
        AuthHandlers.Gateway h = gateway(Map.of("FNGUARD_GATEWAY_API_IDS", "id"));
        JsonNode r = invoke(h, Events.edited("apigw_rest_event.json", e -> {
            e.put("httpMethod", "POST");
            Events.header(e, "Content-Type", "application/json");
            e.put("body", VALID);
            ObjectNode auth = ((ObjectNode) e.get("requestContext")).putObject("authorizer");
            auth.put("principalId", "svc-billing");
            auth.put("scope", "scope1");
        }));
        assertEquals(201, r.get("statusCode").asInt(), r.toString());
        assertEquals("svc-billing", h.last.caller().subject().orElseThrow());
        assertEquals("gateway-lambda", h.last.caller().method());
    }

    private static String githubSignature(String secret, String body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void signedWebhookIsAcceptedOnceAcrossInstancesSharingAReplayStore() throws Exception {
        dev.fnguard.spi.Stores shared = new dev.fnguard.spi.Stores(new dev.fnguard.budget.InMemoryBudgetStore(),
                new dev.fnguard.spi.InMemoryReplayStore(), () -> { });
        Map<String, String> hookEnv = Map.of("FNGUARD_WEBHOOK_SECRET", "s3cret-for-the-hook");
        AuthHandlers.Hook first = new AuthHandlers.Hook(GuardOptions.builder().environment(hookEnv)
                .auditSink(audit::add).stores(shared).build());
        AuthHandlers.Hook second = new AuthHandlers.Hook(GuardOptions.builder().environment(hookEnv)
                .auditSink(audit::add).stores(shared).build());
        String sig = githubSignature("s3cret-for-the-hook", VALID);
        byte[] event = Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, VALID);
            Events.header(e, "x-hub-signature-256", sig);
        });
        assertEquals(202, invoke(first, event).get("statusCode").asInt());
        JsonNode replay = invoke(second, event);
        assertEquals(401, replay.get("statusCode").asInt());
        assertEquals("HMAC-SHA256", replay.get("headers").get("WWW-Authenticate").asText());
        assertEquals(List.of("REPLAY"), audit.get(1).reasons());
        JsonNode forged = invoke(first, Events.edited("apigw_http_event.json", e -> {
            Events.v2Post(e, "{\"sku\":\"ABC-999\",\"quantity\":2}");
            Events.header(e, "x-hub-signature-256", sig);
        }));
        assertEquals(401, forged.get("statusCode").asInt());
        assertFalse(audit.get(2).toJson().contains(sig.substring(7)), "the signature is not audited");
    }

    @Test
    void keysUnavailableIs503WithRetryAfter() throws IOException {
        AuthHandlers.Orders h = new AuthHandlers.Orders(GuardOptions.builder().environment(Map.of(
                "FNGUARD_JWT_ISSUER", ISSUER, "FNGUARD_JWKS_URL", dir.resolve("gone.json").toUri().toString()))
                .auditSink(audit::add).build());
        JsonNode r = invoke(h, v2("Bearer " + token(b -> { }), "POST"));
        assertEquals(503, r.get("statusCode").asInt());
        assertEquals("30", r.get("headers").get("Retry-After").asText());
    }

    @Test
    void iamCallerIdentityOnRestApiBecomesTheCaller() throws IOException {
        AuthHandlers.Gateway h = gateway(Map.of("FNGUARD_GATEWAY_API_IDS", "id"));
        JsonNode r = invoke(h, Events.edited("apigw_rest_event.json", e -> {
            e.put("httpMethod", "POST");
            Events.header(e, "Content-Type", "application/json");
            e.put("body", VALID);
            ((ObjectNode) e.get("requestContext").get("identity"))
                    .put("userArn", "arn:aws:iam::123456789012:user/ci").put("accountId", "123456789012");
        }));
        // authenticated as IAM, but IAM identity carries no scope: the handler's scope1 is missing
        assertEquals(403, r.get("statusCode").asInt(), r.toString());
        assertEquals("arn:aws:iam::123456789012:user/ci", audit.get(0).caller().subject().orElseThrow());
        assertEquals("iam", audit.get(0).caller().method());
    }
}
