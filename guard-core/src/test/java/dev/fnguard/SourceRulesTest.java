package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.internal.Hops;
import dev.fnguard.internal.SourceCheck;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The source check's account and region lists and its loop guard, from record attributes alone. */
class SourceRulesTest {

    private static final String QUEUE = "arn:aws:sqs:eu-west-1:123456789012:payments";

    private static EventRecord record(String id, Map<String, String> attrs) {
        return new EventRecord(id, new byte[0], attrs);
    }

    private static Map<String, String> sqs(String arn) {
        Map<String, String> a = new HashMap<>();
        a.put(SourceCheck.ATTR_SOURCE, arn);
        a.put(SourceCheck.ATTR_FAMILY, "arn:aws:sqs");
        return a;
    }

    private static List<Optional<Reason>> verdicts(Policy policy, String traceHeader, EventRecord... records) {
        Invocation inv = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.QUEUE, "sqs", QUEUE)).traceHeader(traceHeader)
                .records(List.of(records)).build();
        Evaluation e = Guard.builder(policy, Void.class).auditSink(x -> { }).build().evaluate(inv);
        return e.records().stream().map(r -> r.verdict().reason()).toList();
    }

    private static Policy policy(SourceSettings s) {
        return Policy.builder().sources(s).build();
    }

    private static SourceSettings settings(int maxHops, List<String> accounts, List<String> regions) {
        return new SourceSettings(List.of(), 5, "", 0, List.of(), maxHops, accounts, regions, List.of(), false, false);
    }

    @Test
    void deniesARecordFromAnUnlistedAccountOrRegion() {
        Policy p = policy(settings(16, List.of("123456789012"), List.of("eu-*")));
        assertEquals(List.of(Optional.empty(), Optional.of(Reason.SOURCE), Optional.of(Reason.SOURCE)),
                verdicts(p, null,
                        record("ok", sqs(QUEUE)),
                        record("other-account", sqs("arn:aws:sqs:eu-west-1:999999999999:payments")),
                        record("other-region", sqs("arn:aws:sqs:us-east-1:123456789012:payments"))));
    }

    @Test
    void readsAccountAndRegionFromTheirAttributesBeforeTheArn() {
        Map<String, String> a = new HashMap<>();
        a.put(SourceCheck.ATTR_SOURCE, "events:com.example.orders");
        a.put(SourceCheck.ATTR_FAMILY, "events");
        a.put(SourceCheck.ATTR_ACCOUNT, "999999999999");
        a.put(SourceCheck.ATTR_REGION, "eu-west-1");
        Map<String, String> b = new HashMap<>(a);
        b.put(SourceCheck.ATTR_ACCOUNT, "123456789012");
        assertEquals(List.of(Optional.of(Reason.SOURCE), Optional.empty()),
                verdicts(policy(settings(16, List.of("123456789012"), List.of())), null,
                        record("forged", a), record("ok", b)));
    }

    @Test
    void deniesARecordThatNamesNoAccountWhileAListIsDeclared() {
        Map<String, String> a = new HashMap<>();
        a.put(SourceCheck.ATTR_SOURCE, "events:com.example.orders");
        a.put(SourceCheck.ATTR_FAMILY, "events");
        assertEquals(List.of(Optional.of(Reason.SOURCE)),
                verdicts(policy(settings(16, List.of("123456789012"), List.of())), null, record("anon", a)));
    }

    @Test
    void s3NotificationsAreExemptFromTheAccountListButNotFromTheRegionList() {
        Map<String, String> a = new HashMap<>();
        a.put(SourceCheck.ATTR_SOURCE, "arn:aws:s3:::uploads-prod");
        a.put(SourceCheck.ATTR_FAMILY, "arn:aws:s3");
        a.put(SourceCheck.ATTR_REGION, "us-east-2");
        Map<String, String> noRegion = new HashMap<>(a);
        noRegion.remove(SourceCheck.ATTR_REGION);
        assertEquals(List.of(Optional.empty()),
                verdicts(policy(settings(16, List.of("123456789012"), List.of())), null, record("s3", a)));
        assertEquals(List.of(Optional.of(Reason.SOURCE), Optional.of(Reason.SOURCE)),
                verdicts(policy(settings(16, List.of(), List.of("eu-west-1"))), null, record("s3", a),
                        record("s3-no-region", noRegion)));
    }

    @Test
    void httpRequestsAreNotPlacedByAccount() {
        Invocation http = Fixtures.http("GET", null, "");
        Evaluation e = Guard.builder(policy(settings(16, List.of("123456789012"), List.of("eu-west-1"))), Void.class)
                .auditSink(x -> { }).build().evaluate(http);
        assertTrue(e.records().get(0).verdict().passes());
    }

    @Test
    void deniesHopsAboveTheLimitOnly() {
        Map<String, String> h15 = sqs(QUEUE);
        h15.put(Hops.RECORD_ATTRIBUTE, "15");
        Map<String, String> h16 = sqs(QUEUE);
        h16.put(Hops.RECORD_ATTRIBUTE, "16");
        Map<String, String> h17 = sqs(QUEUE);
        h17.put(Hops.RECORD_ATTRIBUTE, "17");
        assertEquals(List.of(Optional.empty(), Optional.empty(), Optional.of(Reason.LOOP)),
                verdicts(Policy.defaults(), null, record("15", h15), record("16", h16), record("17", h17)));
    }

    @Test
    void theInvocationsLineageCountsForEveryRecord() {
        assertEquals(List.of(Optional.of(Reason.LOOP), Optional.of(Reason.LOOP)),
                verdicts(Policy.defaults(), "Root=1-670651f9-1de5c67d67d46ca431286874;Lineage=1:bd4cecd5:17",
                        record("a", sqs(QUEUE)), record("b", sqs(QUEUE))));
        assertEquals(List.of(Optional.empty()),
                verdicts(Policy.defaults(), "Root=1-670651f9-1de5c67d67d46ca431286874;Lineage=1:bd4cecd5:16",
                        record("a", sqs(QUEUE))));
    }

    @Test
    void aRecordsOwnTraceHeaderCounts() {
        Map<String, String> a = sqs(QUEUE);
        a.put(SourceCheck.ATTR_TRACE_HEADER, "Root=1-64d38018-6a56d23a731e0cbe6ed85687;Lineage=037bed70:20");
        assertEquals(List.of(Optional.of(Reason.LOOP)), verdicts(Policy.defaults(), null, record("a", a)));
    }

    @Test
    void deniesAnUnreadableHopAttribute() {
        Map<String, String> a = sqs(QUEUE);
        a.put(Hops.RECORD_ATTRIBUTE, "1; DROP TABLE");
        assertEquals(List.of(Optional.of(Reason.LOOP)), verdicts(Policy.defaults(), null, record("a", a)));
    }

    @Test
    void theEnvironmentMayOnlyLowerTheHopLimit() {
        Policy lowered = Policy.defaults().withEnvironment(Map.of("FNGUARD_MAX_HOPS", "3"));
        assertEquals(3, lowered.sources().maxHops());
        Map<String, String> h4 = sqs(QUEUE);
        h4.put(Hops.RECORD_ATTRIBUTE, "4");
        assertEquals(List.of(Optional.of(Reason.LOOP)), verdicts(lowered, null, record("4", h4)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Policy.defaults().withEnvironment(Map.of("FNGUARD_MAX_HOPS", "17")));
        assertTrue(e.getMessage().contains("FNGUARD_MAX_HOPS"));
        assertThrows(IllegalArgumentException.class,
                () -> Policy.defaults().withEnvironment(Map.of("FNGUARD_MAX_HOPS", "0")));
    }

    @Test
    void theEnvironmentReplacesTheAccountAndRegionLists() {
        Policy p = policy(settings(16, List.of("111111111111"), List.of("us-east-1")))
                .withEnvironment(Map.of("FNGUARD_ALLOWED_ACCOUNTS", "123456789012, 210987654321",
                        "FNGUARD_ALLOWED_REGIONS", "eu-west-1"));
        assertEquals(List.of("123456789012", "210987654321"), p.sources().accounts());
        assertEquals(List.of("eu-west-1"), p.sources().regions());
        assertEquals(List.of(Optional.empty()), verdicts(p, null, record("ok", sqs(QUEUE))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Policy.defaults().withEnvironment(Map.of("FNGUARD_ALLOWED_ACCOUNTS", "acme")));
        assertTrue(e.getMessage().contains("FNGUARD_ALLOWED_ACCOUNTS"), e.getMessage());
    }

    @Test
    void theReceiveCapNoLongerDropsTheAllowListFromTheEnvironment() {
        Policy p = Policy.defaults().withEnvironment(Map.of("FNGUARD_ALLOWED_SOURCES", QUEUE,
                "FNGUARD_MAX_RECEIVE_COUNT", "3"));
        assertEquals(List.of(QUEUE), p.sources().allowed());
        assertEquals(3, p.sources().maxReceiveCount());
    }

    @Test
    void monitorModeFlagsALoopInsteadOfDenyingIt() {
        Map<String, String> a = sqs(QUEUE);
        a.put(Hops.RECORD_ATTRIBUTE, "40");
        Policy p = Policy.defaults().withEnvironment(Map.of("FNGUARD_MONITOR_CHECKS", "source"));
        Invocation inv = Invocation.builder().requestId("r").functionName("f")
                .source(Source.of(SourceKind.QUEUE, "sqs", QUEUE)).records(List.of(record("a", a))).build();
        Evaluation e = Guard.builder(p, Void.class).auditSink(x -> { }).build().evaluate(inv);
        assertTrue(e.records().get(0).deliverable(), "monitor mode lets the record through");
        assertEquals(1, e.flags().size());
        assertEquals(Decision.FLAG, e.flags().get(0).decision());
        assertEquals(Optional.of(Reason.LOOP), e.flags().get(0).reason());
        assertEquals(Decision.FLAG, e.decision());
    }

    @Test
    void theAnnotationDeclaresTheListsAndTheLimit() {
        @Guarded(sources = @Sources(maxHops = 4, accounts = " 123456789012 ", regions = "eu-west-1"))
        final class Handler {
        }
        SourceSettings s = Policy.forClass(Handler.class).sources();
        assertEquals(4, s.maxHops());
        assertEquals(List.of("123456789012"), s.accounts());
        assertEquals(List.of("eu-west-1"), s.regions());
        assertEquals(SourceSettings.DEFAULT_MAX_HOPS, Policy.defaults().sources().maxHops());
    }

    @Test
    void builderStartsFromTheDefaultsAndValidatesNamingTheSetting() {
        SourceSettings s = SourceSettings.builder().allowed("arn:aws:sqs:eu-west-1:123456789012:orders")
                .accounts("123456789012").dropDenied(true).build();
        assertEquals(List.of("arn:aws:sqs:eu-west-1:123456789012:orders"), s.allowed());
        assertEquals(SourceSettings.DEFAULT_MAX_HOPS, s.maxHops());
        assertEquals(5, s.maxReceiveCount());
        assertEquals(true, s.dropDenied());
        assertEquals(s, s.toBuilder().build());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SourceSettings.builder().maxHops(0).build());
        assertEquals(true, e.getMessage().startsWith("sources.maxHops"), e.getMessage());
    }
}
