package dev.fnguard;

import dev.fnguard.budget.BudgetSettings;
import dev.fnguard.auth.AuthSettings;
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

    /** Environment variable: comma-separated source patterns that replace the declared allow-list. */
    public static final String ENV_ALLOWED_SOURCES = "FNGUARD_ALLOWED_SOURCES";
    /** Environment variable: a lower cap on a queue message's receive count. */
    public static final String ENV_MAX_RECEIVE_COUNT = "FNGUARD_MAX_RECEIVE_COUNT";
    /** Environment variable: {@code true} turns SNS signature verification on (it cannot turn it off). */
    public static final String ENV_VERIFY_SNS_SIGNATURE = "FNGUARD_VERIFY_SNS_SIGNATURE";
    /** Environment variable: {@code true} drops denied batch records after auditing, {@code false} reports them. */
    public static final String ENV_DROP_DENIED = "FNGUARD_DROP_DENIED";

    /** Environment variable: a lower hop limit for the loop guard ({@link Reason#LOOP}). */
    public static final String ENV_MAX_HOPS = "FNGUARD_MAX_HOPS";
    /** Environment variable: comma-separated AWS account ids (patterns) that replace the declared ones. */
    public static final String ENV_ALLOWED_ACCOUNTS = "FNGUARD_ALLOWED_ACCOUNTS";
    /** Environment variable: comma-separated AWS regions (patterns) that replace the declared ones. */
    public static final String ENV_ALLOWED_REGIONS = "FNGUARD_ALLOWED_REGIONS";

    private static final Policy DEFAULTS = builder().build();

    private final Mode mode;
    private final Set<String> monitoredChecks;
    private final LimitSettings limits;
    private final HttpSettings http;
    private final BudgetSettings budget;
    private final AuthSettings auth;
    private final dev.fnguard.detect.DetectSettings detect;
    private final SourceSettings sources;

    private Policy(Builder b) {
        this.auth = b.auth;
        this.detect = b.detect;
        this.sources = b.sources;
        this.mode = b.mode;
        this.monitoredChecks = Set.copyOf(b.monitoredChecks);
        this.limits = b.limits;
        this.http = b.http;
        this.budget = b.budget;
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
        return of(guarded, null);
    }

    private static Policy of(Guarded guarded, Class<?> handlerClass) {
        return builder()
                .auth(AuthSettings.of(guarded, handlerClass))
                .mode(guarded.mode())
                .monitor(guarded.monitor())
                .limits(LimitSettings.of(guarded.limits()))
                .http(HttpSettings.of(guarded.http()))
                .budget(BudgetSettings.of(guarded.budget()))
                .detect(dev.fnguard.detect.DetectSettings.of(guarded.detect()))
                .sources(SourceSettings.of(guarded.sources()))
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
            if (g != null) {
                return of(g, type);
            }
            AuthSettings direct = AuthSettings.of(null, type);
            return direct.enabled() ? builder().auth(direct).build() : DEFAULTS;
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
        b.budget = budget;
        b.auth = auth;
        b.detect = detect;
        b.sources = sources;
        return b;
    }

    /**
     * Applies the {@code FNGUARD_*} variables ({@value #ENV_MODE}, {@value #ENV_MONITOR_CHECKS},
     * {@value #ENV_MAX_BODY_BYTES}) on top of this policy, and the budget variables described in
     * {@link BudgetSettings#withEnvironment(Map)}.
     *
     * @param env the environment, for example {@code System.getenv()}
     * @return the completed policy
     * @throws IllegalArgumentException naming the variable when a value is invalid or would loosen
     *     the policy
     */
    public Policy withEnvironment(Map<String, String> env) {
        Builder b = toBuilder();
        b.budget(budget.withEnvironment(env));
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
        b.auth(auth.withEnvironment(env));
        // each source variable refines the result of the previous one, not the declared settings
        SourceSettings src = sources;
        String allowed = blankToNull(env.get(ENV_ALLOWED_SOURCES));
        if (allowed != null) {
            src = src.withAllowed(SourceSettings.split(allowed), ENV_ALLOWED_SOURCES);
        }
        String receive = blankToNull(env.get(ENV_MAX_RECEIVE_COUNT));
        if (receive != null) {
            int n;
            try {
                n = Integer.parseInt(receive.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_MAX_RECEIVE_COUNT + " must be a number, was '" + receive + "'");
            }
            if (n > sources.maxReceiveCount() || n < 1) {
                throw new IllegalArgumentException(ENV_MAX_RECEIVE_COUNT + " may only lower the cap of "
                        + sources.maxReceiveCount() + ", was " + n);
            }
            src = src.withMaxReceiveCount(n);
        }
        String verify = blankToNull(env.get(ENV_VERIFY_SNS_SIGNATURE));
        if (verify != null) {
            if (verify.strip().equalsIgnoreCase("true")) {
                src = src.withSnsSignatureVerified();
            } else if (!verify.strip().equalsIgnoreCase("false") || src.verifySnsSignature()) {
                throw new IllegalArgumentException(ENV_VERIFY_SNS_SIGNATURE + " may only be true (or false when the "
                        + "handler does not declare verification), was '" + verify + "'");
            }
        }
        String drop = blankToNull(env.get(ENV_DROP_DENIED));
        if (drop != null) {
            if (drop.strip().equalsIgnoreCase("true") || drop.strip().equalsIgnoreCase("false")) {
                src = src.withDropDenied(Boolean.parseBoolean(drop.strip().toLowerCase(java.util.Locale.ROOT)));
            } else {
                throw new IllegalArgumentException(ENV_DROP_DENIED + " must be true or false, was '" + drop + "'");
            }
        }
        b.sources(sourcesFromEnvironment(src, env));
        return b.build();
    }

    /** The loop guard's limit and the account and region lists, from the environment. */
    private static SourceSettings sourcesFromEnvironment(SourceSettings s, Map<String, String> env) {
        String hops = blankToNull(env.get(ENV_MAX_HOPS));
        if (hops != null) {
            int n;
            try {
                n = Integer.parseInt(hops.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(ENV_MAX_HOPS + " must be a number, was '" + hops + "'");
            }
            if (n > s.maxHops() || n < 1) {
                throw new IllegalArgumentException(ENV_MAX_HOPS + " may only lower the hop limit of " + s.maxHops()
                        + " (to at least 1), was " + n);
            }
            s = s.withMaxHops(n);
        }
        String accounts = blankToNull(env.get(ENV_ALLOWED_ACCOUNTS));
        if (accounts != null) {
            s = s.withAccounts(SourceSettings.split(accounts), ENV_ALLOWED_ACCOUNTS);
        }
        String regions = blankToNull(env.get(ENV_ALLOWED_REGIONS));
        if (regions != null) {
            s = s.withRegions(SourceSettings.split(regions), ENV_ALLOWED_REGIONS);
        }
        return s;
    }

    /** @return the event-source allow-list and source rules */
    public SourceSettings sources() {
        return sources;
    }

    /** @return the injection detection settings */
    public dev.fnguard.detect.DetectSettings detect() {
        return detect;
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

    /** @return the budgets (rates, spend, batch size, deadline, concurrency) */
    public BudgetSettings budget() {
        return budget;
    }

    /** @return how callers are verified and what they must hold */
    public AuthSettings auth() {
        return auth;
    }

    @Override
    public String toString() {
        return "Policy[mode=" + mode + ", monitor=" + monitoredChecks + ", " + limits + ", " + http + ", " + budget
                + ", " + auth + ", " + detect + "]";
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
        private BudgetSettings budget = BudgetSettings.defaults();
        private AuthSettings auth = AuthSettings.none();
        private dev.fnguard.detect.DetectSettings detect = dev.fnguard.detect.DetectSettings.off();
        private SourceSettings sources = SourceSettings.defaults();

        private Builder() {
        }

        /** @param sources the source rules (default {@link SourceSettings#defaults()}) @return this */
        public Builder sources(SourceSettings sources) {
            this.sources = Objects.requireNonNull(sources, "sources");
            return this;
        }

        /** @param mode the global mode (default enforce) @return this */
        public Builder mode(Mode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** @param checkNames checks to run in monitor mode @return this */
        public Builder monitor(String... checkNames) {
            for (String name : checkNames) {
                String s = name.strip().toLowerCase(Locale.ROOT);
                if (!s.isEmpty()) {
                    monitoredChecks.add(s);
                }
            }
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

        /** @param budget the budgets (default {@link BudgetSettings#defaults()}, all off) @return this */
        public Builder budget(BudgetSettings budget) {
            this.budget = Objects.requireNonNull(budget, "budget");
            return this;
        }

        /** @param auth caller verification (default {@link AuthSettings#none()}) @return this */
        public Builder auth(AuthSettings auth) {
            this.auth = Objects.requireNonNull(auth, "auth");
            return this;
        }

        /**
         * @param detect injection detection (default {@link dev.fnguard.detect.DetectSettings#off()})
         * @return this
         */
        public Builder detect(dev.fnguard.detect.DetectSettings detect) {
            this.detect = Objects.requireNonNull(detect, "detect");
            return this;
        }

        /** @return the policy */
        public Policy build() {
            return new Policy(this);
        }
    }
}
