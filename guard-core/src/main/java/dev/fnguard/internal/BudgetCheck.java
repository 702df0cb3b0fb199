package dev.fnguard.internal;

import dev.fnguard.Check;
import dev.fnguard.Inspection;
import dev.fnguard.Invocation;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.budget.CostModel;
import dev.fnguard.budget.FailMode;
import dev.fnguard.budget.RateLimit;
import dev.fnguard.budget.SpendLimit;
import dev.fnguard.spi.BudgetStore;
import dev.fnguard.spi.RateProbe;
import dev.fnguard.spi.SpendProbe;
import dev.fnguard.spi.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The budgets of one invocation, before user code runs, in this order: records per batch, time
 * left, per-caller rate, per-function rate, spend (charged with an estimate, settled with the real
 * duration when the invocation completes), concurrency. A later refusal refunds earlier spend
 * charges. A store that cannot answer fails open (flag) or closed (deny) as the policy says, with
 * {@link Reason#STORE_UNAVAILABLE}.
 */
public final class BudgetCheck implements Check {

    /** The check's name. */
    public static final String NAME = "budget";

    private static final Logger LOG = LoggerFactory.getLogger("fnguard");
    private static final long MB_MS_PER_GB_SECOND = 1_024_000L;

    private final BudgetSettings settings;
    private final BudgetStore store;
    private final Clock clock;
    private final Semaphore permits;
    private final long windowMillis;
    private final Duration counterTtl;
    private final long callerMbMs;
    private final long functionMbMs;
    private final long callerNano;
    private final long functionNano;

    /**
     * Compiles the budgets.
     *
     * @param settings the budgets
     * @param store where rates and spend are kept
     * @param clock the clock that places spend in windows
     */
    public BudgetCheck(BudgetSettings settings, BudgetStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
        this.permits = settings.maxConcurrent() > 0 ? new Semaphore(settings.maxConcurrent()) : null;
        SpendLimit s = settings.spend();
        this.windowMillis = s.window().toMillis();
        this.counterTtl = s.window().plus(s.window());
        this.callerMbMs = (long) Math.floor(s.callerGbSeconds() * MB_MS_PER_GB_SECOND);
        this.functionMbMs = (long) Math.floor(s.functionGbSeconds() * MB_MS_PER_GB_SECOND);
        this.callerNano = (long) Math.floor(s.callerCurrency() * 1e9);
        this.functionNano = (long) Math.floor(s.functionCurrency() * 1e9);
        if (settings.usesStore()) {
            warmUp();
        }
    }

    /**
     * Takes two tokens from a throwaway in-memory bucket at init, so that the first real events do not
     * pay for loading and first running Bucket4j (about 10 ms on a cold JVM) nor, on the second event
     * of a caller, for bootstrapping the record {@code equals} of {@link RateLimit} (about 20 ms: the
     * JDK's {@code ObjectMethods} method handles). The real store is not touched: nothing is charged.
     */
    private static void warmUp() {
        try (dev.fnguard.budget.InMemoryBudgetStore scratch = new dev.fnguard.budget.InMemoryBudgetStore()) {
            RateLimit limit = new RateLimit(2, java.time.Duration.ofMinutes(1), 2);
            scratch.tryConsume("fnguard-warmup", limit);
            scratch.tryConsume("fnguard-warmup", new RateLimit(2, java.time.Duration.ofMinutes(1), 2));
        } catch (RuntimeException e) {
            // best effort
        }
    }

    /**
     * Whether a policy's budgets need this check (the deadline alone is enforced by the adapter).
     *
     * @param b the budgets
     * @return true when any budget but the deadline is set
     */
    public static boolean needed(BudgetSettings b) {
        return b.usesStore() || b.maxRecords() > 0 || b.reserveMillis() > 0 || b.maxConcurrent() > 0;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return Scope.INVOCATION;
    }

    @Override
    public boolean stateful() {
        return true;
    }

    @Override
    public Verdict check(Inspection inspection) {
        Invocation inv = inspection.invocation();
        if (settings.maxRecords() > 0 && inv.records().size() > settings.maxRecords()) {
            return Verdict.deny(Reason.BATCH_SIZE);
        }
        long remaining = inv.remainingMillis();
        if (settings.reserveMillis() > 0 && remaining != Long.MAX_VALUE && remaining <= settings.reserveMillis()) {
            return Verdict.deny(Reason.TIMEOUT);
        }
        boolean storeDown = false;
        String prefix = "fnguard:" + inv.functionName() + ":";
        String caller = settings.usesStore() ? CallerKey.of(inspection.caller(), inv) : null;

        if (settings.callerRate().isPresent()) {
            Verdict v = rate(prefix + "rate:c:" + caller, settings.callerRate().get());
            if (v == null) {
                storeDown = true;
            } else if (!v.passes()) {
                return v;
            }
        }
        if (settings.functionRate().isPresent()) {
            Verdict v = rate(prefix + "rate:fn", settings.functionRate().get());
            if (v == null) {
                storeDown = true;
            } else if (!v.passes()) {
                return v;
            }
        }

        List<Charge> charges = new ArrayList<>(4);
        if (settings.spend().enabled()) {
            long now = clock.millis();
            long window = now / windowMillis;
            Duration retry = Duration.ofMillis((window + 1) * windowMillis - now);
            CostModel cost = settings.cost();
            // a deadline bounds what an invocation can cost: never estimate beyond it
            long est = settings.maxMillis() > 0 ? Math.min(cost.estimateMillis(), settings.maxMillis())
                    : cost.estimateMillis();
            long mbMs = cost.mbMillis(est);
            long nano = cost.nanoPrice(est);
            String callerScope = prefix + "spend:c:" + caller;
            String fnScope = prefix + "spend:fn";
            String w = ":" + window;
            List<Charge> wanted = new ArrayList<>(4);
            if (callerMbMs > 0) {
                wanted.add(new Charge(callerScope + ":mbms" + w, mbMs, callerMbMs, false));
            }
            if (functionMbMs > 0) {
                wanted.add(new Charge(fnScope + ":mbms" + w, mbMs, functionMbMs, false));
            }
            if (callerNano > 0) {
                wanted.add(new Charge(callerScope + ":nano" + w, nano, callerNano, true));
            }
            if (functionNano > 0) {
                wanted.add(new Charge(fnScope + ":nano" + w, nano, functionNano, true));
            }
            for (Charge c : wanted) {
                try {
                    SpendProbe p = store.charge(c.key, c.estimate, c.limit, counterTtl);
                    if (!p.charged()) {
                        refund(charges);
                        return Verdict.deny(Reason.SPEND).withRetryAfter(retry);
                    }
                    charges.add(c);
                } catch (StoreUnavailableException e) {
                    if (settings.spendOnStoreFailure() == FailMode.CLOSED) {
                        refund(charges);
                        return Verdict.deny(Reason.STORE_UNAVAILABLE);
                    }
                    storeDown = true;
                }
            }
        }

        if (permits != null && !permits.tryAcquire()) {
            refund(charges);
            return Verdict.deny(Reason.CONCURRENCY);
        }
        if (permits != null || !charges.isEmpty()) {
            inspection.onComplete(elapsed -> {
                if (permits != null) {
                    permits.release();
                }
                settle(charges, elapsed);
            });
        }
        return storeDown ? Verdict.deny(Reason.STORE_UNAVAILABLE).asFlag() : Verdict.allow();
    }

    /** A rate verdict, or null when the store is down and the budget fails open. */
    private Verdict rate(String key, RateLimit limit) {
        try {
            RateProbe p = store.tryConsume(key, limit);
            if (p.consumed()) {
                return Verdict.allow();
            }
            return Verdict.deny(Reason.RATE).withRetryAfter(p.retryAfter());
        } catch (StoreUnavailableException e) {
            if (settings.rateOnStoreFailure() == FailMode.CLOSED) {
                return Verdict.deny(Reason.STORE_UNAVAILABLE);
            }
            return null;
        }
    }

    private void refund(List<Charge> charges) {
        for (Charge c : charges) {
            adjust(c.key, -c.estimate);
        }
    }

    private void settle(List<Charge> charges, long elapsedNanos) {
        long billedMillis = Math.max(1, (elapsedNanos + 999_999) / 1_000_000);
        CostModel cost = settings.cost();
        for (Charge c : charges) {
            long real = c.currency ? cost.nanoPrice(billedMillis) : cost.mbMillis(billedMillis);
            if (real != c.estimate) {
                adjust(c.key, real - c.estimate);
            }
        }
    }

    private void adjust(String key, long delta) {
        try {
            store.adjust(key, delta, counterTtl);
        } catch (StoreUnavailableException e) {
            LOG.warn("budget store unavailable while settling spend: {}", Throwables.describe(e));
        }
    }

    private static final class Charge {
        final String key;
        final long estimate;
        final long limit;
        final boolean currency;

        Charge(String key, long estimate, long limit, boolean currency) {
            this.key = key;
            this.estimate = estimate;
            this.limit = limit;
            this.currency = currency;
        }
    }
}
