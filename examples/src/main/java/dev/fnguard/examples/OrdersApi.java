package dev.fnguard.examples;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.budget.Budget;
import dev.fnguard.lambda.GuardedHttpHandler;
import java.util.UUID;

/**
 * {@code POST /orders}: accepts an order and answers 201 with its id.
 *
 * <p>Lambda handler: {@code dev.fnguard.examples.OrdersApi::handleRequest}. Works behind API Gateway
 * REST and HTTP APIs, a Function URL, or an ALB. Everything before {@link #handle} is the guard's:
 * the body is at most 16 KiB, JSON, bound strictly to {@link OrderRequest} and validated, and each caller
 * (the client IP here, the verified subject once authentication is declared) may send 60 requests a
 * minute with bursts of 10; more are answered 429 with {@code Retry-After}. With guard-redis on the
 * class path (it is, for the examples) and {@code FNGUARD_REDIS_URL} set, every instance of the
 * function shares that budget.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"),
        budget = @Budget(callerPerMinute = 60, callerBurst = 10))
public final class OrdersApi extends GuardedHttpHandler<OrderRequest, OrderCreated> {

    /** The constructor the Lambda runtime calls. */
    public OrdersApi() {
        super();
    }

    /**
     * For tests and the drill.
     *
     * @param options environment, audit sink and clock
     */
    public OrdersApi(GuardOptions options) {
        super(options);
    }

    @Override
    protected HttpReply<OrderCreated> handle(OrderRequest order, GuardContext context) {
        // a real function would store the order here; the guard has already validated it
        return HttpReply.created(new OrderCreated(UUID.randomUUID()));
    }
}
