package dev.fnguard.auth.internal;

import dev.fnguard.Invocation;

/** One way of verifying callers; built once at init, thread-safe, never throws for bad input. */
interface Authenticator {

    /**
     * Looks for this authenticator's credential and verifies it.
     *
     * @param invocation the invocation
     * @return absent when the invocation carries no credential of this kind
     */
    Authentication authenticate(Invocation invocation);
}
