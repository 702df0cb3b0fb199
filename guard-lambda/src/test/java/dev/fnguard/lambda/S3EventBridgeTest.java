package dev.fnguard.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Sources;
import dev.fnguard.internal.SourceCheck;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S3 events delivered through EventBridge reach {@link GuardedS3Handler} with the same checks as
 * notifications. The difference that matters: EventBridge sends the key as it is, not URL-encoded,
 * so {@code +} is a plus and a {@code %XX} is suspicious, never decoded.
 */
class S3EventBridgeTest {

    @Guarded(sources = @Sources(allowed = "arn:aws:s3:::example-bucket", objectEvents = "ObjectCreated:",
            maxObjectBytes = 10L * 1024 * 1024))
    static final class Uploads extends GuardedS3Handler {
        final List<S3ObjectNotification> received = new ArrayList<>();
        final List<Map<String, String>> contexts = new ArrayList<>();

        Uploads(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(S3ObjectNotification object, RecordContext context) {
            received.add(object);
            contexts.add(context.attributes());
        }
    }

    /** Every object event, so that the event-name mapping shows. */
    @Guarded(sources = @Sources(allowed = "arn:aws:s3:::example-bucket"))
    static final class Everything extends GuardedS3Handler {
        final List<S3ObjectNotification> received = new ArrayList<>();

        Everything(GuardOptions options) {
            super(options);
        }

        @Override
        protected void handle(S3ObjectNotification object, RecordContext context) {
            received.add(object);
        }
    }

    private final List<AuditEvent> audit = new ArrayList<>();
    private final GuardOptions options = GuardOptions.builder().environment(Map.of()).auditSink(audit::add).build();
    private final Uploads uploads = new Uploads(options);

    private static ObjectNode created() {
        return GuardedEventBridgeHandlerTest.load("s3EventBridgeNotificationObjectCreatedEvent.json");
    }

    private static ObjectNode withKey(String key) {
        ObjectNode e = created();
        ((ObjectNode) e.get("detail").get("object")).put("key", key);
        return e;
    }

    private List<AuditEvent> run(GuardedS3Handler h, ObjectNode event) throws IOException {
        int before = audit.size();
        h.handleRequest(new ByteArrayInputStream(Events.MAPPER.writeValueAsBytes(event)), new ByteArrayOutputStream(),
                new TestContext("req-s3eb"));
        List<AuditEvent> events = new ArrayList<>(audit.subList(before, audit.size()));
        assertEquals(1, SnsKit.terminal(events).size(), "exactly one terminal audit event");
        return events;
    }

    @Test
    void acceptsAwsSampleObjectCreatedEvent() throws IOException {
        List<AuditEvent> events = run(uploads, created());

        assertEquals(List.of(new S3ObjectNotification("ObjectCreated:Put", "example-bucket", "IMG_m7fzo3.jpg", 184662L,
                "eu-west-1")), uploads.received);
        Map<String, String> a = uploads.contexts.get(0);
        assertEquals("123456789012", a.get(SourceCheck.ATTR_ACCOUNT));
        assertEquals("eu-west-1", a.get(SourceCheck.ATTR_REGION));
        assertEquals("f5f1e65c-dc3a-93ca-6c1e-b1647eac7963", a.get("id"));
        assertEquals("OBJECT_STORE", events.get(0).source().kind().name());
        assertEquals("s3-eventbridge", events.get(0).source().type());
        assertEquals("arn:aws:s3:::example-bucket", events.get(0).source().identity().orElseThrow());
    }

    @Test
    void takesTheKeyAsSentWithoutUrlDecoding() throws IOException {
        run(uploads, withKey("uploads/cat+photo.jpg"));
        run(uploads, withKey("uploads/cat photo.jpg"));

        assertEquals(List.of("uploads/cat+photo.jpg", "uploads/cat photo.jpg"),
                uploads.received.stream().map(S3ObjectNotification::key).toList());
    }

    @Test
    void stillAcceptsClassicNotificationsInTheSameHandler() throws IOException {
        ObjectNode notification = Events.MAPPER.createObjectNode();
        ObjectNode record = GuardedEventBridgeHandlerTest.load("s3_event.json").get("Records").get(0).deepCopy();
        ((ObjectNode) record.get("s3").get("bucket")).put("name", "example-bucket");
        ((ObjectNode) record.get("s3").get("object")).put("key", "uploads/cat+photo.jpg");
        notification.putArray("Records").add(record);

        run(uploads, notification);

        assertEquals("uploads/cat photo.jpg", uploads.received.get(0).key(), "notifications encode a space as +");
    }

