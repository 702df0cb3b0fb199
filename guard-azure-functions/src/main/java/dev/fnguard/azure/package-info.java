/**
 * fnguard on Azure Functions: {@link dev.fnguard.azure.GuardMiddleware}, the worker middleware that
 * guards string triggers (Queue Storage, Service Bus, blobs, Event Hubs, IoT Hub) with no code change,
 * and {@link dev.fnguard.azure.AzureGuard#http}, the one call that guards an HTTP function.
 */
package dev.fnguard.azure;
