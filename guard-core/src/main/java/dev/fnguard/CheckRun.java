package dev.fnguard;

/**
 * One check's part in an invocation, for the audit event.
 *
 * @param name the check's name
 * @param decision its worst decision over the records it saw
 * @param nanos time spent in it
 */
public record CheckRun(String name, Decision decision, long nanos) {
}
