package dev.fnguard.auth;

import static dev.fnguard.auth.TokenKit.claims;
import static dev.fnguard.auth.TokenKit.request;
import static dev.fnguard.auth.TokenKit.rs256;
import static dev.fnguard.auth.TokenKit.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.sun.net.httpserver.HttpServer;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The key endpoint down at cold start and later, over a file and a real local HTTP server. */
class JwksOutageTest {

    @Guarded(jwt = @Jwt)
    static final class Api {
    }

    @TempDir
    Path dir;

    private HttpServer server;
    private final AtomicBoolean up = new AtomicBoolean(true);
    private final AtomicInteger fetches = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", x -> {
            fetches.incrementAndGet();
            byte[] b = up.get() ? TokenKit.jwksJson().getBytes(StandardCharsets.UTF_8)
                    : "upstream down".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(up.get() ? 200 : 503, b.length);
            x.getResponseBody().write(b);
            x.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json";
    }

    private static Guard guard(String jwksUrl) {
        return Guard.builder(Policy.forClass(Api.class).withEnvironment(TokenKit.env(jwksUrl)), Void.class)
                .auditSink(e -> { }).build();
    }

    private static Reason reason(Evaluation e) {
        return e.denial().orElseThrow(() -> new AssertionError("allowed")).reason().orElseThrow();
    }

    @Test
    void httpEndpointDownAtColdStartRefusesWithKeysUnavailable() {
        up.set(false);
        Evaluation e = guard(url()).evaluate(request("Bearer " + rs256(claims().build())));
        assertEquals(Reason.KEYS_UNAVAILABLE, reason(e));
        assertEquals(List.of("jwt:jwks"), e.denial().get().fields());
        assertEquals(503, Reason.KEYS_UNAVAILABLE.status());
    }

    @Test
    void everyRequestDuringAColdStartOutageIsKeysUnavailableNotInvalid() {
        up.set(false);
        Guard g = guard(url());
        String token = rs256(claims().build());
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.KEYS_UNAVAILABLE, reason(g.evaluate(request("Bearer " + token))), "request " + i);
        }
        assertTrue(fetches.get() <= 3, "the outage is not hammered, fetches: " + fetches.get());
    }

    @Test
    void unreachableEndpointAtColdStartRefusesWithKeysUnavailable() {
        String url = url();
        server.stop(0);
        assertEquals(Reason.KEYS_UNAVAILABLE, reason(guard(url).evaluate(request("Bearer " + rs256(claims().build())))));
    }

    @Test
    void missingJwksFileAtColdStartRefusesWithKeysUnavailable() {
        String url = dir.resolve("absent.json").toUri().toString();
        assertEquals(Reason.KEYS_UNAVAILABLE, reason(guard(url).evaluate(request("Bearer " + rs256(claims().build())))));
    }

    @Test
    void forgedTokenIsRefusedAsInvalidEvenWhileKeysAreUnavailable() {
        up.set(false);
        Guard g = guard(url());
        // nothing verifies without keys: a bad token is never let through by an outage
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims().build(),
                TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
        assertTrue(g.evaluate(request("Bearer " + forged)).denial().isPresent());
    }

    @Test
    void endpointDownLaterKeepsVerifyingWithCachedKeys() {
        Guard g = guard(url());
        String token = rs256(claims().build());
        assertTrue(g.evaluate(request("Bearer " + token)).denial().isEmpty());
        up.set(false);
        server.stop(0);
        for (int i = 0; i < 3; i++) {
            assertTrue(g.evaluate(request("Bearer " + token)).denial().isEmpty(), "cached keys outlive the outage");
        }
        String forged = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("rsa-1").build(), claims().build(),
                TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
        assertEquals(Reason.TOKEN_INVALID, reason(g.evaluate(request("Bearer " + forged))));
    }

    @Test
    void unknownKidsDoNotHammerTheKeyEndpoint() {
        Guard g = guard(url());
        assertTrue(g.evaluate(request("Bearer " + rs256(claims().build()))).denial().isEmpty());
        int before = fetches.get();
        for (int i = 0; i < 20; i++) {
            String t = sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown-" + i).build(), claims().build(),
                    TokenKit.rsaSigner(TokenKit.ATTACKER_RSA));
            assertEquals(Reason.TOKEN_INVALID, reason(g.evaluate(request("Bearer " + t))));
        }
        assertTrue(fetches.get() - before <= 2, "refreshes for unknown kids are rate-limited, got "
                + (fetches.get() - before));
    }

    @Test
    void jwksFileIsReadOnceAndCached() throws IOException {
        Path f = TokenKit.writeJwks(dir);
        Guard g = guard(f.toUri().toString());
        String token = rs256(claims().build());
        assertTrue(g.evaluate(request("Bearer " + token)).denial().isEmpty());
        Files.delete(f);
        assertTrue(g.evaluate(request("Bearer " + token)).denial().isEmpty());
    }

    @Test
    void oversizedJwksDocumentIsRefusedAsUnavailable() throws IOException {
        Path f = dir.resolve("big.json");
        Files.writeString(f, "{\"keys\":[" + " ".repeat(200_000) + "]}");
        assertEquals(Reason.KEYS_UNAVAILABLE,
                reason(guard(f.toUri().toString()).evaluate(request("Bearer " + rs256(claims().build())))));
    }

    @Test
    void environmentCompletesTheAnnotation() {
        Policy p = Policy.forClass(Api.class).withEnvironment(Map.of("FNGUARD_JWT_ISSUER", "https://i/",
                "FNGUARD_JWT_AUDIENCE", "a, b", "FNGUARD_JWKS_URL", url()));
        JwtSettings s = p.auth().jwt().orElseThrow();
        assertEquals("https://i/", s.issuer().orElseThrow());
        assertEquals(List.of("a", "b"), s.audiences());
        assertTrue(s.problems().isEmpty());
    }
}
