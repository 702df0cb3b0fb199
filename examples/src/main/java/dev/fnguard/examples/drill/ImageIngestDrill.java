package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import dev.fnguard.examples.ImageIngest;
import dev.fnguard.examples.drill.SourceEvents.S3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ImageIngest} under attack: S3 notifications from AWS's sample event with forged buckets,
 * traversal keys in plain, encoded and double-encoded forms, oversized objects and a looping
 * invocation. S3 has no caller to answer: denied records are dropped, each with its own audit event,
 * which the table lists.
 */
public final class ImageIngestDrill implements DrillSuite {

    static final String BUCKET = "uploads-prod";
    private static final long TEN_MB = 10L * 1024 * 1024;

    @Override
    public String function() {
        return "ImageIngest";
    }

    @Override
    public Map<String, String> environment() {
        return Map.of("FNGUARD_ALLOWED_SOURCES", "arn:aws:s3:::" + BUCKET);
    }

    @Override
    public RequestStreamHandler create(GuardOptions options) {
        return new ImageIngest(options);
    }

    private static S3 created(String key, long size) {
        return S3.notification().add("ObjectCreated:Put", BUCKET, key, size);
    }

    @Override
    public List<DrillCase> cases() {
        List<DrillCase> c = new ArrayList<>();
        c.add(DrillCase.of("upload to the allowed bucket", Expect.allow(0).allDelivered(),
                created("uploads/2026/cat-photo.jpg", 1024).event()));
        c.add(DrillCase.of("AWS sample event as is (example-bucket)", Expect.deny(0, "SOURCE").withRecords(
                "example-bucket/test/key", "SOURCE"), SampleEvents.edited("s3_event.json", e -> { })));
        c.add(DrillCase.of("forged bucket in a batch", Expect.deny(0, "SOURCE").withRecords(
                "uploads-prod-evil/uploads/a.jpg", "SOURCE", "attacker-bucket/uploads/a.jpg", "SOURCE"),
                created("uploads/a.jpg", 10)
                        .add("ObjectCreated:Put", "uploads-prod-evil", "uploads/a.jpg", 10)
                        .add("ObjectCreated:Put", "attacker-bucket", "uploads/a.jpg", 10)
                        .event()));
        c.add(DrillCase.of("traversal keys: plain, encoded, double-encoded", Expect.deny(0, "OBJECT_KEY").withRecords(
                BUCKET + "/uploads/../../etc/passwd", "OBJECT_KEY",
                BUCKET + "/uploads/%2e%2e/%2e%2e/etc/passwd", "OBJECT_KEY",
                BUCKET + "/uploads/%252e%252e%252fetc%252fpasswd", "OBJECT_KEY",
                BUCKET + "/uploads/..%5c..%5cwindows%5cwin.ini", "OBJECT_KEY",
                BUCKET + "/uploads/a%00.jpg", "OBJECT_KEY",
                BUCKET + "/uploads/a%0d%0aSet-Cookie:x.jpg", "OBJECT_KEY",
                BUCKET + "/uploads/bad%zz", "OBJECT_KEY",
                BUCKET + "/private/secret.jpg", "OBJECT_KEY",
                BUCKET + "/uploads/cat+photo.jpg", "OBJECT_KEY"),
                created("uploads/../../etc/passwd", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/%2e%2e/%2e%2e/etc/passwd", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/%252e%252e%252fetc%252fpasswd", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/..%5c..%5cwindows%5cwin.ini", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/a%00.jpg", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/a%0d%0aSet-Cookie:x.jpg", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/bad%zz", 10)
                        .add("ObjectCreated:Put", BUCKET, "private/secret.jpg", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/cat+photo.jpg", 10)
                        .add("ObjectCreated:Put", BUCKET, "uploads/cat-photo.jpg", 10)
                        .event()));
        c.add(DrillCase.of("object over 10 MB (exactly 10 MB passes)", Expect.deny(0, "OBJECT_SIZE").withRecords(
                BUCKET + "/uploads/big.jpg", "OBJECT_SIZE"),
                created("uploads/big.jpg", TEN_MB + 1).add("ObjectCreated:Put", BUCKET, "uploads/exact.jpg", TEN_MB)
                        .event()));
        c.add(DrillCase.of("ObjectRemoved event", Expect.deny(0, "UNSUPPORTED_EVENT").withRecords(
                BUCKET + "/uploads/a.jpg", "UNSUPPORTED_EVENT"),
                S3.notification().add("ObjectRemoved:Delete", BUCKET, "uploads/a.jpg", 0).event()));
        c.add(DrillCase.of("region outside FNGUARD_ALLOWED_REGIONS", Expect.deny(0, "SOURCE").withRecords(
                BUCKET + "/uploads/a.jpg", "SOURCE"), created("uploads/a.jpg", 10).event())
                .withEnvironment(Map.of("FNGUARD_ALLOWED_REGIONS", "us-*")));
        c.add(DrillCase.of("account list: S3 names no account", Expect.allow(0).allDelivered(),
                created("uploads/a.jpg", 10).event())
                .withEnvironment(Map.of("FNGUARD_ALLOWED_ACCOUNTS", "123456789012")));
        c.add(DrillCase.of("X-Ray lineage over the limit (loop)", Expect.deny(0, "LOOP").withRecords(
                BUCKET + "/uploads/thumb.jpg", "LOOP"), created("uploads/thumb.jpg", 10).event())
                .withTraceHeader("Root=1-64d38018-6a56d23a731e0cbe6ed85687;Parent=1e4dbd311c45e826;Sampled=0;"
                        + "Lineage=1:037bed70:17"));
        c.add(DrillCase.of("no FNGUARD_ALLOWED_SOURCES: fail closed", Expect.deny(0, "SOURCE").withRecords(
                BUCKET + "/uploads/a.jpg", "SOURCE"), created("uploads/a.jpg", 10).event())
                .withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", "")));
        return c;
    }
}
