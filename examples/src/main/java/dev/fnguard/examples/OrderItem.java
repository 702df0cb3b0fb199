package dev.fnguard.examples;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * One item of the orders table, as its stream images carry it (converted to plain JSON).
 *
 * @param orderId the order's UUID (the table's partition key)
 * @param status {@code PLACED}, {@code PAID}, {@code SHIPPED} or {@code CANCELLED}
 * @param total the order total, exact: at most 9 integer digits and 2 decimals, not negative
 * @param currency three capital letters
 */
public record OrderItem(
        @NotNull UUID orderId,
        @NotNull @Pattern(regexp = "^(PLACED|PAID|SHIPPED|CANCELLED)$") String status,
        @NotNull @DecimalMin("0.00") @Digits(integer = 9, fraction = 2) BigDecimal total,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {
}
