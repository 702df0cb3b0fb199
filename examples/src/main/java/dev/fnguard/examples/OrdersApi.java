package dev.fnguard.examples;

import dev.fnguard.GuardContext;
import dev.fnguard.GuardOptions;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.budget.Budget;
import dev.fnguard.auth.Jwt;
import dev.fnguard.auth.RequireScope;
import dev.fnguard.detect.Detect;
import dev.fnguard.detect.Detector;
import dev.fnguard.lambda.GuardedHttpHandler;
import java.util.UUID;

/**
 * {@code POST /orders}: accepts an order and answers 201 with its id.
 *
 * <p>Lambda handler: {@code dev.fnguard.examples.OrdersApi::handleRequest}. Works behind API Gateway
 * REST and HTTP APIs, a Function URL, or an ALB. Everything before {@link #handle} is the guard's:
 * the caller presents a JWT from {@code FNGUARD_JWT_ISSUER} (keys from {@code FNGUARD_JWKS_URL}) for
 * audience {@code orders-api} with scope {@code orders:write}; each caller (the verified subject) may
 * send 60 requests a minute with bursts of 10, more are answered 429 with {@code Retry-After}; the body
 * is at most 16 KiB, JSON, bound strictly to {@link OrderRequest} and validated, and every string in it
 * (the {@code note} above all), the query, headers and cookies is inspected for SQL, script, command
 * and template injection; a finding is refused with 400. With guard-redis on the class path (it is, for
 * the examples) and {@code FNGUARD_REDIS_URL} set, every instance of the function shares the rate budget.
 *
 * <p>Without {@code FNGUARD_JWT_ISSUER} or {@code FNGUARD_JWKS_URL} the function still starts, logs a
 * warning at init, and answers every request 401 ({@code TOKEN_INVALID}, or {@code TOKEN_MISSING}
 * without a token): fail closed, but answerable.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"),
        jwt = @Jwt(audience = "orders-api"),
        budget = @Budget(callerPerMinute = 60, callerBurst = 10),
        detect = @Detect({Detector.SQL, Detector.XSS, Detector.COMMAND, Detector.TEMPLATE}))
@RequireScope("orders:write")
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
