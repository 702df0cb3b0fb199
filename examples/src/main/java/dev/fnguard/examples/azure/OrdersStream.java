package dev.fnguard.examples.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import dev.fnguard.Guarded;
import dev.fnguard.Limits;
import dev.fnguard.azure.AzureGuard;
import dev.fnguard.examples.OrderRequest;
import java.util.List;

/**
 * Orders arriving in batches from the Event Hub named by the {@code ORDERS_HUB} app setting. The
 * worker hands batches to middleware as collections it cannot read, so the guard is one call: each
 * message is checked on its own, and only valid orders come back; denied ones are audited and left out.
 */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024))
public final class OrdersStream {

    private final AzureGuard guard;

    /** The constructor the worker calls: the process-wide guard. */
    public OrdersStream() {
        this(AzureGuard.shared());
    }

    /**
     * For tests and the drill.
     *
     * @param guard the guard to use
     */
    public OrdersStream(AzureGuard guard) {
        this.guard = guard;
    }

    /**
     * The function.
     *
     * @param events the batch, as the worker delivers it
     * @param context the execution context
     */
    @FunctionName("OrdersStream")
    public void run(@EventHubTrigger(name = "events", eventHubName = "%ORDERS_HUB%", connection = "OrdersHub",
            cardinality = Cardinality.MANY, dataType = "string") List<String> events, ExecutionContext context) {
        List<OrderRequest> orders = guard.checkMessages(events, context, OrderRequest.class);
        // a real function would fulfil the orders; log no payload content
        context.getLogger().info(orders.size() + " of " + events.size() + " orders accepted");
    }
}
