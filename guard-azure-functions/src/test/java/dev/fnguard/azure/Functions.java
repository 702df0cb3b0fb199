package dev.fnguard.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.BlobTrigger;
import com.microsoft.azure.functions.annotation.Cardinality;
import com.microsoft.azure.functions.annotation.EventHubTrigger;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusQueueTrigger;
import com.microsoft.azure.functions.annotation.ServiceBusTopicTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import dev.fnguard.GuardContext;
import dev.fnguard.Guarded;
import dev.fnguard.Http;
import dev.fnguard.HttpReply;
import dev.fnguard.Limits;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A function app for the tests: one function per trigger, guarded at class level. */
@Guarded(limits = @Limits(maxBodyBytes = 16 * 1024), http = @Http(methods = "POST"))
public class Functions {

    /** @param order the validated order @param context the context */
    @FunctionName("QueueOrders")
    public void queueOrders(@QueueTrigger(name = "msg", queueName = "orders", connection = "Storage") Order order,
            ExecutionContext context) {
        ((WorkerContext) context).received(order);
    }

    /** @param message the message text @param context the context */
    @FunctionName("QueueText")
    public void queueText(@QueueTrigger(name = "msg", queueName = "%OrdersQueue%", connection = "Storage",
            dataType = "string") String message, ExecutionContext context) {
        ((WorkerContext) context).received(message);
    }

    /** @param order the order @param context the context */
    @FunctionName("QueueThrows")
    public void queueThrows(@QueueTrigger(name = "msg", queueName = "orders", connection = "Storage") Order order,
            ExecutionContext context) {
        throw new IllegalStateException("downstream failed for " + order.sku());
    }

    /** @param order the order @param context the context */
    @FunctionName("ServiceBusOrders")
    public void serviceBusOrders(@ServiceBusQueueTrigger(name = "message", queueName = "orders",
            connection = "ServiceBus") Order order, ExecutionContext context) {
        ((WorkerContext) context).received(order);
    }

    /** @param message the message @param context the context */
    @FunctionName("ServiceBusTopic")
    public void serviceBusTopic(@ServiceBusTopicTrigger(name = "message", topicName = "orders",
            subscriptionName = "billing", connection = "ServiceBus") String message, ExecutionContext context) {
        ((WorkerContext) context).received(message);
    }

    /** @param content the blob content @param context the context */
    @FunctionName("BlobOrders")
    public void blobOrders(@BlobTrigger(name = "content", path = "uploads/{name}", connection = "Storage",
            dataType = "string") String content, ExecutionContext context) {
        ((WorkerContext) context).received(content);
    }

    /** @param content the blob content @param name the blob name @param context the context */
    @FunctionName("BlobNamed")
    public void blobNamed(@BlobTrigger(name = "content", path = "uploads/{name}", connection = "Storage",
            dataType = "string") String content, @BindingName("name") String name, ExecutionContext context) {
        ((WorkerContext) context).received(AzureGuard.blobName(name, context));
    }

    /** @param events the batch @param context the context */
    @FunctionName("Telemetry")
    public void telemetry(@EventHubTrigger(name = "events", eventHubName = "telemetry", connection = "EventHubs",
            cardinality = Cardinality.MANY, dataType = "string") List<String> events, ExecutionContext context) {
        ((WorkerContext) context).received(AzureGuard.messages(events, context, Order.class));
    }

    /** @param messages the batch @param context the context */
    @FunctionName("Devices")
    public void devices(@EventHubTrigger(name = "messages", eventHubName = "", connection = "IoTHubEndpoint",
            cardinality = Cardinality.MANY, dataType = "string") List<String> messages, ExecutionContext context) {
        ((WorkerContext) context).received(AzureGuard.messages(messages, context, String.class));
    }

    /** @param timer the timer info @param context the context */
    @FunctionName("Cleanup")
    public void cleanup(@TimerTrigger(name = "timer", schedule = "0 */5 * * * *") String timer,
            ExecutionContext context) {
        ((WorkerContext) context).received(timer);
    }

    /**
     * @param request the request
     * @param context the context
     * @return the response
     */
    @FunctionName("OrdersHttp")
    public HttpResponseMessage ordersHttp(@HttpTrigger(name = "req", methods = HttpMethod.POST,
            authLevel = AuthorizationLevel.FUNCTION) HttpRequestMessage<Optional<String>> request,
            ExecutionContext context) {
        return AzureGuard.http(request, context, this::createOrder);
    }

    /**
     * The guarded part of {@code OrdersHttp}.
     *
     * @param order the validated order
     * @param ctx the guard context
     * @return 201
     */
    public HttpReply<Map<String, UUID>> createOrder(Order order, GuardContext ctx) {
        if (order.sku().equals("BOOM")) {
            throw new IllegalStateException("database down: jdbc:postgresql://db/orders");
        }
        return HttpReply.created(Map.of("orderId", UUID.randomUUID()));
    }
}
