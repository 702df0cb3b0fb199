package dev.fnguard.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.fnguard.Guarded;
import dev.fnguard.Policy;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BudgetSettingsTest {

    @Guarded(budget = @Budget(callerPerMinute = 60, callerBurst = 10, maxMillis = 3000, maxRecords = 25,
            functionGbSeconds = 3600, rateOnStoreFailure = FailMode.OPEN))
    static final class Annotated {
    }

    @Test
    void annotationCompilesIntoThePolicy() {
        BudgetSettings b = Policy.forClass(Annotated.class).budget();
        assertEquals(Optional.of(new RateLimit(60, Duration.ofMinutes(1), 10)), b.callerRate());
        assertEquals(Optional.empty(), b.functionRate());
        assertEquals(3000, b.maxMillis());
        assertEquals(25, b.maxRecords());
        assertEquals(3600, b.spend().functionGbSeconds());
        assertEquals(FailMode.OPEN, b.rateOnStoreFailure());
        assertEquals(FailMode.CLOSED, b.spendOnStoreFailure(), "spend fails closed unless declared otherwise");
        assertEquals(CostModel.DEFAULT_MEMORY_MB, b.cost().memoryMb());
    }

    @Test
    void everyBudgetIsOffByDefault() {
        BudgetSettings b = Policy.defaults().budget();
        assertFalse(b.usesStore());
        assertEquals(Long.MAX_VALUE, b.userMillis(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, b.userMillis(900));
    }

    @Test
    void environmentSetsBudgetsAndTheLambdaMemorySize() {
        BudgetSettings b = Policy.forClass(Annotated.class).withEnvironment(Map.of(
                "FNGUARD_CALLER_PER_MINUTE", "120", "FNGUARD_FUNCTION_PER_MINUTE", "6000",
                "FNGUARD_FUNCTION_BURST", "500", "FNGUARD_MAX_MILLIS", "1500", "FNGUARD_RESERVE_MILLIS", "200",
                "FNGUARD_ON_STORE_FAILURE", "closed", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1769",
                "FNGUARD_CALLER_SPEND", "0.05", "FNGUARD_SPEND_WINDOW_SECONDS", "600")).budget();
        assertEquals(Optional.of(new RateLimit(120, Duration.ofMinutes(1), 10)), b.callerRate(),
                "the burst stays as declared");
        assertEquals(Optional.of(new RateLimit(6000, Duration.ofMinutes(1), 500)), b.functionRate());
        assertEquals(1500, b.maxMillis());
        assertEquals(FailMode.CLOSED, b.rateOnStoreFailure(), "FNGUARD_ON_STORE_FAILURE sets every budget");
        assertEquals(FailMode.CLOSED, b.spendOnStoreFailure());
        assertEquals(1769, b.cost().memoryMb());
        assertEquals(0.05, b.spend().callerCurrency());
        assertEquals(Duration.ofMinutes(10), b.spend().window());
        assertEquals(800, b.userMillis(1000), "the reserve comes off the platform's remaining time");
        assertEquals(1500, b.userMillis(10_000), "maxMillis when it is the shorter");
    }

    @Test
    void storeFailureModeCanBeSetPerBudgetKind() {
        BudgetSettings b = Policy.defaults().withEnvironment(Map.of("FNGUARD_ON_STORE_FAILURE", "closed",
                "FNGUARD_RATE_ON_STORE_FAILURE", "open")).budget();
        assertEquals(FailMode.OPEN, b.rateOnStoreFailure(), "the specific variable wins");
        assertEquals(FailMode.CLOSED, b.spendOnStoreFailure());
    }

    @Test
    void zeroRateInTheEnvironmentTurnsTheRateOff() {
        assertFalse(Policy.forClass(Annotated.class).withEnvironment(Map.of("FNGUARD_CALLER_PER_MINUTE", "0"))
                .budget().callerRate().isPresent());
    }

    @Test
    void invalidEnvironmentValuesNameTheVariable() {
        for (Map.Entry<String, String> bad : Map.of("FNGUARD_CALLER_PER_MINUTE", "lots", "FNGUARD_MAX_MILLIS", "-1",
                "FNGUARD_SPEND_ON_STORE_FAILURE", "maybe", "FNGUARD_FUNCTION_SPEND", "NaN",
                "AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "64").entrySet()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Policy.defaults().withEnvironment(Map.of(bad.getKey(), bad.getValue())));
            assertTrue(e.getMessage().contains(bad.getKey().startsWith("AWS") ? "memoryMb" : bad.getKey())
                    || e.getMessage().contains(bad.getKey()), e.getMessage());
        }
    }

    @Test
    void costModelDefaultsAreTheAwsLambdaX86ListPrices() {
        CostModel c = CostModel.defaults();
        assertEquals(0.0000166667, c.pricePerGbSecond());
        assertEquals(0.0000002, c.pricePerRequest());
        // 128 MB for 100 ms = 0.0125 GB-s: USD 0.000000208 + 0.0000002 per request
        assertEquals(408, c.nanoPrice(100));
        assertEquals(12_800, c.mbMillis(100));
    }

    @Test
    void invalidSettingsNameTheSettingAtFault() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RateLimit(0, Duration.ofMinutes(1), 1));
        assertTrue(e.getMessage().contains("RateLimit.tokens"));
        e = assertThrows(IllegalArgumentException.class, () -> new SpendLimit(Duration.ZERO, 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("SpendLimit.window"));
    }
}
