package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code limits} check of a guard without a payload type ({@code Void}, the drop-in entry point). */
class UnboundLimitsTest {

    private final Guard guard = Guard.builder(Policy.builder()
            .limits(new LimitSettings(64, 8, 100, 10, 5, 200)).build(), Void.class).auditSink(e -> { }).build();

    private Verdict verdictOf(EventRecord record) {
        Invocation inv = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.QUEUE, "sqs", "arn:aws:sqs:eu-west-1:123456789012:q"))
                .records(List.of(record)).build();
        return guard.evaluate(inv).records().get(0).verdict();
    }

    private Verdict verdictOf(String body) {
        return verdictOf(new EventRecord("m", body.getBytes(StandardCharsets.UTF_8), Map.of()));
    }

    @Test
    void runsLimitsButNoSchemaWithoutAPayloadType() {
        assertEquals(List.of("http", "source", "limits"), guard.checkNames());
    }

    @Test
    void passesATextBodyWithinTheSizeLimit() {
        assertTrue(verdictOf("Test message.").passes());
    }

    @Test
    void passesJsonLookingTextThatIsNotJson() {
        assertTrue(verdictOf("[INFO] started").passes());
    }

    @Test
    void deniesABodyOverTheSizeLimit() {
        assertEquals(Reason.LIMIT_BODY, verdictOf("x".repeat(65)).reason().orElseThrow());
    }

    @Test
    void deniesJsonNestedDeeperThanTheLimit() {
        assertEquals(Reason.LIMIT_DEPTH, verdictOf("[".repeat(9) + "]".repeat(9)).reason().orElseThrow());
    }

    @Test
    void deniesJsonWithMorePropertiesThanTheLimit() {
        assertEquals(Reason.LIMIT_FIELDS,
                verdictOf("{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}").reason().orElseThrow());
    }

    @Test
    void deniesARecordTheAdapterCouldNotDecodeWithItsReason() {
        assertEquals(Reason.OBJECT_KEY,
                verdictOf(EventRecord.undecodable("k", Reason.OBJECT_KEY, Map.of())).reason().orElseThrow());
    }
}
