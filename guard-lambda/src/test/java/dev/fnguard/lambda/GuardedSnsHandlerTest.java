package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.internal.SourceCheck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SNS notifications through {@link GuardedSnsHandler}, starting from AWS's sample event. */
class GuardedSnsHandlerTest {

    @Guarded(sources = @Sources(allowed = "arn:aws:sns:eu-central-1:123456789012:TopicSendToMe"))
    static final class People extends GuardedSnsHandler<Person> {
        final List<Person> received = new ArrayList<>();
        final List<Map<String, String>> contexts = new ArrayList<>();
        boolean fail;

        People(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Person payload, RecordContext context) {
            if (fail) {
                throw new IllegalStateException("downstream said no: secret detail");
            }
            received.add(payload);
            contexts.add(context.attributes());
        }
    }

    private final List<AuditEvent> audit = new ArrayList<>();
    private final People people = new People(GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build());

    @Test
    void deliversAwsSampleNotificationWithItsAttributes() throws IOException {
        List<AuditEvent> events = SnsKit.run(people, SnsKit.sample(), audit);

        assertEquals(List.of(new Person(42, "Bob")), people.received);
        Map<String, String> attrs = people.contexts.get(0);
        assertEquals("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", attrs.get("MessageId"));
        assertEquals("Test sns message", attrs.get("Subject"));
        assertEquals("2020-10-08T16:06:14.656Z", attrs.get("Timestamp"));
        assertEquals(SnsKit.TOPIC, attrs.get("TopicArn"));
        assertEquals("Bob", attrs.get("attr.name"));
        assertEquals("123456789012", attrs.get(SourceCheck.ATTR_ACCOUNT));
        assertEquals("eu-central-1", attrs.get(SourceCheck.ATTR_REGION));
        assertEquals(1, events.size());
        assertEquals("ok", events.get(0).outcome().wireName());
        assertEquals("TOPIC", events.get(0).source().kind().name());
    }

    @Test
    void passesStringAndNumberMessageAttributesButNotBinaryOrArrays() throws IOException {
        ObjectNode event = SnsKit.sample();
        ObjectNode attrs = (ObjectNode) SnsKit.sns(event, 0).get("MessageAttributes");
        attrs.putObject("fnguard-hop").put("Type", "Number").put("Value", "3");
        attrs.putObject("price").put("Type", "Number.float").put("Value", "9.99");
        attrs.putObject("blob").put("Type", "Binary").put("Value", "VGVzdEJpbmFyeQ==");
        attrs.putObject("tags").put("Type", "String.Array").put("Value", "[\"a\",\"b\"]");

        SnsKit.run(people, event, audit);

        Map<String, String> got = people.contexts.get(0);
        assertEquals("3", got.get(SourceCheck.MESSAGE_ATTRIBUTE_PREFIX + "fnguard-hop"));
        assertEquals("9.99", got.get("attr.price"));
        assertEquals(null, got.get("attr.blob"));
        assertEquals(null, got.get("attr.tags"));
    }

    @Test
    void dropsAndAuditsANotificationFromAForgedTopic() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).put("TopicArn", "arn:aws:sns:eu-central-1:999999999999:TopicSendToMe");

        List<AuditEvent> events = SnsKit.run(people, event, audit);

        assertEquals(List.of(), people.received);
        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", "SOURCE"), SnsKit.denied(events));
        assertEquals(1, SnsKit.terminal(events).size());
        assertEquals("skipped", SnsKit.terminal(events).get(0).outcome().wireName());
    }

    @Test
    void deniesANotificationWithoutATopicWhenAnAllowListIsDeclared() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).remove("TopicArn");

        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", "SOURCE"), SnsKit.denied(SnsKit.run(people, event, audit)));
        assertEquals(List.of(), people.received);
    }

    @Test
    void auditsEachDeniedRecordOfAMixedEventAndDeliversTheRest() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit kit = SnsKit.valid();
        kit.addSigned(event, "m-unknown-field", "{\"id\": 7, \"name\": \"Eve\", \"admin\": true}", "2");
        kit.addSigned(event, "m-type", "{\"id\": \"7\", \"name\": \"Eve\"}", "2");
        kit.addSigned(event, "m-sql", "{\"id\": 7, \"name\": \"x' OR '1'='1\"}", "2");
        kit.addSigned(event, "m-duplicate", "{\"id\": 7, \"id\": 8, \"name\": \"Eve\"}", "2");
        kit.addSigned(event, "m-not-json", "Hello from SNS!", "2");
        kit.addSigned(event, "m-ok", "{\"id\": 8, \"name\": \"Alice\"}", "2");

        List<AuditEvent> events = SnsKit.run(people, event, audit);

        assertEquals(List.of(new Person(42, "Bob"), new Person(8, "Alice")), people.received);
        assertEquals(Map.of("m-unknown-field", "UNKNOWN_FIELD", "m-type", "TYPE", "m-sql", "CONSTRAINT",
                "m-duplicate", "DUPLICATE_KEY", "m-not-json", "MALFORMED"), SnsKit.denied(events));
        assertEquals(1, SnsKit.terminal(events).size());
        assertEquals(7, SnsKit.terminal(events).get(0).records());
    }

    @Test
    void refusesASubscriptionConfirmationDeliveredAsANotification() throws IOException {
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).put("Type", "SubscriptionConfirmation");

        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", "UNSUPPORTED_EVENT"),
                SnsKit.denied(SnsKit.run(people, event, audit)));
    }

    @Test
    void dropsAnEventThatIsNotFromSnsWithOneTerminalAuditEvent() throws IOException {
        ObjectNode event = SnsKit.sample();
        ((ObjectNode) event.get("Records").get(0)).put("EventSource", "aws:sqs");

        List<AuditEvent> events = SnsKit.run(people, event, audit);

        assertEquals(1, events.size());
        assertEquals(List.of("MALFORMED"), events.get(0).reasons());
        assertEquals(List.of(), people.received);
    }

    @Test
    void failsTheInvocationWhenUserCodeThrowsSoLambdaRetriesIt() {
        people.fail = true;

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> SnsKit.run(people, SnsKit.sample(), audit));

        assertTrue(thrown.getMessage().contains("1 record(s)"));
        assertTrue(!thrown.getMessage().contains("secret"), "the user's exception message never leaves");
        assertEquals(0, thrown.getStackTrace().length);
        assertEquals(2, audit.size());
        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", ""), SnsKit.denied(audit));
        assertEquals("error", audit.get(0).outcome().wireName());
        assertEquals(1, SnsKit.terminal(audit).size());
        assertEquals("error", SnsKit.terminal(audit).get(0).outcome().wireName());
    }

    @Test
    void neverThrowsBackADeniedRecord() throws IOException {
        people.fail = true;
        ObjectNode event = SnsKit.sample();
        SnsKit.sns(event, 0).put("TopicArn", "arn:aws:sns:eu-central-1:999999999999:Forged");

        List<AuditEvent> events = SnsKit.run(people, event, audit);

        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", "SOURCE"), SnsKit.denied(events));
    }

    @Test
    void readsAllowedTopicsFromTheEnvironment() throws IOException {
        People other = new People(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:sns:*:123456789012:Other-*"))
                .auditSink(audit::add).build());

        assertEquals(Map.of("dc918f50-80c6-56a2-ba33-d8a9bbf013ab", "SOURCE"),
                SnsKit.denied(SnsKit.run(other, SnsKit.sample(), audit)));
    }
}
