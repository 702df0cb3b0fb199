package dev.fnguard.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import dev.fnguard.GuardContext;
import dev.fnguard.Guarded;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import java.util.Optional;

/** Functions without a class-level {@code @Guarded}. */
public class PlainFunctions {

    /** @param message the message @param context the context */
    @FunctionName("Unguarded")
    public void unguarded(@QueueTrigger(name = "msg", queueName = "audit", connection = "Storage") String message,
            ExecutionContext context) {
        ((WorkerContext) context).received(message);
    }

    /**
     * @param request the request
     * @param context the context
     * @return the response
     */
    @Guarded(limits = @Limits(maxBodyBytes = 64))
    @FunctionName("TinyHttp")
    public HttpResponseMessage tinyHttp(@HttpTrigger(name = "req", methods = HttpMethod.POST,
            authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            ExecutionContext context) {
        return AzureGuard.http(request, context, this::accept);
    }

    /**
     * @param order the order
     * @param ctx the guard context
     * @return 200
     */
    public HttpReply<String> accept(Order order, GuardContext ctx) {
        return HttpReply.ok(order.sku());
    }

    /** @param order the order @param context the context */
    @Guarded
    @FunctionName("GuardedMethod")
    public void guardedMethod(@QueueTrigger(name = "msg", queueName = "orders", connection = "Storage") Order order,
            ExecutionContext context) {
        ((WorkerContext) context).received(order);
    }
}
