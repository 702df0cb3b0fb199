package dev.fnguard.spi;

/**
 * The answer of a spend counter.
 *
 * @param charged whether the amount was added
 * @param total the counter's value after the call
 */
public record SpendProbe(boolean charged, long total) {
}
