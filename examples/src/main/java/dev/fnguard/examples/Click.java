package dev.fnguard.examples;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One record of the click stream.
 *
 * @param sessionId the browser session: 8 to 64 letters, digits or dashes
 * @param page the path clicked: {@code /} and up to 200 of letters, digits, {@code /._-}
 * @param ts epoch milliseconds
 */
public record Click(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9-]{8,64}$") String sessionId,
        @NotNull @Pattern(regexp = "^/[A-Za-z0-9/._-]{0,200}$") String page,
        @NotNull @Min(0) Long ts) {
}
