package dev.fnguard.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.AuditSink;
import dev.fnguard.EventRecord;
import dev.fnguard.Evaluation;
import dev.fnguard.Guard;
import dev.fnguard.Guarded;
import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.RecordResult;
import dev.fnguard.Source;
import dev.fnguard.SourceKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The detect check through a real {@link Guard}: binding, the walk, BLOCK, REPORT and ENCODE. */
class DetectCheckTest {

    /** A nested payload. */
    public record Item(String name, Map<String, String> tags) {}

    /** The payload under test. */
    public record Comment(String author, @Encode(Encode.Context.HTML) String body, List<Item> items, String bio) {}

    @Guarded(detect = @Detect(value = {Detector.SQL, Detector.XSS, Detector.NOSQL, Detector.TEMPLATE}, exempt = "bio"))
    static final class Blocking {}

    @Guarded(detect = @Detect(value = {Detector.SQL, Detector.XSS}, action = Action.ENCODE))
    static final class Encoding {}

    @Guarded(monitor = "detect", detect = @Detect(value = Detector.SQL))
    static final class Reporting {}

    private static RecordResult evaluate(Class<?> handler, String json) {
        return evaluation(handler, json).records().get(0);
    }

    private static Evaluation evaluation(Class<?> handler, String json) {
        Guard guard = Guard.builder(Policy.forClass(handler), Comment.class).auditSink(AuditSink.NONE).build();
        Invocation inv = Invocation.builder().requestId("r1")
                .source(Source.of(SourceKind.QUEUE, "test", "q"))
                .records(List.of(new EventRecord("m1", json.getBytes(StandardCharsets.UTF_8), Map.of())))
                .build();
        return guard.evaluate(inv);
    }

    @Test
    void deliversBenignLookAlikes() {
        RecordResult r = evaluate(Blocking.class,
                "{\"author\":\"O'Brien\",\"body\":\"select a size\",\"items\":[{\"name\":\"x\",\"tags\":{\"k\":\"v\"}}],\"bio\":\"\"}");
        assertTrue(r.deliverable(), r.verdict().toString());
    }

    @Test
    void blocksSqlInjectionInTopLevelField() {
        RecordResult r = evaluate(Blocking.class, "{\"author\":\"1' OR '1'='1' --\",\"body\":\"\",\"items\":[],\"bio\":\"\"}");
        assertFalse(r.deliverable());
        assertEquals(Reason.INJECTION_SQL, r.verdict().reason().orElseThrow());
        assertEquals(List.of("author"), r.verdict().fields());
    }

    @Test
    void blocksScriptInNestedListField() {
        RecordResult r = evaluate(Blocking.class,
                "{\"author\":\"a\",\"body\":\"\",\"items\":[{\"name\":\"<svg onload=alert(1)>\",\"tags\":{}}],\"bio\":\"\"}");
        assertEquals(Reason.INJECTION_XSS, r.verdict().reason().orElseThrow());
        assertEquals(List.of("items[].name"), r.verdict().fields());
    }

    @Test
    void blocksNoSqlOperatorAsMapKey() {
        RecordResult r = evaluate(Blocking.class,
                "{\"author\":\"a\",\"body\":\"\",\"items\":[{\"name\":\"n\",\"tags\":{\"$ne\":\"x\"}}],\"bio\":\"\"}");
        assertEquals(Reason.INJECTION_NOSQL, r.verdict().reason().orElseThrow());
        assertEquals(List.of("items[].tags.$ne"), r.verdict().fields());
    }

    @Test
    void exemptFieldMayHoldMarkup() {
        RecordResult r = evaluate(Blocking.class, "{\"author\":\"a\",\"body\":\"\",\"items\":[],\"bio\":\"<script>x</script>\"}");
        assertTrue(r.deliverable());
    }

    @Test
    void encodesAnnotatedFieldForHtmlUnderEncode() {
        RecordResult r = evaluate(Encoding.class, "{\"author\":\"a\",\"body\":\"<script>alert(1)</script>\",\"items\":[],\"bio\":\"\"}");
        assertTrue(r.deliverable(), r.verdict().toString());
        Comment c = (Comment) r.payload().orElseThrow();
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", c.body());
    }

    @Test
    void blocksUnannotatedFieldUnderEncode() {
        RecordResult r = evaluate(Encoding.class, "{\"author\":\"<script>alert(1)</script>\",\"body\":\"\",\"items\":[],\"bio\":\"\"}");
        assertEquals(Reason.INJECTION_XSS, r.verdict().reason().orElseThrow());
    }

    @Guarded(detect = @Detect(value = Detector.SQL, action = Action.REPORT))
    static final class ReportAction {}

    @Test
    void reportActionFlagsAndDelivers() {
        Evaluation e = evaluation(ReportAction.class, "{\"author\":\"1 UNION SELECT password FROM users\",\"body\":\"\",\"items\":[],\"bio\":\"\"}");
        assertTrue(e.records().get(0).deliverable());
        assertEquals(Reason.INJECTION_SQL, e.flags().get(0).reason().orElseThrow());
    }

    @Test
    void reportsButDeliversInMonitorMode() {
        RecordResult r = evaluate(Reporting.class, "{\"author\":\"1 UNION SELECT password FROM users\",\"body\":\"\",\"items\":[],\"bio\":\"\"}");
        assertTrue(r.deliverable());
    }
}
