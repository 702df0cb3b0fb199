package dev.fnguard.examples.drill.azure;

import java.util.Map;

/** The app settings of the example function app, as the drill runs it (Azurite storage). */
final class AzureApp {

    static final Map<String, String> SETTINGS = Map.of(
            "FNGUARD_AZURE_FUNCTION_CLASSES",
            "dev.fnguard.examples.azure.OrdersHttp,dev.fnguard.examples.azure.OrdersQueue,"
                    + "dev.fnguard.examples.azure.OrdersStream",
            "AzureWebJobsStorage", "UseDevelopmentStorage=true",
            "ORDERS_QUEUE", "orders",
            "ORDERS_HUB", "orders",
            "OrdersHub", "Endpoint=sb://fnguard-orders.servicebus.windows.net/;SharedAccessKeyName=listen;"
                    + "SharedAccessKey=bm90LWEta2V5");

    private AzureApp() {
    }
}
