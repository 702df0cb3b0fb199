package dev.fnguard;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the guard enforces for one handler: immutable, built once at init from {@link Guarded} or
 * {@link #builder()}, then completed by {@code FNGUARD_*} environment variables.
 *
 * <p>Composition order, in one sentence: the annotation (or builder) gives the base, and
 * {@link #withEnvironment(Map)} applies the environment on top, where it may switch checks to
 * monitor mode and tighten limits but never loosen them.
 */
public final class Policy {

    /** Environment variable: {@code enforce} or {@code monitor} for every check. */
    public static final String ENV_MODE = "FNGUARD_MODE";
    /** Environment variable: comma-separated check names that run in monitor mode. */
    public static final String ENV_MONITOR_CHECKS = "FNGUARD_MONITOR_CHECKS";
    /** Environment variable: a lower payload limit in bytes. */
    public static final String ENV_MAX_BODY_BYTES = "FNGUARD_MAX_BODY_BYTES";

    private static final Policy DEFAULTS = builder().build();

    private final Mode mode;
    private final Set<String> monitoredChecks;
    private final LimitSettings limits;
    private final HttpSettings http;

    private Policy(Builder b) {
        this.mode = b.mode;
        this.monitoredChecks = Set.copyOf(b.monitoredChecks);
        this.limits = b.limits;
        this.http = b.http;
    }

    /**
     * A builder with the defaults: enforce, default {@link LimitSettings} and {@link HttpSettings}.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The default policy.
     *
     * @return defaults
     */
    public static Policy defaults() {
        return DEFAULTS;
    }

    /**
     * Compiles an annotation.
     *
     * @param guarded the annotation
     * @return the policy it declares
     */
    public static Policy of(Guarded guarded) {
        return builder()
                .mode(guarded.mode())
                .monitor(guarded.monitor())
                .limits(LimitSettings.of(guarded.limits()))
                .http(HttpSettings.of(guarded.http()))
                .build();
    }

    /**
     * Compiles the {@link Guarded} annotation of a handler class, or gives the defaults when absent.
     *
     * @param handlerClass the class
     * @return the policy
     */
    public static Policy forClass(Class<?> handlerClass) {
        return COMPILED.get(handlerClass);
    }

    /** Annotations compiled once per handler class (a JDK-managed, class-unloading-safe cache). */
    private static final ClassValue<Policy> COMPILED = new ClassValue<>() {
        @Override
        protected Policy computeValue(Class<?> type) {
            Guarded g = type.getAnnotation(Guarded.class);
            return g == null ? DEFAULTS : of(g);
        }
    };

    /**
     * A builder starting from this policy.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.mode = mode;
        b.monitoredChecks.addAll(monitoredChecks);
        b.limits = limits;
        b.http = http;
        return b;
    }

    /**
     * Applies the {@code FNGUARD_*} variables ({@value #ENV_MODE}, {@value #ENV_MONITOR_CHECKS},
     * {@value #ENV_MAX_BODY_BYTES}) on top of this policy.
     *
     * @param env the environment, for example {@code System.getenv()}
     * @return the completed policy
     * @throws IllegalArgumentException naming the variable when a value is invalid or would loosen
     *     the policy
     */
    public Policy withEnvironment(Map<String, String> env) {
        Builder b = toBuilder();
        String mode = blankToNull(env.get(ENV_MODE));
        if (mode != null) {
            b.mode(Mode.parse(mode, ENV_MODE));
        }
        String monitor = blankToNull(env.get(ENV_MONITOR_CHECKS));
        if (monitor != null) {
            b.monitor(monitor.split(","));
        }
        String body = blankToNull(env.get(ENV_MAX_BODY_BYTES));
        if (body != null) {
            int bytes;
            try {
                bytes = Integer.parseInt(body.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_MAX_BODY_BYTES + " must be a number of bytes, was '" + body + "'");
            }
            if (bytes > limits.maxBodyBytes()) {
                throw new IllegalArgumentException(ENV_MAX_BODY_BYTES + " may only lower the limit of "
                        + limits.maxBodyBytes() + " bytes declared by the handler, was " + bytes);
            }
            b.limits(limits.withMaxBodyBytes(bytes));
        }
        return b.build();
    }

    /** @return the global mode */
    public Mode mode() {
        return mode;
    }

    /** @return checks that run in monitor mode whatever the global mode */
    public Set<String> monitoredChecks() {
        return monitoredChecks;
    }

    /**
     * The mode a given check runs in.
     *
     * @param checkName the check's {@link Check#name()}
     * @return monitor when the global mode is monitor or the check is listed, else enforce
     */
    public Mode modeFor(String checkName) {
        return mode == Mode.MONITOR || monitoredChecks.contains(checkName) ? Mode.MONITOR : Mode.ENFORCE;
    }

    /** @return the size and shape limits */
    public LimitSettings limits() {
        return limits;
    }

    /** @return the HTTP transport rules */
    public HttpSettings http() {
        return http;
    }

    @Override
    public String toString() {
        return "Policy[mode=" + mode + ", monitor=" + monitoredChecks + ", " + limits + ", " + http + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** Builds a {@link Policy}; every setter validates at once. */
    public static final class Builder {
        private Mode mode = Mode.ENFORCE;
        private final Set<String> monitoredChecks = new LinkedHashSet<>();
        private LimitSettings limits = LimitSettings.defaults();
        private HttpSettings http = HttpSettings.defaults();

        private Builder() {
        }

        /** @param mode the global mode (default enforce) @return this */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** @param checkNames checks to run in monitor mode @return this */
        public Builder monitor(String... checkNames) {
            Arrays.stream(checkNames)
                    .map(s -> s.strip().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty())
                    .forEach(monitoredChecks::add);
            return this;
        }

        /** @param limits the limits (default {@link LimitSettings#defaults()}) @return this */
        public Builder limits(LimitSettings limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** @param http the HTTP rules (default {@link HttpSettings#defaults()}) @return this */
        public Builder http(HttpSettings http) {
            this.http = Objects.requireNonNull(http, "http");
            return this;
        }

        /** @return the policy */
        public Policy build() {
            return new Policy(this);
        }
    }
}
