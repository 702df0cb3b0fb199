package dev.fnguard.azure.internal;

import dev.fnguard.SourceKind;

/** The Azure triggers the guard knows, with the cloud-neutral kind and the audit type of each. */
public enum TriggerKind {
    /** {@code @HttpTrigger}: guarded inside the function with {@code AzureGuard.http}. */
    HTTP(SourceKind.HTTP, "azure-http", "http"),
    /** {@code @BlobTrigger}. */
    BLOB(SourceKind.OBJECT_STORE, "azure-blob", "blob"),
    /** {@code @QueueTrigger} (Queue Storage). */
    QUEUE(SourceKind.QUEUE, "azure-queue", "queue"),
    /** {@code @ServiceBusQueueTrigger} and {@code @ServiceBusTopicTrigger}. */
    SERVICE_BUS(SourceKind.QUEUE, "azure-servicebus", "servicebus"),
    /** {@code @EventHubTrigger} on an Event Hub. */
    EVENT_HUB(SourceKind.STREAM, "azure-eventhub", "eventhub"),
    /** {@code @EventHubTrigger} on an IoT Hub's built-in (Event Hub compatible) endpoint. */
    IOT_HUB(SourceKind.IOT, "azure-iothub", "iothub");

    private final SourceKind kind;
    private final String type;
    private final String prefix;

    TriggerKind(SourceKind kind, String type, String prefix) {
        this.kind = kind;
        this.type = type;
        this.prefix = prefix;
    }

    /** @return the cloud-neutral source kind */
    public SourceKind sourceKind() {
        return kind;
    }

    /** @return the source type written to audit events */
    public String type() {
        return type;
    }

    /** @return the prefix of this trigger's entries in {@code FNGUARD_ALLOWED_SOURCES} */
    public String prefix() {
        return prefix;
    }
}
