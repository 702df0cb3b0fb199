package dev.fnguard.lambda.internal;

import dev.fnguard.Invocation;

/**
 * A native event mapped for the drop-in entry point: the invocation with one record per native
 * record (in the order of the event's {@code Records} array, if it has one), and what is needed to
 * answer it.
 *
 * @param invocation the invocation
 * @param orderKeys per record, the key whose order must be kept (SQS FIFO message group), or null
 * @param failureIds per record, the id reported in {@code batchItemFailures}
 * @param multiValueHeaders for an HTTP event, whether it used multi-value headers (ALB answers in kind)
 */
record EntryEvent(Invocation invocation, String[] orderKeys, String[] failureIds, boolean multiValueHeaders) {

    /** A mapped batch. */
    static EntryEvent of(BatchEvent batch) {
        return new EntryEvent(batch.invocation(), batch.orderKeys(), batch.failureIds(), false);
    }

    /** A mapped HTTP event: one record, nothing to report. */
    static EntryEvent of(HttpEvent http) {
        String[] ids = new String[http.invocation().records().size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = http.invocation().records().get(i).id();
        }
        return new EntryEvent(http.invocation(), new String[ids.length], ids, http.multiValueHeaders());
    }
}
