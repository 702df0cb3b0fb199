package dev.fnguard.examples;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /orders}.
 *
 * @param sku stock-keeping unit: 3 to 32 capital letters, digits or dashes
 * @param quantity 1 to 1000
 * @param note optional free text, at most 280 characters
 * @param email optional contact address
 */
public record OrderRequest(
        @NotNull @Pattern(regexp = "^[A-Z0-9-]{3,32}$") String sku,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        @Size(max = 280) String note,
        @Size(max = 254) @Email String email) {
}
