package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.internal.SourceCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** EventBridge detail-type patterns, SNS signature settings, and the source variables together. */
class SnsEventSourceRulesTest {

    @Guarded(sources = @Sources(allowed = "events:com.example.*", eventDetailTypes = {"Order *", "Refund Issued"},
            maxReceiveCount = 5))
    static final class Orders {
    }

    @Guarded(sources = @Sources(verifySnsSignature = true))
    static final class Signed {
    }

    private static Verdict check(Class<?> handler, Map<String, String> attrs) {
        Guard g = Guard.builder(Policy.forClass(handler), Void.class).auditSink(e -> { }).build();
        Invocation inv = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.EVENT, "eventbridge", null))
                .records(List.of(new EventRecord("e-1", "{}".getBytes(), attrs))).build();
        return g.evaluate(inv).records().get(0).verdict();
    }

    private static Map<String, String> event(String source, String detailType) {
        return Map.of(SourceCheck.ATTR_FAMILY, "events", SourceCheck.ATTR_SOURCE, "events:" + source,
                SourceCheck.ATTR_DETAIL_TYPE, detailType);
    }

    @Test
    void acceptsDeclaredDetailTypesWithWildcards() {
        assertTrue(check(Orders.class, event("com.example.orders", "Order Placed")).passes());
        assertTrue(check(Orders.class, event("com.example.orders", "Refund Issued")).passes());
    }

    @Test
    void deniesOtherDetailTypesAndEventsWithoutOne() {
        assertEquals(Optional.of(Reason.SOURCE), check(Orders.class, event("com.example.orders", "Refund Issued!")).reason());
        assertEquals(Optional.of(Reason.SOURCE), check(Orders.class, event("com.example.orders", "order placed")).reason());
        assertEquals(Optional.of(Reason.SOURCE), check(Orders.class,
                Map.of(SourceCheck.ATTR_FAMILY, "events", SourceCheck.ATTR_SOURCE, "events:com.example.orders")).reason());
    }

    @Test
    void detailTypePatternsAreNeverReadAsTopicFilters() {
        @Guarded(sources = @Sources(eventDetailTypes = "iot:#"))
        final class Odd {
        }
        assertEquals(Optional.of(Reason.SOURCE), check(Odd.class, event("x", "anything")).reason());
        assertTrue(check(Odd.class, event("x", "iot:#")).passes());
    }

    @Test
    void deniesAForgedSourceBeforeLookingAtTheDetailType() {
        assertEquals(Optional.of(Reason.SOURCE), check(Orders.class, event("com.attacker", "Order Placed")).reason());
    }

    @Test
    void aVoidGuardStillDeniesARecordTheAdapterRefused() {
        Guard g = Guard.builder(Policy.defaults(), Void.class).auditSink(e -> { }).build();
        Invocation inv = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.TOPIC, "sns", null))
                .records(List.of(EventRecord.undecodable("m-1", Reason.SIGNATURE, Map.of()))).build();

        assertEquals(Optional.of(Reason.SIGNATURE), g.evaluate(inv).records().get(0).verdict().reason());
    }

    @Test
    void allowedSourcesFromTheEnvironmentSurviveALoweredReceiveCount() {
        Policy p = Policy.forClass(Orders.class).withEnvironment(Map.of(
                "FNGUARD_ALLOWED_SOURCES", "arn:aws:sqs:eu-west-1:123456789012:payments",
                "FNGUARD_MAX_RECEIVE_COUNT", "2",
                "FNGUARD_VERIFY_SNS_SIGNATURE", "true"));

        assertEquals(List.of("arn:aws:sqs:eu-west-1:123456789012:payments"), p.sources().allowed());
        assertEquals(2, p.sources().maxReceiveCount());
        assertTrue(p.sources().verifySnsSignature());
        assertEquals(List.of("Order *", "Refund Issued"), p.sources().eventDetailTypes());
    }

    @Test
    void snsSignatureVariableOnlyTightens() {
        assertTrue(Policy.forClass(Signed.class).sources().verifySnsSignature());
        assertFalse(Policy.defaults().withEnvironment(Map.of("FNGUARD_VERIFY_SNS_SIGNATURE", "false"))
                .sources().verifySnsSignature());
        IllegalArgumentException off = assertThrows(IllegalArgumentException.class,
                () -> Policy.forClass(Signed.class).withEnvironment(Map.of("FNGUARD_VERIFY_SNS_SIGNATURE", "false")));
        assertTrue(off.getMessage().contains("FNGUARD_VERIFY_SNS_SIGNATURE"));
        assertThrows(IllegalArgumentException.class,
                () -> Policy.defaults().withEnvironment(Map.of("FNGUARD_VERIFY_SNS_SIGNATURE", "yes")));
    }

    @Test
    void refusesBlankDetailTypes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SourceSettings(List.of(), 5, "", 0, List.of(), SourceSettings.DEFAULT_MAX_HOPS, List.of(), List.of(), List.of(" "), false, false));
        assertTrue(e.getMessage().contains("sources.eventDetailTypes"));
    }
}
