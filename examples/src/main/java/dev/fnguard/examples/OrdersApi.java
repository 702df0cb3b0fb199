package dev.fnguard.examples;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.lambda.GuardedHttpHandler;
import java.util.UUID;

/**
 * {@code POST /orders}: accepts an order and answers 201 with its id.
 *
 * <p>Lambda handler: {@code dev.fnguard.examples.OrdersApi::handleRequest}. Works behind API Gateway
 * REST and HTTP APIs, a Function URL, or an ALB. Everything before {@link #handle} is the guard's:
 * the body is at most 16 KiB, JSON, bound strictly to {@link OrderRequest} and validated.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
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
