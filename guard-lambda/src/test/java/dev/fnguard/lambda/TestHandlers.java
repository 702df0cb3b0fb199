package dev.fnguard.lambda;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Handlers for the HTTP path tests. */
final class TestHandlers {

    private TestHandlers() {
    }

    /** Echoes the sku and counts calls. */
    @Guarded(limits = @Limits(maxBodyBytes = 1024), http = @Http(methods = "POST"))
    static final class Echo extends GuardedHttpHandler<Item, Map<String, Object>> {
        final AtomicInteger calls = new AtomicInteger();
        volatile GuardContext lastContext;

        Echo(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<Map<String, Object>> handle(Item item, GuardContext context) {
            calls.incrementAndGet();
            lastContext = context;
            return HttpReply.of(201, Map.<String, Object>of("sku", item.sku()))
                    .withHeader("X-Order", "1")
                    .withHeader("Cache-Control", "public, max-age=600");
        }
    }

    /** Throws with a message holding a secret. */
    @Guarded
    static final class Throwing extends GuardedHttpHandler<Item, String> {
        Throwing(GuardOptions options) {
            super(options);
        }

        @Override
        protected HttpReply<String> handle(Item item, GuardContext context) {
            throw new IllegalStateException("db password hunter2 rejected for " + item.sku());
        }
    }
}
