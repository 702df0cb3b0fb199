package dev.fnguard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.budget.CostModel;
import dev.fnguard.budget.FailMode;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.budget.SpendLimit;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The budget check in the chain, with the in-memory store. */
class BudgetCheckTest {

    private static final String ORDER = "{\"sku\":\"ABC-1\",\"quantity\":1}";
    private static final BudgetSettings OFF = BudgetSettings.defaults();

    private final Fixtures.Recording audit = new Fixtures.Recording();

    private Guard guard(BudgetSettings b) {
        return guard(Policy.builder().budget(b).build());
    }

    private Guard guard(Policy p) {
        // a clock 10 minutes into an hour: spend windows end 50 minutes later
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T10:10:00Z"), ZoneOffset.UTC);
        return Guard.builder(p, Order.class).auditSink(audit).clock(clock).build();
    }

    private static Invocation from(String ip, int records, long remainingMillis) {
        HttpRequest req = new HttpRequest("POST", "/orders", "POST /orders",
                Headers.of(Map.of("x-forwarded-proto", "https", "Content-Type", "application/json"), null),
                Map.of(), Map.of(), List.of(), Optional.ofNullable(ip), true);
        List<EventRecord> rs = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            rs.add(new EventRecord("r" + i, ORDER.getBytes(StandardCharsets.UTF_8), Map.of()));
        }
        return Invocation.builder().requestId("req").functionName("orders")
                .source(Source.of(SourceKind.HTTP, "apigw-http", "api-id")).http(req).records(rs)
                .remainingMillis(remainingMillis).build();
    }

    private static Invocation from(String ip) {
        return from(ip, 1, Long.MAX_VALUE);
    }

    private static BudgetSettings with(Optional<RateLimit> caller, Optional<RateLimit> function, SpendLimit spend,
            CostModel cost, int maxRecords, long reserve, int concurrent) {
        return new BudgetSettings(caller, function, spend, cost, maxRecords, 0, reserve, concurrent,
                FailMode.CLOSED, FailMode.CLOSED);
    }

    private static Reason reason(Evaluation e) {
        return e.denial().orElseThrow().reason().orElseThrow();
    }

    @Test
    void withoutBudgetsTheCheckIsNotInTheChain() {
        assertEquals(List.of("http", "source", "limits", "schema"), guard(OFF).checkNames());
    }

    @Test
    void budgetRunsAfterTransportAndBeforeLimits() {
        Guard g = guard(with(Optional.of(RateLimit.perMinute(60, 10)), Optional.empty(), SpendLimit.none(),
                CostModel.defaults(), 0, 0, 0));
        assertEquals(List.of("http", "budget", "source", "limits", "schema"), g.checkNames());
    }

    @Test
    void callerOverItsBurstIsRefusedRateWithRetryAfterAndUserCodeIsNotReached() {
        Guard g = guard(with(Optional.of(RateLimit.perMinute(1, 3)), Optional.empty(), SpendLimit.none(),
                CostModel.defaults(), 0, 0, 0));
        for (int i = 0; i < 3; i++) {
            assertTrue(g.evaluate(from("198.51.100.7")).denial().isEmpty());
        }
        Evaluation e = g.evaluate(from("198.51.100.7"));
        assertEquals(Reason.RATE, reason(e));
        assertEquals(429, Reason.RATE.status());
        Duration retry = e.denial().get().retryAfter().orElseThrow();
        assertTrue(retry.compareTo(Duration.ZERO) > 0 && retry.compareTo(Duration.ofMinutes(1)) <= 0,
                "one token a minute: the next comes within a minute, was " + retry);
        assertTrue(e.records().get(0).payload().isEmpty(), "the body was not even bound");
        assertTrue(g.evaluate(from("203.0.113.9")).denial().isEmpty(), "another caller is served");
    }

    @Test
    void callerWithoutAnAddressIsKeyedByTheEventSource() {
        Guard g = guard(with(Optional.of(RateLimit.perMinute(1, 1)), Optional.empty(), SpendLimit.none(),
                CostModel.defaults(), 0, 0, 0));
        assertTrue(g.evaluate(from(null)).denial().isEmpty());
        assertEquals(Reason.RATE, reason(g.evaluate(from(null))));
    }

    @Test
    void functionRateCapsAllCallersTogether() {
        Guard g = guard(with(Optional.empty(), Optional.of(RateLimit.perMinute(1, 2)), SpendLimit.none(),
                CostModel.defaults(), 0, 0, 0));
        assertTrue(g.evaluate(from("198.51.100.1")).denial().isEmpty());
        assertTrue(g.evaluate(from("198.51.100.2")).denial().isEmpty());
        assertEquals(Reason.RATE, reason(g.evaluate(from("198.51.100.3"))));
    }

    @Test
    void callerGbSecondsAreChargedUpFrontAndRefusedSpendUntilTheWindowEnds() {
        // 512 MB x 100 ms estimate = 0.05 GB-s; 0.2 GB-s per caller per hour: 4 unsettled invocations
        Guard g = guard(with(Optional.empty(), Optional.empty(), new SpendLimit(Duration.ofHours(1), 0.2, 0, 0, 0),
                CostModel.defaults().withMemoryMb(512), 0, 0, 0));
        for (int i = 0; i < 4; i++) {
            assertTrue(g.evaluate(from("198.51.100.7")).denial().isEmpty());
        }
        Evaluation e = g.evaluate(from("198.51.100.7"));
        assertEquals(Reason.SPEND, reason(e));
        assertEquals(Duration.ofMinutes(50), e.denial().get().retryAfter().orElseThrow());
        assertTrue(g.evaluate(from("203.0.113.9")).denial().isEmpty(), "per caller: another caller has its own");
    }

    @Test
    void functionCurrencyBudgetIsPricedWithTheCostModel() {
        // 1024 MB x 100 ms = 0.1 GB-s x 1e-5/GB-s + 1e-6/request = 2e-6 per invocation; budget 5e-6
        CostModel cost = new CostModel(1024, 0.00001, 0.000001, 100);
        assertEquals(2000, cost.nanoPrice(100));
        Guard g = guard(with(Optional.empty(), Optional.empty(),
                new SpendLimit(Duration.ofHours(1), 0, 0, 0, 0.000005), cost, 0, 0, 0));
        assertTrue(g.evaluate(from("198.51.100.1")).denial().isEmpty());
        assertTrue(g.evaluate(from("198.51.100.2")).denial().isEmpty());
        assertEquals(Reason.SPEND, reason(g.evaluate(from("198.51.100.3"))));
    }

    @Test
    void completingSettlesTheEstimateWithTheRealDuration() {
        // a 10 s estimate at 512 MB is 5 GB-s; 15 GB-s fit 3 unsettled invocations, or 30 s of real time
        CostModel slowEstimate = new CostModel(512, CostModel.DEFAULT_PRICE_PER_GB_SECOND,
                CostModel.DEFAULT_PRICE_PER_REQUEST, 10_000);
        Guard g = guard(with(Optional.empty(), Optional.empty(), new SpendLimit(Duration.ofHours(1), 0, 15, 0, 0),
                slowEstimate, 0, 0, 0));
        for (int i = 0; i < 20; i++) {
            Evaluation e = g.evaluate(from("198.51.100.7"));
            assertTrue(e.denial().isEmpty(), "invocation " + (i + 1) + ": settled ones cost ms, not 10 s");
            g.complete(e, Outcome.OK, 200, Optional.empty());
        }
        // what the 20 really cost (at least 1 ms each) is still in the window: 2 more estimates fit, not 3
        for (int i = 0; i < 2; i++) {
            assertTrue(g.evaluate(from("198.51.100.7")).denial().isEmpty());
        }
        assertEquals(Reason.SPEND, reason(g.evaluate(from("198.51.100.7"))), "unsettled, the estimate counts");
    }

    @Test
    void batchWithMoreRecordsThanAllowedIsRefusedBatchSize() {
        Guard g = guard(with(Optional.empty(), Optional.empty(), SpendLimit.none(), CostModel.defaults(), 2, 0, 0));
        assertTrue(g.evaluate(from("198.51.100.7", 2, Long.MAX_VALUE)).denial().isEmpty());
        Evaluation e = g.evaluate(from("198.51.100.7", 3, Long.MAX_VALUE));
        assertEquals(Reason.BATCH_SIZE, reason(e));
        assertTrue(e.records().stream().allMatch(r -> r.verdict().reason().orElseThrow() == Reason.BATCH_SIZE),
                "every record is reported refused");
    }

    @Test
    void tooLittleTimeLeftIsRefusedTimeoutBeforeWorkStarts() {
        Guard g = guard(with(Optional.empty(), Optional.empty(), SpendLimit.none(), CostModel.defaults(), 0, 500, 0));
        assertEquals(Reason.TIMEOUT, reason(g.evaluate(from("198.51.100.7", 1, 400))));
        assertEquals(503, Reason.TIMEOUT.status());
        assertTrue(g.evaluate(from("198.51.100.7", 1, 3000)).denial().isEmpty());
    }

    @Test
    void bulkheadRefusesConcurrencyUntilAnInvocationCompletes() {
        Guard g = guard(with(Optional.empty(), Optional.empty(), SpendLimit.none(), CostModel.defaults(), 0, 0, 1));
        Evaluation running = g.evaluate(from("198.51.100.7"));
        assertTrue(running.denial().isEmpty());
        assertEquals(Reason.CONCURRENCY, reason(g.evaluate(from("203.0.113.9"))));
        g.complete(running, Outcome.OK, 200, Optional.empty());
        assertTrue(g.evaluate(from("203.0.113.9")).denial().isEmpty());
    }

    @Test
    void refusalByALaterBudgetRefundsEarlierSpendCharges() {
        // 1 permit; spend fits exactly 2 estimates. Were refused invocations charged, the second
        // refusal would already be for SPEND, not CONCURRENCY.
        Guard g = guard(with(Optional.empty(), Optional.empty(), new SpendLimit(Duration.ofHours(1), 0, 0.1, 0, 0),
                CostModel.defaults().withMemoryMb(512), 0, 0, 1));
        Evaluation running = g.evaluate(from("198.51.100.7"));
        assertTrue(running.denial().isEmpty());
        for (int i = 0; i < 5; i++) {
            assertEquals(Reason.CONCURRENCY, reason(g.evaluate(from("203.0.113.9"))), "attempt " + (i + 1));
        }
    }

    @Test
    void monitorModeFlagsRateAndLetsThrough() {
        Guard g = guard(Policy.builder().monitor("budget").budget(with(Optional.of(RateLimit.perMinute(1, 1)),
                Optional.empty(), SpendLimit.none(), CostModel.defaults(), 0, 0, 0)).build());
        g.evaluate(from("198.51.100.7"));
        Evaluation e = g.evaluate(from("198.51.100.7"));
        assertEquals(Decision.FLAG, e.decision());
        assertTrue(e.denial().isEmpty());
        g.complete(e, Outcome.OK, 200, Optional.empty());
        assertEquals(List.of("RATE"), audit.events.get(0).reasons());
    }

    @Test
    void timeoutOutcomeIsAuditedWithTheTimeoutReason() {
        Guard g = guard(OFF);
        AuditEvent a = g.complete(g.evaluate(from("198.51.100.7")), Outcome.TIMEOUT, 503, Optional.empty());
        assertEquals(List.of("TIMEOUT"), a.reasons());
    }
}
