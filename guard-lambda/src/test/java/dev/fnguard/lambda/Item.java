package dev.fnguard.lambda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Test payload. */
public record Item(@NotNull @Pattern(regexp = "^[A-Z0-9-]{3,32}$") String sku, @NotNull @Min(1) @Max(1000) Integer quantity) {
}
