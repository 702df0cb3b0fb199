package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.PaymentsQueue;
import dev.fnguard.examples.drill.SourceEvents.Sqs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PaymentsQueue} under attack: SQS batches from AWS's sample events mixing good and forged,
 * invalid, poisoned and looping messages. The answer is an {@code SQSBatchResponse}: the table shows
 * the records not delivered and the {@code batchItemFailures}, which must name exactly those.
 */
public final class PaymentsQueueDrill implements DrillSuite {

    static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:payments-prod";
    static final String FIFO = "arn:aws:sqs:eu-west-1:123456789012:payments-prod.fifo";
    private static final String P1 = pay("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", "1250", "EUR");
    private static final String P2 = pay("7a2d4e6f-1b3c-4d5e-8f9a-0b1c2d3e4f50", "10000000", "USD");
    private static final String TRACE = "Root=1-670651f9-1de5c67d67d46ca431286874;Parent=4d055eebb5faad7c;Sampled=0";

    private static String pay(String id, String cents, String currency) {
        return "{\"paymentId\":\"" + id + "\",\"amountCents\":" + cents + ",\"currency\":\"" + currency + "\"}";
    }

    @Override
    public String function() {
        return "PaymentsQueue";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("FNGUARD_ALLOWED_SOURCES", QUEUE + "," + FIFO);
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new PaymentsQueue(options);
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("valid batch of two", Expect.allow(0).allDelivered(),
                Sqs.standard().add("m1", P1, QUEUE).add("m2", P2, QUEUE).event()));
        c.add(DrillCase.of("AWS sample event as is (my-queue)", Expect.deny(0, "SOURCE").withRecords(
                "059f36b4-87a3-44ab-83d2-661975830a7d", "SOURCE", "2e1424d4-f796-459a-8184-9c92662be6da", "SOURCE"),
                SampleEvents.edited("sqsEvent.json", e -> e.withArray("Records")
                        .forEach(r -> ((com.fasterxml.jackson.databind.node.ObjectNode) r).putObject("messageAttributes")))));
        c.add(DrillCase.of("forged queue, account, region in a batch", Expect.deny(0, "SOURCE").withRecords(
                "other-queue", "SOURCE", "other-account", "SOURCE", "other-region", "SOURCE", "no-arn", "SOURCE"),
                Sqs.standard()
                        .add("ok", P1, QUEUE)
                        .add("other-queue", P1, "arn:aws:sqs:eu-west-1:123456789012:refunds-prod")
                        .add("other-account", P1, "arn:aws:sqs:eu-west-1:999999999999:payments-prod")
                        .add("other-region", P1, "arn:aws:sqs:us-east-1:123456789012:payments-prod")
                        .add("no-arn", P1, QUEUE).without("eventSourceARN")
                        .event()));
        c.add(DrillCase.of("mixed batch: invalid bodies", Expect.deny(0, "CONSTRAINT").withRecords(
                "currency-lower", "CONSTRAINT", "amount-zero", "CONSTRAINT", "amount-fraction", "TYPE",
                "amount-string", "TYPE", "not-uuid", "TYPE", "extra-field", "UNKNOWN_FIELD",
                "duplicate-key", "DUPLICATE_KEY", "not-json", "MALFORMED", "empty", "EMPTY_BODY"),
                Sqs.standard()
                        .add("ok-1", P1, QUEUE)
                        .add("currency-lower", pay("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", "100", "eur"), QUEUE)
                        .add("amount-zero", pay("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", "0", "EUR"), QUEUE)
                        .add("amount-fraction", pay("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", "12.5", "EUR"), QUEUE)
                        .add("amount-string", pay("3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90", "\"100\"", "EUR"), QUEUE)
                        .add("not-uuid", pay("1' OR '1'='1", "1", "EUR"), QUEUE)
                        .add("extra-field", "{\"paymentId\":\"3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90\",\"amountCents\":1,"
                                + "\"currency\":\"EUR\",\"approved\":true}", QUEUE)
                        .add("duplicate-key", "{\"paymentId\":\"3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90\",\"amountCents\":1,"
                                + "\"currency\":\"EUR\",\"amountCents\":99999999}", QUEUE)
                        .add("not-json", "Test message.", QUEUE)
                        .add("empty", "", QUEUE)
                        .add("ok-2", P2, QUEUE)
                        .event()));
        c.add(DrillCase.of("poison message (received 6 times)", Expect.deny(0, "POISON").withRecords("poison", "POISON"),
                Sqs.standard().add("ok", P1, QUEUE).add("poison", P2, QUEUE).system("ApproximateReceiveCount", "6")
                        .event()));
        c.add(DrillCase.of("FIFO: later records of a failed group", Expect.deny(0, "CONSTRAINT").withRecords(
                "a2", "CONSTRAINT", "a3", "SKIPPED"),
                Sqs.fifo()
                        .add("a1", P1, FIFO).system("MessageGroupId", "A")
                        .add("b1", P1, FIFO).system("MessageGroupId", "B")
                        .add("a2", "{\"paymentId\":\"3f1c2b6e-8f0a-4c7e-9d1b-2a5e6f7c8d90\"}", FIFO)
                        .system("MessageGroupId", "A")
                        .add("b2", P2, FIFO).system("MessageGroupId", "B")
                        .add("a3", P2, FIFO).system("MessageGroupId", "A")
                        .event()));
        c.add(DrillCase.of("hop counts 15, 16, 17 (limit 16)", Expect.deny(0, "LOOP").withRecords("hop-17", "LOOP"),
                Sqs.standard()
                        .add("hop-15", P1, QUEUE).number("fnguard-hop", "15")
                        .add("hop-16", P1, QUEUE).number("fnguard-hop", "16")
                        .add("hop-17", P1, QUEUE).number("fnguard-hop", "17")
                        .event()));
        c.add(DrillCase.of("message's X-Ray lineage over the limit", Expect.deny(0, "LOOP").withRecords("looping", "LOOP"),
                Sqs.standard()
                        .add("looping", P1, QUEUE).system("AWSTraceHeader", TRACE + ";Lineage=1:bd4cecd5:17")
                        .add("fresh", P2, QUEUE).system("AWSTraceHeader", TRACE + ";Lineage=1:bd4cecd5:0")
                        .event()));
        c.add(DrillCase.of("invocation's X-Ray lineage over the limit", Expect.deny(0, "LOOP").withRecords(
                "m1", "LOOP", "m2", "LOOP"),
                Sqs.standard().add("m1", P1, QUEUE).add("m2", P2, QUEUE).event())
                .withTraceHeader(TRACE + ";Lineage=a87bd80c:20"));
        c.add(DrillCase.of("unreadable hop attribute", Expect.deny(0, "LOOP").withRecords("fraction", "LOOP"),
                Sqs.standard().add("fraction", P1, QUEUE).number("fnguard-hop", "0.5").add("ok", P2, QUEUE).event()));
        c.add(DrillCase.of("FNGUARD_MAX_HOPS=3 lowers the limit", Expect.deny(0, "LOOP").withRecords("hop-4", "LOOP"),
                Sqs.standard()
                        .add("hop-3", P1, QUEUE).number("fnguard-hop", "3")
                        .add("hop-4", P1, QUEUE).number("fnguard-hop", "4")
                        .event())
                .withEnvironment(Map.of("FNGUARD_MAX_HOPS", "3")));
        c.add(DrillCase.of("region outside FNGUARD_ALLOWED_REGIONS", Expect.deny(0, "SOURCE").withRecords("m1", "SOURCE"),
                Sqs.standard().add("m1", P1, QUEUE).event())
                .withEnvironment(Map.of("FNGUARD_ALLOWED_REGIONS", "eu-central-1")));
        c.add(DrillCase.of("no FNGUARD_ALLOWED_SOURCES: fail closed", Expect.deny(0, "SOURCE").withRecords("m1", "SOURCE"),
                Sqs.standard().add("m1", P1, QUEUE).event())
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "")));
        c.add(DrillCase.of("monitor mode: loop flagged, delivered", Expect.flag(0, "LOOP").allDelivered(),
                Sqs.standard().add("hop-40", P1, QUEUE).number("fnguard-hop", "40").event())
                .withEnvironment(Map.of("FNGUARD_MONITOR_CHECKS", "source")));
        return c;
    }
}
