package dev.fnguard.azure;

import com.microsoft.azure.functions.internal.spi.middleware.Middleware;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareChain;
import com.microsoft.azure.functions.internal.spi.middleware.MiddlewareContext;
import java.util.Iterator;
import java.util.List;

/**
 * The worker's invocation chain: middlewares in order, onion-style, the function last. One chain per
 * invocation, as the worker creates one from its factory; middleware instances are shared.
 */
public final class Worker {

    private final List<Middleware> middlewares;

    /** @param middlewares the middlewares, shared by every invocation */
    public Worker(List<Middleware> middlewares) {
        this.middlewares = List.copyOf(middlewares);
    }

    /**
     * Runs one invocation.
     *
     * @param context its context
     * @throws Exception what the chain throws
     */
    public void invoke(WorkerContext context) throws Exception {
        Iterator<Middleware> it = middlewares.iterator();
        MiddlewareChain chain = new MiddlewareChain() {
            @Override
            public void doNext(MiddlewareContext c) throws Exception {
                if (it.hasNext()) {
                    it.next().invoke(c, this);
                } else {
                    ((WorkerContext) c).invokeFunction();
                }
            }
        };
        chain.doNext(context);
    }
}
