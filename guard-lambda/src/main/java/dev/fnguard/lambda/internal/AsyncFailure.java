package dev.fnguard.lambda.internal;

import java.util.List;

/**
 * Thrown at the end of an asynchronous invocation (SNS, EventBridge) in which user code failed on
 * a record, so that Lambda's asynchronous retries and the function's on-failure destination or
 * dead-letter queue get the event: nothing is lost. Denied records never cause it (a throw would
 * make the platform retry a forged event). It carries no cause and no stack trace, so that nothing
 * of the user's exception reaches the on-failure destination's payload.
 */
public final class AsyncFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private AsyncFailure(String message) {
        super(message, null, false, false);
    }

    /**
     * Throws when any record failed in user code.
     *
     * @param failedIds the ids of the records whose handling threw
     */
    public static void throwIfAny(List<String> failedIds) {
        if (!failedIds.isEmpty()) {
            throw new AsyncFailure("fnguard: user code failed on " + failedIds.size()
                    + " record(s); the event is left to Lambda's retries and on-failure destination");
        }
    }
}
