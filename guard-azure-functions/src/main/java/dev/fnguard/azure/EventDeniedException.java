package dev.fnguard.azure;

import dev.fnguard.Reason;

/**
 * Thrown by the middleware, instead of calling the function, when it denies a Queue Storage or
 * Service Bus message: the invocation fails, so the host retries the message and finally moves it
 * to the poison queue (Queue Storage) or the dead-letter queue (Service Bus), where it can be
 * inspected. Nothing is silently dropped. {@code FNGUARD_AZURE_ON_DENY=drop} completes such
 * invocations instead (the message is consumed; the audit event remains).
 *
 * <p>The message names the reason code and the invocation id, never payload content.
 */
public final class EventDeniedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason the reason code of the denial
     * @param invocationId the invocation id
     */
    public EventDeniedException(Reason reason, String invocationId) {
        super("fnguard denied the message of invocation " + invocationId + ": " + reason.name(), null, false, false);
        this.reason = reason;
    }

    /** @return the reason code of the denial */
    public Reason reason() {
        return reason;
    }
}
