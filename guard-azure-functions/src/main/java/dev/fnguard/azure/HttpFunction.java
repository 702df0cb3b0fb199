package dev.fnguard.azure;

import dev.fnguard.GuardContext;
import dev.fnguard.HttpReply;
import java.io.Serializable;

/**
 * The guarded part of an HTTP function: called by {@link AzureGuard#http} with the validated payload,
 * only for an allowed request. Usually a method reference, {@code this::createOrder}.
 *
 * <p>It is {@link Serializable} only so that the guard can learn, once per function, the payload
 * class from the method it refers to; nothing is ever serialized.
 *
 * @param <I> the payload type
 * @param <O> the reply body type
 */
@FunctionalInterface
public interface HttpFunction<I, O> extends Serializable {

    /**
     * Handles one allowed request.
     *
     * @param payload the body, bound and validated
     * @param context request id, caller, route, headers and time left
     * @return the reply; its body is serialized as JSON
     * @throws Exception anything; the caller gets a generic 500 with the request id
     */
    HttpReply<O> handle(I payload, GuardContext context) throws Exception;
}
