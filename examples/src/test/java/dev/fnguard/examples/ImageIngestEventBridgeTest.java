package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ImageIngest} also takes S3 events delivered through EventBridge, with the same rules. */
class ImageIngestEventBridgeTest {

    private final List<AuditEvent> audit = new ArrayList<>();
    private final ImageIngest ingest = new ImageIngest(GuardOptions.builder()
            .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::uploads-prod"))
            .auditSink(audit::add)
            .build());

    private static ObjectNode event(String bucket, String key, String detailType) throws IOException {
        ObjectNode e;
        try (InputStream in = ImageIngestEventBridgeTest.class.getResourceAsStream(
                "/events/s3EventBridgeNotificationObjectCreatedEvent.json")) {
            e = (ObjectNode) SqsEvents.M.readTree(in);
        }
        e.put("detail-type", detailType);
        e.putArray("resources").add("arn:aws:s3:::" + bucket);
        ((ObjectNode) e.get("detail").get("bucket")).put("name", bucket);
        ((ObjectNode) e.get("detail").get("object")).put("key", key);
        return e;
    }

    /** The reasons of the event's audit events, the terminal one last. */
    private List<String> run(ObjectNode event) throws IOException {
        ingest.handleRequest(new ByteArrayInputStream(SqsEvents.M.writeValueAsBytes(event)), new ByteArrayOutputStream(),
                null);
        return audit.stream().map(a -> String.join(",", a.reasons())).toList();
    }

    @Test
    void acceptsAnUploadDeliveredThroughEventBridge() throws IOException {
        assertEquals(List.of(""), run(event("uploads-prod", "uploads/2026/cat-photo.jpg", "Object Created")));
        assertEquals("ok", audit.get(0).outcome().wireName());
    }

    @Test
    void takesTheKeyAsSentSoAPlusIsNotASpace() throws IOException {
        // through EventBridge "+" is a literal plus, outside the example's key pattern
        assertEquals(List.of("OBJECT_KEY", "OBJECT_KEY"), run(event("uploads-prod", "uploads/cat+photo.jpg", "Object Created")));
    }

    @Test
    void deniesAForgedBucketTraversalAndDeletions() throws IOException {
        assertEquals("SOURCE", run(event("attacker-bucket", "uploads/a.jpg", "Object Created")).get(0));
        audit.clear();
        assertEquals("OBJECT_KEY", run(event("uploads-prod", "uploads/../../etc/passwd", "Object Created")).get(0));
        audit.clear();
        assertEquals("OBJECT_KEY", run(event("uploads-prod", "uploads/%2e%2e/etc/passwd", "Object Created")).get(0));
        audit.clear();
        assertEquals("UNSUPPORTED_EVENT", run(event("uploads-prod", "uploads/a.jpg", "Object Deleted")).get(0));
    }
}
