package dev.fnguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.EventRecord;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Headers;
import dev.fnguard.HttpRequest;
import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import dev.fnguard.spi.InMemoryReplayStore;
import dev.fnguard.spi.MutableClock;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** GitHub- and Stripe-style webhook signatures, replays and stale timestamps. */
class WebhookAuthTest {

    @Guarded(webhook = @Webhook(style = Webhook.Style.GITHUB))
    static final class GitHubHook {
    }

    @Webhook(style = Webhook.Style.STRIPE, tolerance = 300)
    static final class StripeHook {
    }

    // GitHub's documented test vector (docs: "Validating webhook deliveries")
    private static final String GITHUB_SECRET = "It's a Secret to Everybody";
    private static final String GITHUB_BODY = "Hello, World!";
    private static final String GITHUB_SIGNATURE =
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";
    private static final String STRIPE_SECRET = "whsec_test_0123456789abcdef";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T12:00:00Z"));

    private Guard guard(Class<?> hook, Map<String, String> env) {
        return Guard.builder(Policy.forClass(hook).withEnvironment(env), Void.class).auditSink(e -> { }).clock(clock)
                .replayStore(new InMemoryReplayStore(clock, 1000)).build();
    }

    private static Invocation post(Map<String, String> headers, String body) {
        Map<String, String> h = new HashMap<>(headers);
        h.put("x-forwarded-proto", "https");
        HttpRequest req = new HttpRequest("POST", "/hook", "POST /hook", Headers.of(h, null), Map.of(), Map.of(),
                List.of(), Optional.empty(), true);
        return Invocation.builder().requestId("r").functionName("f").source(Source.of(SourceKind.HTTP, "apigw-http", "a"))
                .http(req).records(List.of(new EventRecord("body", body.getBytes(StandardCharsets.UTF_8), Map.of())))
                .build();
    }

    private static Optional<Reason> reason(Evaluation e) {
        return e.denial().flatMap(v -> v.reason());
    }