    @Test
    void deniesTraversalControlCharactersAndPercentEscapesInRawKeys() throws IOException {
        List<String> keys = List.of("uploads/../../etc/passwd", "../secret.jpg", "/etc/passwd",
                "uploads/%2e%2e/%2e%2e/etc/passwd", "uploads/%252e%252e%252fetc", "uploads\\..\\win.ini",
                "uploads/a\u0000.jpg", "uploads/a\r\nSet-Cookie: x.jpg", "uploads/\u2028.jpg", "");
        for (String key : keys) {
            List<AuditEvent> events = run(uploads, withKey(key));
            assertEquals(Map.of("example-bucket/" + key, "OBJECT_KEY"), SnsKit.denied(events), key);
        }
        assertEquals(List.of(), uploads.received);
    }

    @Test
    void dropsAndAuditsAnEventFromAForgedBucket() throws IOException {
        ObjectNode e = created();
        ((ObjectNode) e.get("detail").get("bucket")).put("name", "attacker-bucket");
        e.putArray("resources").add("arn:aws:s3:::attacker-bucket");

        assertEquals(Map.of("attacker-bucket/IMG_m7fzo3.jpg", "SOURCE"), SnsKit.denied(run(uploads, e)));
        assertEquals(List.of(), uploads.received);
    }

    @Test
    void deniesAnEventWhoseEnvelopeNamesAnotherBucketThanItsDetail() throws IOException {
        ObjectNode e = created();
        e.putArray("resources").add("arn:aws:s3:::attacker-bucket");

        assertEquals(Map.of("example-bucket/IMG_m7fzo3.jpg", "SOURCE"), SnsKit.denied(run(uploads, e)));
    }

    @Test
    void deniesObjectsOverTheSizeCap() throws IOException {
        ObjectNode e = created();
        ((ObjectNode) e.get("detail").get("object")).put("size", 10L * 1024 * 1024 + 1);

        assertEquals(Map.of("example-bucket/IMG_m7fzo3.jpg", "OBJECT_SIZE"), SnsKit.denied(run(uploads, e)));
    }

    @Test
    void mapsDetailTypesToNotificationEventNamesSoObjectEventsStillFilters() throws IOException {
        assertEquals(Map.of("example-bucket/IMG_m7fzo3.jpg", "UNSUPPORTED_EVENT"), SnsKit.denied(
                run(uploads, GuardedEventBridgeHandlerTest.load("s3EventBridgeNotificationObjectDeletedEvent.json"))));

        Everything all = new Everything(options);
        for (String sample : List.of("s3EventBridgeNotificationObjectCreatedEvent.json",
                "s3EventBridgeNotificationObjectDeletedEvent.json", "s3EventBridgeNotificationObjectExpiredEvent.json",
                "s3EventBridgeNotificationObjectRestoreCompletedEvent.json")) {
            run(all, GuardedEventBridgeHandlerTest.load(sample));
        }
        assertEquals(List.of("ObjectCreated:Put", "ObjectRemoved:DeleteMarkerCreated",
                "LifecycleExpiration:DeleteMarkerCreated", "ObjectRestore:Completed"),
                all.received.stream().map(S3ObjectNotification::eventName).toList());
    }

    @Test
    void refusesAnObjectCreatedEventWithAnUnknownReason() throws IOException {
        ObjectNode e = created();
        ((ObjectNode) e.get("detail")).put("reason", "ObjectCreated:Put");

        assertEquals(Map.of("example-bucket/IMG_m7fzo3.jpg", "UNSUPPORTED_EVENT"), SnsKit.denied(run(uploads, e)));
    }

    @Test
    void refusesAnEventBridgeEventThatIsNotFromS3() throws IOException {
        List<AuditEvent> events = run(uploads, GuardedEventBridgeHandlerTest.load("eventBridgeEvent.json"));

        assertEquals(1, events.size());
        assertEquals(List.of("MALFORMED"), events.get(0).reasons());
    }
}
