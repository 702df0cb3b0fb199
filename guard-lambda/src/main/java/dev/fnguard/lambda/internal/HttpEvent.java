package dev.fnguard.lambda.internal;

import dev.fnguard.Invocation;

/**
 * A native HTTP event mapped to an {@link Invocation}, with what is needed to answer in its shape.
 *
 * @param kind the event format
 * @param invocation the cloud-neutral invocation
 * @param multiValueHeaders whether the request used multi-value headers (ALB answers in kind)
 */
record HttpEvent(HttpEventKind kind, Invocation invocation, boolean multiValueHeaders) {
}
