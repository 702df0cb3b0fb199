package dev.fnguard.lambda.internal;

/**
 * Thrown by the drop-in entry point, after auditing, when the guarded handler failed on an event of
 * an asynchronous source (S3, IoT): the platform then retries the event or sends it to its failure
 * destination, as it would have without the guard. It names the request id only; what the handler
 * threw is in the function's log and the audit event, never in the platform's error record.
 */
public final class HandlerFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param requestId the request id
     */
    public HandlerFailedException(String requestId) {
        super("the guarded handler failed on request " + requestId + "; see the function's log", null, false, false);
    }
}
