package dev.fnguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fnguard.AuditEvent;
import dev.fnguard.GuardOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageIngestTest {

    private static final String BUCKET = "uploads-prod";

    private final List<AuditEvent> audit = new ArrayList<>();
    private final ImageIngest ingest = new ImageIngest(GuardOptions.builder()
            .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::" + BUCKET))
            .auditSink(audit::add)
            .build());

    private ObjectNode event;
    private ArrayNode records;
    private ObjectNode template;

    ImageIngestTest() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/events/s3_event.json")) {
            event = (ObjectNode) SqsEvents.M.readTree(in);
        }
        records = (ArrayNode) event.get("Records");
        template = (ObjectNode) records.get(0).deepCopy();
        ((ObjectNode) template.get("s3").get("object")).remove("urlDecodedKey");
        records.removeAll();
    }

    private ImageIngestTest add(String eventName, String bucket, String key, long size) {
        ObjectNode r = template.deepCopy();
        r.put("eventName", eventName);
        ((ObjectNode) r.get("s3").get("bucket")).put("name", bucket);
        ((ObjectNode) r.get("s3").get("bucket")).put("arn", "arn:aws:s3:::" + bucket);
        ((ObjectNode) r.get("s3").get("object")).put("key", key);
        ((ObjectNode) r.get("s3").get("object")).put("size", size);
        records.add(r);
        return this;
    }

    /** Runs the event; returns the reason per denied record id, in order. */
    private Map<String, String> run() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ingest.handleRequest(new ByteArrayInputStream(SqsEvents.M.writeValueAsBytes(event)), out, null);
        Map<String, String> denied = new LinkedHashMap<>();
        for (AuditEvent e : audit) {
            e.fields().stream().filter(f -> f.startsWith("recordId=")).findFirst()
                    .ifPresent(f -> denied.put(f.substring(9), String.join(",", e.reasons())));
        }
        return denied;
    }

    @Test
    void acceptsAnUploadFromTheAllowedBucket() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/2026/cat-photo.jpg", 1024);
        assertEquals(Map.of(), run());
        assertEquals("ok", audit.get(audit.size() - 1).outcome().wireName());
    }

    @Test
    void decodesPlusAsASpaceBeforeMatchingTheKeyPattern() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/cat+photo.jpg", 1024);
        assertEquals(Map.of(BUCKET + "/uploads/cat+photo.jpg", "OBJECT_KEY"), run());
    }

    @Test
    void dropsAndAuditsAForgedEventFromAnotherBucket() throws IOException {
        add("ObjectCreated:Put", "attacker-bucket", "uploads/a.jpg", 10);
        assertEquals(Map.of("attacker-bucket/uploads/a.jpg", "SOURCE"), run());
        assertEquals("skipped", audit.get(audit.size() - 1).outcome().wireName());
    }

    @Test
    void deniesEncodedAndDoubleEncodedTraversalKeys() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/../../etc/passwd", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/%2e%2e/%2e%2e/etc/passwd", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/%252e%252e%252fetc", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/..%5c..%5cwin.ini", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/a%00.jpg", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/a%0d%0aSet-Cookie.jpg", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/bad%zz", 10)
                .add("ObjectCreated:Put", BUCKET, "private/secret.jpg", 10)
                .add("ObjectCreated:Put", BUCKET, "uploads/ok.jpg", 10);
        Map<String, String> denied = run();
        assertEquals(8, denied.size());
        denied.values().forEach(r -> assertEquals("OBJECT_KEY", r));
    }

    @Test
    void deniesObjectsOverTenMegabytes() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/big.jpg", 10L * 1024 * 1024 + 1)
                .add("ObjectCreated:Put", BUCKET, "uploads/exact.jpg", 10L * 1024 * 1024);
        assertEquals(Map.of(BUCKET + "/uploads/big.jpg", "OBJECT_SIZE"), run());
    }

    @Test
    void deniesObjectRemovedEvents() throws IOException {
        add("ObjectRemoved:Delete", BUCKET, "uploads/a.jpg", 0);
        assertEquals(Map.of(BUCKET + "/uploads/a.jpg", "UNSUPPORTED_EVENT"), run());
    }

    @Test
    void acceptsAwsSampleEventOnlyWhenItsBucketIsAllowed() throws IOException {
        ImageIngest sample = new ImageIngest(GuardOptions.builder()
                .environment(Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::example-*"))
                .auditSink(audit::add).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = getClass().getResourceAsStream("/events/s3_event.json")) {
            sample.handleRequest(in, out, null);
        }
        // the sample's key test/key is outside uploads/: denied on the key, not on the bucket
        assertEquals(List.of("OBJECT_KEY"), audit.get(0).reasons());
    }

    private Map<String, String> runWith(Map<String, String> env) throws IOException {
        ImageIngest configured = new ImageIngest(GuardOptions.builder().environment(env).auditSink(audit::add).build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        configured.handleRequest(new ByteArrayInputStream(SqsEvents.M.writeValueAsBytes(event)), out, null);
        Map<String, String> denied = new LinkedHashMap<>();
        for (AuditEvent e : audit) {
            e.fields().stream().filter(f -> f.startsWith("recordId=")).findFirst()
                    .ifPresent(f -> denied.put(f.substring(9), String.join(",", e.reasons())));
        }
        return denied;
    }

    @Test
    void refusesEveryBucketWhenNoAllowListIsConfigured() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/a.jpg", 10);
        assertEquals(Map.of(BUCKET + "/uploads/a.jpg", "SOURCE"), runWith(Map.of()));
    }

    @Test
    void deniesAnEventFromARegionOutsideTheRegionList() throws IOException {
        // the sample's awsRegion is eu-central-1
        add("ObjectCreated:Put", BUCKET, "uploads/a.jpg", 10);
        assertEquals(Map.of(BUCKET + "/uploads/a.jpg", "SOURCE"), runWith(Map.of(
                "FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::" + BUCKET, "FNGUARD_ALLOWED_REGIONS", "eu-west-1")));
        audit.clear();
        assertEquals(Map.of(), runWith(Map.of(
                "FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::" + BUCKET, "FNGUARD_ALLOWED_REGIONS", "eu-*")));
    }

    @Test
    void anAccountListDoesNotApplyToS3NotificationsWhichNameNoAccount() throws IOException {
        add("ObjectCreated:Put", BUCKET, "uploads/a.jpg", 10);
        assertEquals(Map.of(), runWith(Map.of(
                "FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::" + BUCKET, "FNGUARD_ALLOWED_ACCOUNTS", "123456789012")));
    }
}
