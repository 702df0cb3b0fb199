package dev.fnguard;

import dev.fnguard.spi.Stores;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;

/**
 * The collaborators of a guard that are not policy: the environment it reads {@code FNGUARD_*}
 * variables from, the audit sink, the clock, and the budget and replay stores. Tests pass their own; functions use
 * {@link #defaults()}.
 */
public final class GuardOptions {

    private final Map<String, String> environment;
    private final AuditSink auditSink;
    private final Clock clock;
    private final Stores stores;

    private GuardOptions(Builder b) {
        this.environment = Map.copyOf(b.environment);
        this.auditSink = b.auditSink;
        this.clock = b.clock;
        this.stores = b.stores != null ? b.stores : Stores.fromEnvironment(this.environment);
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

    /**
     * The budget and replay stores: those given to the builder, else the ones the environment asks for
     * ({@link Stores#fromEnvironment}: Redis when {@code FNGUARD_REDIS_URL} is set and guard-redis is
     * present, in memory otherwise), opened once when the options are built.
     *
     * @return the stores
     */
    public Stores stores() {
        return stores;
    }

    /** Builds {@link GuardOptions}. */
    public static final class Builder {
        private Map<String, String> environment = System.getenv();
        private AuditSink auditSink = AuditSink.slf4j();
        private Clock clock = Clock.systemUTC();
        private Stores stores;

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

        /** @param stores the stores (default: chosen by the environment) @return this */
        public Builder stores(Stores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
            return this;
        }

        /** @return the options */
        public GuardOptions build() {
            return new GuardOptions(this);
        }
    }
}
