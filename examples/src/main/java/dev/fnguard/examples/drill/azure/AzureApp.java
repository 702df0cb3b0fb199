package dev.fnguard.examples.drill.azure;

import java.util.Map;

/** The app settings of the example function app, as the drill runs it (Azurite storage). */
final class AzureApp {

    static final Map<String, String> SETTINGS = Map.of(
            "FNGUARD_AZURE_FUNCTION_CLASSES",
            "dev.fnguard.examples.azure.OrdersHttp,dev.fnguard.examples.azure.OrdersQueue",
            "AzureWebJobsStorage", "UseDevelopmentStorage=true",
            "ORDERS_QUEUE", "orders");

    private AzureApp() {
    }
}
