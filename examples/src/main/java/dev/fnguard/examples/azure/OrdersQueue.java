package dev.fnguard.examples.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.examples.OrderRequest;

/**
 * Orders arriving on the Queue Storage queue named by the {@code ORDERS_QUEUE} app setting. Nothing
 * here calls the guard: {@code guard-azure-functions} on the classpath registers its middleware,
 * which reads the message, validates it against {@link OrderRequest}, and calls {@link #run} only
 * with a valid order. A denied message fails the invocation, so the host retries it and finally
 * moves it to {@code <queue>-poison}; every attempt is audited.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024))
public final class OrdersQueue {

    /**
     * The function.
     *
     * @param order the validated order
     * @param context the execution context
     */
    @FunctionName("OrdersQueue")
    public void run(@QueueTrigger(name = "order", queueName = "%ORDERS_QUEUE%", connection = "AzureWebJobsStorage",
            dataType = "string") OrderRequest order, ExecutionContext context) {
        // a real function would fulfil the order; log no payload content, only what is safe
        context.getLogger().info("order accepted, quantity " + order.quantity());
    }
}
