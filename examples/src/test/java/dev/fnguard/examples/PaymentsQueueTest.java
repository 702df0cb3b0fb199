package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentsQueueTest {

    private static final String GOOD_1 = SqsEvents.payment("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", 1250, "EUR");
    private static final String GOOD_2 = SqsEvents.payment("7a2d4e6f-1b3c-4d5e-8f9a-0b1c2d3e4f50", 10_000_000, "USD");

    private final List<AuditEvent> audit = new ArrayList<>();

    private PaymentsQueue queue(String allowed) {
        return new PaymentsQueue(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", allowed))
                .auditSink(audit::add)
                .build());
    }

    private List<String> failures(PaymentsQueue q, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        q.handleRequest(new ByteArrayInputStream(event), out, null);
        JsonNode answer = SqsEvents.M.readTree(out.toByteArray());
        List<String> ids = new ArrayList<>();
        answer.get("batchItemFailures").forEach(n -> ids.add(n.get("itemIdentifier").asText()));
        return ids;
    }

    private List<AuditEvent> terminal() {
        return audit.stream().filter(e -> e.fields().stream().noneMatch(f -> f.startsWith("recordId="))).toList();
    }

    @Test
    void acceptsAValidBatchWithNoFailures() throws IOException {
        byte[] event = new SqsEvents().add("m1", GOOD_1).add("m2", GOOD_2).bytes();
        assertEquals(List.of(), failures(queue("arn:aws:sqs:eu-west-1:123456789012:payments-*"), event));
        assertEquals(1, audit.size());
        assertEquals("allow", audit.get(0).decision().wireName());
    }

    @Test
    void reportsExactlyTheBadRecordsOfAMixedBatch() throws IOException {
        byte[] event = new SqsEvents()
                .add("ok-1", GOOD_1)
                .add("bad-currency", SqsEvents.payment("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", 100, "eur"))
                .add("bad-amount", SqsEvents.payment("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", 0, "EUR"))
                .add("forged-queue", GOOD_1, "arn:aws:sqs:eu-west-1:999999999999:payments-prod", 1, null)
                .add("poison", GOOD_2, SqsEvents.QUEUE, 6, null)
                .add("sql", "{\"paymentId\":\"1' OR '1'='1\",\"amountCents\":1,\"currency\":\"EUR\"}")
                .add("extra-field", "{\"paymentId\":\"3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90\",\"amountCents\":1,"
                        + "\"currency\":\"EUR\",\"admin\":true}")
                .add("not-json", "Test message.")
                .add("ok-2", GOOD_2)
                .bytes();
        List<String> failed = failures(queue(SqsEvents.QUEUE), event);
        assertEquals(List.of("bad-currency", "bad-amount", "forged-queue", "poison", "sql", "extra-field", "not-json"),
                failed);
        assertEquals(1, terminal().size(), "exactly one terminal audit event");
        List<AuditEvent> perRecord = audit.stream().filter(e -> !terminal().contains(e)).toList();
        assertEquals(7, perRecord.size());
        assertTrue(perRecord.stream().anyMatch(e -> e.fields().contains("recordId=forged-queue")
                && e.reasons().equals(List.of("SOURCE"))));
        assertTrue(perRecord.stream().anyMatch(e -> e.fields().contains("recordId=poison")
                && e.reasons().equals(List.of("POISON"))));
    }

    @Test
    void dropsDeniedRecordsAfterAuditingThemWhenThePolicySaysSo() throws IOException {
        String fifo = "arn:aws:sqs:eu-west-1:123456789012:payments-prod.fifo";
        PaymentsQueue q = new PaymentsQueue(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", fifo, "FNGUARD_DROP_DENIED", "true"))
                .auditSink(audit::add)
                .build());
        byte[] event = new SqsEvents()
                .add("a1", "{\"bad\":1}", fifo, 1, "A")
                .add("a2", GOOD_1, fifo, 1, "A")
                .add("forged", GOOD_2, "arn:aws:sqs:eu-west-1:999999999999:payments-prod.fifo", 1, "B")
                .bytes();
        // nothing is reported: the denied records are consumed, and a2 is not held back behind a1
        assertEquals(List.of(), failures(q, event));
        List<AuditEvent> perRecord = audit.stream().filter(e -> !terminal().contains(e)).toList();
        assertEquals(List.of("recordId=a1", "recordId=forged"),
                perRecord.stream().map(e -> e.fields().get(0)).toList(), "each dropped record is audited");
        assertEquals("ok", terminal().get(0).outcome().wireName());
    }

    @Test
    void refusesAnUnreadableDropDeniedValueAtInitNamingTheVariable() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new PaymentsQueue(GuardOptions.builder()
                        .environment(Map.of("FNGUARD_ALLOWED_SOURCES", SqsEvents.QUEUE, "FNGUARD_DROP_DENIED", "yes"))
                        .build()));
        assertTrue(e.getMessage().startsWith("FNGUARD_DROP_DENIED"), e.getMessage());
    }

    @Test
    void deniesEveryRecordFromAQueueOutsideTheAllowList() throws IOException {
        byte[] event = new SqsEvents()
                .add("a", GOOD_1, "arn:aws:sqs:eu-west-1:123456789012:other-queue", 1, null)
                .add("b", GOOD_2, "arn:aws:sqs:us-east-1:123456789012:payments-prod", 1, null)
                .bytes();
        assertEquals(List.of("a", "b"), failures(queue(SqsEvents.QUEUE), event));
    }

    @Test
    void deniesRecordsWithoutIdentityWhenAnAllowListIsDeclared() throws IOException {
        String json = new String(new SqsEvents().add("x", GOOD_1).bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"eventSourceARN\":\"" + SqsEvents.QUEUE + "\",", "");
        assertEquals(List.of("x"), failures(queue(SqsEvents.QUEUE), json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void aRecordWithoutArnDoesNotBorrowTheArnOfTheBatchsFirstRecord() throws IOException {
        String json = new String(new SqsEvents().add("first", GOOD_1).add("x", GOOD_2).bytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        int second = json.indexOf("\"messageId\":\"x\"");
        String stripped = json.substring(0, second)
                + json.substring(second).replaceFirst("\"eventSourceARN\":\"[^\"]*\",", "");
        assertEquals(List.of("x"), failures(queue(SqsEvents.QUEUE),
                stripped.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void failsEveryLaterRecordOfAFifoGroupOnceOneFails() throws IOException {
        String fifo = "arn:aws:sqs:eu-west-1:123456789012:payments-prod.fifo";
        byte[] event = new SqsEvents()
                .add("a1", GOOD_1, fifo, 1, "A")
                .add("b1", GOOD_1, fifo, 1, "B")
                .add("a2", "{\"bad\":1}", fifo, 1, "A")
                .add("b2", GOOD_2, fifo, 1, "B")
                .add("a3", GOOD_2, fifo, 1, "A")
                .bytes();
        assertEquals(List.of("a2", "a3"), failures(queue("arn:aws:sqs:eu-west-1:123456789012:payments-*"), event));
    }

    @Test
    void reportsRecordsThatFailInUserCode() throws IOException {
        GuardOptions options = GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
        dev.fnguard.lambda.GuardedSqsHandler<Payment> failing = new Failing(options);
        byte[] event = new SqsEvents().add("ok", GOOD_1).add("boom", GOOD_2).bytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        failing.handleRequest(new ByteArrayInputStream(event), out, null);
        assertEquals("[\"boom\"]", SqsEvents.M.readTree(out.toByteArray()).get("batchItemFailures")
                .findValuesAsText("itemIdentifier").stream().map(s -> "\"" + s + "\"").toList().toString()
                .replace(" ", ""));
    }

    @Test
    void answersAnEventLargerThanLambdaAllowsAsAWholeBatchFailureWithAnAuditEvent() throws IOException {
        byte[] event = new SqsEvents().add("big", "x".repeat(7 * 1024 * 1024)).bytes();
        // no message id can be read: an empty itemIdentifier makes SQS redeliver the whole batch
        assertEquals(List.of(""), failures(queue(SqsEvents.QUEUE), event));
        assertEquals(List.of("LIMIT_BODY"), audit.get(0).reasons());
    }

    @Test
    void reportsAMessageOverTheBodyLimitByItsIdAndDeliversTheRest() throws IOException {
        byte[] event = new SqsEvents().add("big", "x".repeat(300 * 1024)).add("m1", GOOD_1).bytes();
        assertEquals(List.of("big"), failures(queue(SqsEvents.QUEUE), event));
    }

    @Test
    void refusesEveryMessageWhenNoAllowListIsConfigured() throws IOException {
        PaymentsQueue unconfigured = new PaymentsQueue(GuardOptions.builder().environment(Map.of())
                .auditSink(audit::add).build());
        assertEquals(List.of("m1"), failures(unconfigured, new SqsEvents().add("m1", GOOD_1).bytes()));
    }

    @Test
    void deniesAMessageFromAnAccountOrRegionOutsideTheLists() throws IOException {
        PaymentsQueue q = new PaymentsQueue(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:sqs:*:payments-prod",
                        "FNGUARD_ALLOWED_ACCOUNTS", "123456789012", "FNGUARD_ALLOWED_REGIONS", "eu-west-1"))
                .auditSink(audit::add).build());
        byte[] event = new SqsEvents()
                .add("ok", GOOD_1)
                .add("other-account", GOOD_1, "arn:aws:sqs:eu-west-1:999999999999:payments-prod", 1, null)
                .add("other-region", GOOD_1, "arn:aws:sqs:us-east-1:123456789012:payments-prod", 1, null)
                .bytes();
        assertEquals(List.of("other-account", "other-region"), failures(q, event));
    }

    static final class Failing extends dev.fnguard.lambda.GuardedSqsHandler<Payment> {
        Failing(GuardOptions o) {
            super(o);
        }

        @Override
        protected void handle(Payment payload, dev.fnguard.lambda.RecordContext context) {
            if (payload.amountCents() == 10_000_000) {
                throw new IllegalStateException("downstream refused");
            }
        }
    }
}
