package dev.fnguard;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The working state of one inspection: the invocation, the record under inspection (for record
 * checks), and what earlier checks established (the caller, the bound payload).
 *
 * <p>Created by the {@link Guard} for each invocation and each record; confined to one thread.
 */
public final class Inspection {

    private final Invocation invocation;
    private final Policy policy;
    private final EventRecord record;
    private Caller caller;
    private Object payload;
    private boolean undeliverable;
    private List<Settlement> settlements;

    Inspection(Invocation invocation, Policy policy, EventRecord record, Caller caller) {
        this.invocation = invocation;
        this.policy = policy;
        this.record = record;
        this.caller = caller;
    }

    /** @return the invocation */
    public Invocation invocation() {
        return invocation;
    }

    /** @return the policy in force */
    public Policy policy() {
        return policy;
    }

    /** @return the record under inspection; empty for invocation checks */
    public Optional<EventRecord> record() {
        return Optional.ofNullable(record);
    }

    /** @return the caller established so far (anonymous until a check verifies one) */
    public Caller caller() {
        return caller;
    }

    /**
     * Sets the verified caller; for authentication checks.
     *
     * @param caller the caller
     */
    public void caller(Caller caller) {
        this.caller = Objects.requireNonNull(caller, "caller");
    }

    /** @return the typed payload, once the schema check has bound it */
    public Optional<Object> payload() {
        return Optional.ofNullable(payload);
    }

    /**
     * Sets (or replaces, for sanitizing checks) the typed payload.
     *
     * @param payload the payload
     */
    public void payload(Object payload) {
        this.payload = Objects.requireNonNull(payload, "payload");
    }

    /**
     * Marks the record as impossible to hand to user code (for example a body that cannot be bound
     * at all), so that a denial stands even in monitor mode.
     */
    public void markUndeliverable() {
        this.undeliverable = true;
    }

    /**
     * Registers work for the end of the invocation, for invocation-scope checks such as budgets.
     *
     * @param settlement run once by {@link Guard#complete}
     * @throws IllegalStateException when called while inspecting a record
     */
    public void onComplete(Settlement settlement) {
        if (record != null) {
            throw new IllegalStateException("onComplete is for invocation-scope checks");
        }
        if (settlements == null) {
            settlements = new ArrayList<>(2);
        }
        settlements.add(Objects.requireNonNull(settlement, "settlement"));
    }

    List<Settlement> settlements() {
        return settlements == null ? List.of() : settlements;
    }

    /** @return whether the record cannot be delivered whatever the mode */
    public boolean undeliverable() {
        return undeliverable;
    }
}
