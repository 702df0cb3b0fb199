package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.auth.ApiKeys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where the auth check sits in the chain: after transport, before limits and schema. */
class AuthOrderTest {

    @Guarded(apiKeys = @ApiKeys)
    static final class Api {
    }

    private static Guard guard() {
        return Guard.builder(Policy.forClass(Api.class).withEnvironment(Map.of("FNGUARD_API_KEYS", "k-123")),
                Order.class).auditSink(e -> { }).build();
    }

    @Test
    void authRunsAfterTransportAndBeforeLimitsAndSchema() {
        assertEquals(List.of("http", "auth", "source", "limits", "schema"), guard().checkNames());
    }

    @Test
    void anUnauthenticatedBodyIsNeverParsed() {
        // malformed JSON from a caller without a key: refused for the key, the body is never read
        Evaluation e = guard().evaluate(Fixtures.json("{\"sku\":"));
        assertEquals(Reason.TOKEN_MISSING, e.denial().orElseThrow().reason().orElseThrow());
        assertTrue(e.checks().stream().noneMatch(c -> c.name().equals("schema") || c.name().equals("limits")));
    }

    @Test
    void withoutAnyAuthDeclarationThereIsNoAuthCheck() {
        assertEquals(List.of("http", "source", "limits", "schema"),
                Guard.builder(Policy.defaults(), Order.class).auditSink(e -> { }).build().checkNames());
    }
}
