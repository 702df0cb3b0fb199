package dev.fnguard.lambda;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.HttpReply;
import dev.fnguard.budget.Budget;
import java.util.concurrent.CountDownLatch;

/** Handlers with budgets, for the deadline and rate tests. */
final class BudgetHandlers {

    private BudgetHandlers() {
    }

    /** Sleeps far past its 200 ms deadline; counts down when interrupted. */
    @Guarded(budget = @Budget(maxMillis = 200))
    static final class Sleeper extends GuardedHttpHandler<Item, String> {
        final CountDownLatch interrupted = new CountDownLatch(1);

        Sleeper(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<String> handle(Item item, GuardContext context) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return HttpReply.of(200, "late");
        }
    }

    /** Ignores interruption: keeps waiting until the test releases it. */
    @Guarded(budget = @Budget(maxMillis = 200))
    static final class Stubborn extends GuardedHttpHandler<Item, String> {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch finished = new CountDownLatch(1);

        Stubborn(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<String> handle(Item item, GuardContext context) {
            while (release.getCount() > 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    // deliberately ignored: this handler does not cooperate
                }
            }
            finished.countDown();
            return HttpReply.of(200, "late");
        }
    }

    /** Answers at once, well inside its deadline, and reports the time it was given. */
    @Guarded(budget = @Budget(maxMillis = 5000))
    static final class Quick extends GuardedHttpHandler<Item, Long> {
        Quick(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<Long> handle(Item item, GuardContext context) {
            return HttpReply.of(200, context.remainingMillis());
        }
    }

    /** Two requests at once per caller, then one a minute. */
    @Guarded(budget = @Budget(callerPerMinute = 1, callerBurst = 2))
    static final class Limited extends GuardedHttpHandler<Item, String> {
        Limited(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<String> handle(Item item, GuardContext context) {
            return HttpReply.of(200, "ok");
        }
    }
}
