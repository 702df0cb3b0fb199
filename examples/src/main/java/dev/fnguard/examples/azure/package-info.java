/**
 * The example function app for Azure Functions: {@link dev.fnguard.examples.azure.OrdersHttp} (HTTP,
 * guarded by one call) and {@link dev.fnguard.examples.azure.OrdersQueue} (Queue Storage, guarded by the
 * middleware with no code) and {@link dev.fnguard.examples.azure.OrdersStream} (Event Hubs batches,
 * one call). {@code host.json} and a sample {@code local.settings.json} are in
 * {@code examples/azure/}; {@code mvn -Pazure package} builds the app with the Azure Functions Maven plugin.
 */
package dev.fnguard.examples.azure;
