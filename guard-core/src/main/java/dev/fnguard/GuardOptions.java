package dev.fnguard;

import dev.fnguard.spi.ReplayStore;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The collaborators of a guard that are not policy: the environment it reads {@code FNGUARD_*}
 * variables from, the audit sink, and the clock. Tests pass their own; functions use
 * {@link #defaults()}.
 */
public final class GuardOptions {

    private final Map<String, String> environment;
    private final AuditSink auditSink;
    private final Clock clock;
    private final Optional<ReplayStore> replayStore;

    private GuardOptions(Builder b) {
        this.replayStore = Optional.ofNullable(b.replayStore);
        this.environment = Map.copyOf(b.environment);
        this.auditSink = b.auditSink;
        this.clock = b.clock;
    }

    /**
     * The process environment, the SLF4J audit sink and the UTC system clock.
     *
     * @return the defaults
     */
    public static GuardOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the environment variables */
    public Map<String, String> environment() {
        return environment;
    }

    /** @return the audit sink */
    public AuditSink auditSink() {
        return auditSink;
    }

    /** @return the clock */
    public Clock clock() {
        return clock;
    }

    /** @return the replay store for webhook signatures, when one is given (else one in memory per guard) */
    public Optional<ReplayStore> replayStore() {
        return replayStore;
    }

    /** Builds {@link GuardOptions}. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private AuditSink auditSink = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private ReplayStore replayStore;

        private Builder() {
        }

        /** @param env the environment (default {@code System.getenv()}) @return this */
        public Builder environment(Map<String, String> env) {
            this.environment = Objects.requireNonNull(env, "environment");
            return this;
        }

        /** @param sink the audit sink (default {@link AuditSink#slf4j()}) @return this */
        public Builder auditSink(AuditSink sink) {
            this.auditSink = Objects.requireNonNull(sink, "auditSink");
            return this;
        }

        /** @param clock the clock (default UTC) @return this */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @param store a shared replay store (default: one in memory per guard)
         * @return this
         */
        public Builder replayStore(ReplayStore store) {
            this.replayStore = Objects.requireNonNull(store, "replayStore");
            return this;
        }

        /** @return the options */
        public GuardOptions build() {
            return new GuardOptions(this);
        }
    }
}
