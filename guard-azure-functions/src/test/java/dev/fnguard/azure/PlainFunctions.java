package dev.fnguard.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import dev.fnguard.Guarded;

/** Functions without a class-level {@code @Guarded}. */
public class PlainFunctions {

    /** @param message the message @param context the context */
    @FunctionName("Unguarded")
    public void unguarded(@QueueTrigger(name = "msg", queueName = "audit", connection = "Storage") String message,
            ExecutionContext context) {
        ((WorkerContext) context).received(message);
    }

    /** @param order the order @param context the context */
    @Guarded
    @FunctionName("GuardedMethod")
    public void guardedMethod(@QueueTrigger(name = "msg", queueName = "orders", connection = "Storage") Order order,
            ExecutionContext context) {
        ((WorkerContext) context).received(order);
    }
}
