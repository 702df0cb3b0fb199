package dev.fnguard.examples;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * The detail of an order event on the orders bus.
 *
 * @param orderId the order's UUID
 * @param sku the product, {@code ^[A-Z0-9-]{3,32}$}
 * @param quantity 1 to 1000
 */
public record OrderEvent(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = "^[A-Z0-9-]{3,32}$") String sku,
        @NotNull @Min(1) @Max(1000) Integer quantity) {
}
