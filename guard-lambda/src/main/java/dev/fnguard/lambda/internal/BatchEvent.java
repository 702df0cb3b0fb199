package dev.fnguard.lambda.internal;

import dev.fnguard.Invocation;

/**
 * A native batch event mapped for the guard.
 *
 * @param invocation the invocation with one record per native record
 * @param orderKeys per record, the key whose order must be kept (SQS FIFO message group), or null
 * @param failureIds per record, the id reported in {@code batchItemFailures}
 */
public record BatchEvent(Invocation invocation, String[] orderKeys, String[] failureIds) {
}
