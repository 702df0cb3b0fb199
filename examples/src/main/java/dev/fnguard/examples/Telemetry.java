package dev.fnguard.examples;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * One telemetry reading published by a device.
 *
 * @param deviceId 4 to 64 lower-case letters, digits or dashes
 * @param ts the reading time in epoch milliseconds
 * @param temperature degrees Celsius, -50 to 150
 */
public record Telemetry(
        @NotNull @Pattern(regexp = "^[a-z0-9-]{4,64}$") String deviceId,
        @NotNull @Positive Long ts,
        @NotNull @DecimalMin("-50") @DecimalMax("150") Double temperature) {
}
