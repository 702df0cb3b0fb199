package dev.fnguard.examples;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.detect.Detect;
import dev.fnguard.detect.Detector;
import dev.fnguard.lambda.GuardedHttpHandler;
import java.util.UUID;

/**
 * {@code POST /orders}: accepts an order and answers 201 with its id.
 *
 * <p>Lambda handler: {@code dev.fnguard.examples.OrdersApi::handleRequest}. Works behind API Gateway
 * REST and HTTP APIs, a Function URL, or an ALB. Everything before {@link #handle} is the guard's:
 * the body is at most 16 KiB, JSON, bound strictly to {@link OrderRequest} and validated, and every
 * string in it (the {@code note} above all), the query, headers and cookies is inspected for SQL,
 * script, command and template injection; a finding is refused with 400.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"),
        detect = @Detect({Detector.SQL, Detector.XSS, Detector.COMMAND, Detector.TEMPLATE}))
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
