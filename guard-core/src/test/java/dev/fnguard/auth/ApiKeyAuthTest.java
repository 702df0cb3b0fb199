package dev.fnguard.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** API keys from the environment, compared by hash; never kept, logged or audited in clear. */
class ApiKeyAuthTest {

    @Guarded(apiKeys = @ApiKeys)
    @RequireRole(value = "admin", route = "DELETE /orders")
    static final class Api {
    }

    private static final String RAW = "k_live_first_0123456789";
    private static final String HASHED = "k_live_second_abcdef";

    private static Guard guard(Map<String, String> env) {
        return Guard.builder(Policy.forClass(Api.class).withEnvironment(env), Void.class).auditSink(e -> { }).build();
    }

    private static Guard configured() {
        return guard(Map.of("FNGUARD_API_KEYS", RAW + ", sha256:" + ApiKeySettings.sha256Hex(HASHED).toUpperCase()));
    }

    private static Optional<Reason> reason(Evaluation e) {
        return e.denial().flatMap(v -> v.reason());
    }

    @Test
    void rawAndHashedKeysFromTheEnvironmentAreAccepted() {
        Guard g = configured();
        Evaluation a = g.evaluate(TokenKit.request(Map.of("X-Api-Key", RAW), "POST /orders"));
        Evaluation b = g.evaluate(TokenKit.request(Map.of("x-api-key", HASHED), "POST /orders"));
        assertTrue(a.denial().isEmpty() && b.denial().isEmpty());
        assertEquals("api-key", a.caller().method());
        assertEquals("key-" + ApiKeySettings.sha256Hex(RAW).substring(0, 12), a.caller().subject().orElseThrow());
        assertFalse(a.caller().subject().get().contains(RAW));
    }

    @Test
    void wrongKeyIsInvalidAndTheAuditNamesNoKey() {
        Evaluation e = configured().evaluate(TokenKit.request(Map.of("X-Api-Key", RAW + "x"), "POST /orders"));
        assertEquals(Optional.of(Reason.TOKEN_INVALID), reason(e));
        assertEquals(List.of("api-key:key"), e.denial().get().fields());
    }

    @Test
    void missingKeyIsTokenMissing() {
        assertEquals(Optional.of(Reason.TOKEN_MISSING), reason(configured().evaluate(TokenKit.request(Map.of(), "POST /orders"))));
    }

    @Test
    void noConfiguredKeysRefusesEveryKey() {
        assertEquals(Optional.of(Reason.TOKEN_INVALID),
                reason(guard(Map.of()).evaluate(TokenKit.request(Map.of("X-Api-Key", RAW), "POST /orders"))));
    }

    @Test
    void roleRequiredOnOneRouteOnly() {
        Guard g = configured();
        assertEquals(Optional.of(Reason.SCOPE),
                reason(g.evaluate(TokenKit.request(Map.of("X-Api-Key", RAW), "DELETE /orders"))));
        assertTrue(g.evaluate(TokenKit.request(Map.of("X-Api-Key", RAW), "POST /orders")).denial().isEmpty());
    }

    @Test
    void malformedHashEntryIsRefusedAtInitNamingTheVariable() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Policy.forClass(Api.class).withEnvironment(Map.of("FNGUARD_API_KEYS", "sha256:abc")));
        assertTrue(e.getMessage().contains("FNGUARD_API_KEYS"));
        assertFalse(e.getMessage().contains("abc"), "the value is not echoed");
    }

    @Test
    void settingsNeverPrintKeysOrSecrets() {
        Policy p = Policy.forClass(Api.class).withEnvironment(Map.of("FNGUARD_API_KEYS", RAW));
        assertFalse(p.toString().contains(RAW) || p.toString().contains(ApiKeySettings.sha256Hex(RAW)), p.toString());
        JwtSettings j = JwtSettings.of(JwtAttackTest.Api.class.getAnnotation(Guarded.class).jwt()[0])
                .withHmacSecret("super-secret-value-0123456789abcdef");
        assertFalse(j.toString().contains("super-secret"));
    }

    @Test
    void requirementsWithoutAnyWayToVerifyCallersAreRefusedAtInit() {
        @RequireScope("x")
        final class Lonely {
        }
        assertThrows(IllegalArgumentException.class, () -> Policy.forClass(Lonely.class));
    }

    @Test
    void unsafeJwtSettingsAreRefusedNamingTheSetting() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> new JwtSettings(
                Optional.empty(), List.of(), Optional.empty(), List.of("RS256", "none"), java.util.Set.of(),
                java.time.Duration.ofSeconds(60), "roles", List.of(), 8192, Optional.empty()));
        assertTrue(none.getMessage().contains("Jwt.algorithms"));
        IllegalArgumentException http = assertThrows(IllegalArgumentException.class,
                () -> JwtSettings.parseUrl("http://keys.example.com/jwks.json"));
        assertTrue(http.getMessage().contains("FNGUARD_JWKS_URL"));
        assertThrows(IllegalArgumentException.class, () -> new JwtSettings(Optional.empty(), List.of(),
                Optional.empty(), List.of("RS256"), java.util.Set.of(), java.time.Duration.ofHours(1), "roles",
                List.of(), 8192, Optional.empty()));
    }
}
