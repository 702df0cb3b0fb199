package dev.fnguard.budget;

/** What a budget does when its {@link dev.fnguard.spi.BudgetStore store} cannot be reached in time. */
public enum FailMode {
    /** Let the invocation through and flag it {@code STORE_UNAVAILABLE} in the audit event. */
    OPEN,
    /** Refuse the invocation with {@code STORE_UNAVAILABLE} (HTTP 503): the default. */
    CLOSED
}
