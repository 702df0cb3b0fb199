package dev.fnguard.examples;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;

/**
 * The body of one message of the payments queue.
 *
 * @param paymentId the payment's UUID
 * @param amountCents 1 to 10,000,000
 * @param currency ISO 4217 style code: three capital letters
 */
public record Payment(
        @NotNull UUID paymentId,
        @NotNull @Min(1) @Max(10_000_000) Long amountCents,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$") String currency) {
}
