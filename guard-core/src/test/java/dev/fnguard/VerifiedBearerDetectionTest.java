package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.detect.Detect;
import dev.fnguard.detect.Detector;
import dev.fnguard.detect.internal.DetectCheck;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The {@code detect} check and the {@code Authorization} header: the bearer token of a caller the
 * {@code auth} check verified from it is not inspected; every other value of that header, and every
 * other header, is.
 */
class VerifiedBearerDetectionTest {

    @Guarded(detect = @Detect({Detector.XSS, Detector.SQL, Detector.CRLF}))
    static final class Api {}

    /** Base64url text that holds a JS sink name once lower-cased: what the XSS detector reads in it. */
    private static final String SINK_SHAPED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.fromCharCode.c2ln";

    /** Base64url text no detector reads anything in. */
    private static final String PLAIN_TOKEN = "eyJhbGciOiJSUzI1NiJ9.e30.c2ln";

    private static final Caller VERIFIED =
            new Caller(Optional.of("user-42"), Optional.of("https://issuer.example.com/"), Set.of(), Set.of(), "jwt");
    private static final Caller BY_API_KEY =
            new Caller(Optional.of("key-1"), Optional.empty(), Set.of(), Set.of(), "api-key");

    private static Verdict inspect(Caller caller, Map<String, String> headers) {
        Policy policy = Policy.forClass(Api.class);
        Invocation inv = Invocation.builder().requestId("r1").functionName("test")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-1"))
                .http(new HttpRequest("POST", "/orders", "POST /orders", Headers.of(headers, null), Map.of(), Map.of(),
                        List.of(), Optional.empty(), true))
                .records(List.of(new EventRecord("body", "{}".getBytes(StandardCharsets.UTF_8), Map.of())))
                .build();
        Inspection inspection = new Inspection(inv, policy, inv.records().get(0), caller);
        return new DetectCheck(policy.detect(), Void.class).check(inspection);
    }

    @Test
    void skipsTheBearerTokenOfACallerVerifiedFromIt() {
        assertTrue(inspect(VERIFIED, Map.of("Authorization", "Bearer " + SINK_SHAPED_TOKEN)).passes());
    }

    @Test
    void passesAnOrdinaryTokenOfAnAnonymousCaller() {
        assertTrue(inspect(Caller.anonymous(), Map.of("Authorization", "Bearer " + PLAIN_TOKEN)).passes());
    }

    @Test
    void inspectsTheAuthorizationHeaderOfAnAnonymousCaller() {
        Verdict v = inspect(Caller.anonymous(), Map.of("Authorization", "Bearer " + SINK_SHAPED_TOKEN));
        assertEquals(Optional.of(Reason.INJECTION_XSS), v.reason());
        assertEquals(List.of("header.authorization"), v.fields());
    }

    @Test
    void inspectsTheAuthorizationHeaderWhenTheCallerWasVerifiedOtherwise() {
        Verdict v = inspect(BY_API_KEY, Map.of("Authorization", "Bearer " + SINK_SHAPED_TOKEN));
        assertEquals(Optional.of(Reason.INJECTION_XSS), v.reason());
    }

    @Test
    void inspectsAnythingBesideTheTokenInTheHeaderOfAVerifiedCaller() {
        assertEquals(Optional.of(Reason.INJECTION_CRLF),
                inspect(VERIFIED, Map.of("Authorization", "Bearer " + PLAIN_TOKEN + "\r")).reason());
        assertEquals(Optional.of(Reason.INJECTION_SQL),
                inspect(VERIFIED, Map.of("Authorization", "Bearer x' OR '1'='1")).reason());
        assertEquals(Optional.of(Reason.INJECTION_XSS),
                inspect(VERIFIED, Map.of("Authorization", "Basic " + SINK_SHAPED_TOKEN)).reason());
    }

    @Test
    void inspectsEveryOtherHeaderOfAVerifiedCaller() {
        Verdict v = inspect(VERIFIED, Map.of("Authorization", "Bearer " + SINK_SHAPED_TOKEN,
                "X-Note", "<script>alert(1)</script>"));
        assertEquals(Optional.of(Reason.INJECTION_XSS), v.reason());
        assertEquals(List.of("header.x-note"), v.fields());
    }
}
