package dev.fnguard.azure;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Test payload with the constraints of the examples' {@code OrderRequest}. */
public record Order(
        @NotNull @Pattern(regexp = "^[A-Z0-9-]{3,32}$") String sku,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        @Size(max = 280) String note,
        @Size(max = 254) @Email String email) {
}
