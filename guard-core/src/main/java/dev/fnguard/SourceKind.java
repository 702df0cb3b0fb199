package dev.fnguard;

/** The kind of event source that invoked a function, independent of the cloud. */
public enum SourceKind {
    /** An HTTP request (API Gateway, Function URL, ALB, Azure HTTP trigger). */
    HTTP,
    /** An object store notification (S3, Azure Blob). */
    OBJECT_STORE,
    /** A queue message batch (SQS, Azure Queue Storage, Service Bus). */
    QUEUE,
    /** A pub/sub topic notification (SNS). */
    TOPIC,
    /** A stream batch (Kinesis, DynamoDB Streams, Event Hubs). */
    STREAM,
    /** An IoT message (AWS IoT Core rule, Azure IoT Hub). */
    IOT,
    /** A scheduled event. */
    SCHEDULE,
    /** An event bus event (EventBridge). */
    EVENT,
    /** A direct invocation or an event the guard does not recognize. */
    UNKNOWN
}