    @Test
    void githubDocumentedTestVectorIsAccepted() {
        Guard g = guard(GitHubHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", GITHUB_SECRET));
        Evaluation e = g.evaluate(post(Map.of("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_BODY));
        assertTrue(e.denial().isEmpty(), () -> e.denial().toString());
        assertEquals("webhook:github", e.caller().subject().orElseThrow());
        assertEquals("hmac", e.caller().method());
    }

    @Test
    void githubReplayIsRefused() {
        Guard g = guard(GitHubHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", GITHUB_SECRET));
        assertTrue(g.evaluate(post(Map.of("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_BODY)).denial().isEmpty());
        // a different (unsigned) delivery id does not make the same signed body new
        assertEquals(Optional.of(Reason.REPLAY), reason(g.evaluate(post(Map.of("X-Hub-Signature-256", GITHUB_SIGNATURE,
                "X-GitHub-Delivery", "another-id"), GITHUB_BODY))));
    }

    @Test
    void githubTamperedBodyOrSignatureIsRefused() {
        Guard g = guard(GitHubHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", GITHUB_SECRET));
        assertEquals(Optional.of(Reason.TOKEN_INVALID),
                reason(g.evaluate(post(Map.of("X-Hub-Signature-256", GITHUB_SIGNATURE), "Hello, World?"))));
        String flipped = GITHUB_SIGNATURE.substring(0, GITHUB_SIGNATURE.length() - 1) + "6";
        assertEquals(Optional.of(Reason.TOKEN_INVALID),
                reason(g.evaluate(post(Map.of("X-Hub-Signature-256", flipped), GITHUB_BODY))));
        for (String bad : List.of("sha1=757107ea0eb2509fc211221cce984b8a37570b6d", "sha256=", "sha256=zz",
                GITHUB_SIGNATURE.toUpperCase(), "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17")) {
            assertEquals(Optional.of(Reason.TOKEN_INVALID),
                    reason(g.evaluate(post(Map.of("X-Hub-Signature-256", bad), GITHUB_BODY))), bad);
        }
    }

    @Test
    void githubWithoutSignatureIsTokenMissing() {
        Guard g = guard(GitHubHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", GITHUB_SECRET));
        assertEquals(Optional.of(Reason.TOKEN_MISSING), reason(g.evaluate(post(Map.of(), GITHUB_BODY))));
    }

    @Test
    void webhookWithoutSecretRefusesEverything() {
        Guard g = guard(GitHubHook.class, Map.of());
        Evaluation e = g.evaluate(post(Map.of("X-Hub-Signature-256", GITHUB_SIGNATURE), GITHUB_BODY));
        assertEquals(Optional.of(Reason.TOKEN_INVALID), reason(e));
        assertEquals(List.of("hmac:unconfigured"), e.denial().get().fields());
    }

    private static String stripeSignature(long t, String body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void stripeSignatureWithinToleranceIsAcceptedOnceOnly() {
        Guard g = guard(StripeHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", STRIPE_SECRET));
        long t = clock.instant().getEpochSecond() - 30;
        String body = "{\"id\":\"evt_1\",\"type\":\"charge.succeeded\"}";
        String header = "t=" + t + ",v1=" + stripeSignature(t, body, STRIPE_SECRET) + ",v0=deadbeef";
        assertTrue(g.evaluate(post(Map.of("Stripe-Signature", header), body)).denial().isEmpty());
        assertEquals(Optional.of(Reason.REPLAY), reason(g.evaluate(post(Map.of("Stripe-Signature", header), body))));
    }

    @Test
    void stripeSignatureWithRotatedSecretsMatchesAnyV1() {
        Guard g = guard(StripeHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", STRIPE_SECRET));
        long t = clock.instant().getEpochSecond();
        String body = "{}";
        String header = "t=" + t + ",v1=" + stripeSignature(t, body, "whsec_old") + ",v1="
                + stripeSignature(t, body, STRIPE_SECRET);
        assertTrue(g.evaluate(post(Map.of("Stripe-Signature", header), body)).denial().isEmpty());
    }

    @Test
    void staleOrFutureStripeTimestampIsRefused() {
        Guard g = guard(StripeHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", STRIPE_SECRET));
        String body = "{}";
        for (long t : new long[] {clock.instant().getEpochSecond() - 301, clock.instant().getEpochSecond() + 301}) {
            String header = "t=" + t + ",v1=" + stripeSignature(t, body, STRIPE_SECRET);
            assertEquals(Optional.of(Reason.REPLAY), reason(g.evaluate(post(Map.of("Stripe-Signature", header), body))));
        }
    }

    @Test
    void stripeSignatureReplayedAfterItsWindowIsStaleNotNew() {
        Guard g = guard(StripeHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", STRIPE_SECRET));
        long t = clock.instant().getEpochSecond();
        String body = "{}";
        String header = "t=" + t + ",v1=" + stripeSignature(t, body, STRIPE_SECRET);
        assertTrue(g.evaluate(post(Map.of("Stripe-Signature", header), body)).denial().isEmpty());
        clock.advance(Duration.ofMinutes(11));
        assertEquals(Optional.of(Reason.REPLAY), reason(g.evaluate(post(Map.of("Stripe-Signature", header), body))));
    }

    @Test
    void stripeTimestampMovedWithoutResigningIsRefused() {
        Guard g = guard(StripeHook.class, Map.of("FNGUARD_WEBHOOK_SECRET", STRIPE_SECRET));
        long t = clock.instant().getEpochSecond() - 1000;
        String body = "{}";
        String sig = stripeSignature(t, body, STRIPE_SECRET);
        String moved = "t=" + clock.instant().getEpochSecond() + ",v1=" + sig;
        assertEquals(Optional.of(Reason.TOKEN_INVALID), reason(g.evaluate(post(Map.of("Stripe-Signature", moved), body))));
        for (String bad : List.of("v1=" + sig, "t=abc,v1=" + sig, "t=" + t, "garbage", "t=-1,v1=" + sig)) {
            assertEquals(Optional.of(Reason.TOKEN_INVALID),
                    reason(g.evaluate(post(Map.of("Stripe-Signature", bad), body))), bad);
        }
    }
}
