package dev.fnguard.lambda;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Test payload: the message of AWS's sample SNS event, {@code {"id": 42, "name": "Bob"}}. */
public record Person(@NotNull @Min(1) @Max(1_000_000) Integer id, @NotNull @Pattern(regexp = "^[A-Za-z ]{1,64}$") String name) {
}
