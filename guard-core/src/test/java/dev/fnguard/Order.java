package dev.fnguard;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A payload type for tests. */
record Order(
        @NotNull @Pattern(regexp = "^[A-Z0-9-]{3,32}$") String sku,
        @NotNull @Min(1) @Max(1000) Integer quantity,
        Boolean gift,
        @Size(max = 280) String note,
        @Valid List<@Valid Line> lines) {

    /** A nested type. */
    record Line(@NotNull @Size(min = 1, max = 8) String code) {
    }
}
