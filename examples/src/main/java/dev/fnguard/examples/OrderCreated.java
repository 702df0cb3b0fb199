package dev.fnguard.examples;

import java.util.UUID;

/**
 * The answer to an accepted order.
 *
 * @param orderId the new order's id
 */
public record OrderCreated(UUID orderId) {
}
