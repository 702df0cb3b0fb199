package dev.fnguard.examples.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import dev.fnguard.GuardContext;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import dev.fnguard.azure.AzureGuard;
import dev.fnguard.examples.OrderCreated;
import dev.fnguard.examples.OrderRequest;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code POST /api/orders} on Azure Functions, with the same contract as the Lambda {@code OrdersApi}:
 * the body is at most 16 KiB, JSON, bound strictly to {@link OrderRequest} and validated; the answer is
 * 201 with the new order's id, or the same problem documents and security headers as on Lambda.
 *
 * <p>The worker does not show HTTP requests to middleware, so the guard is the one call in
 * {@link #run}; the policy is the {@code @Guarded} on this class.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
public final class OrdersHttp {

    private final AzureGuard guard;

    /** The constructor the worker calls: the process-wide guard (process environment, SLF4J audit). */
    public OrdersHttp() {
        this(AzureGuard.shared());
    }

    /**
     * For tests and the drill.
     *
     * @param guard the guard to use
     */
    public OrdersHttp(AzureGuard guard) {
        this.guard = guard;
    }

    /**
     * The function.
     *
     * @param request the request, body as text so that the guard sees it raw
     * @param context the execution context
     * @return 201, or the guard's answer
     */
    @FunctionName("OrdersHttp")
    public HttpResponseMessage run(
            @HttpTrigger(name = "req", methods = {HttpMethod.POST}, route = "orders",
                    authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            ExecutionContext context) {
        return guard.handle(request, context, this::createOrder);
    }

    /**
     * Creates an order; only ever called with a validated one.
     *
     * @param order the order
     * @param context request id, caller, time left
     * @return 201 with the order's id
     */
    public HttpReply<OrderCreated> createOrder(OrderRequest order, GuardContext context) {
        // a real function would store the order here; the guard has already validated it
        return HttpReply.created(new OrderCreated(UUID.randomUUID()));
    }
}
