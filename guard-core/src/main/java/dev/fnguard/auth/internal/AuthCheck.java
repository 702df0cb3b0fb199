package dev.fnguard.auth.internal;

import dev.fnguard.Caller;
import dev.fnguard.Check;
import dev.fnguard.Inspection;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import dev.fnguard.auth.AuthSettings;
import dev.fnguard.auth.Requirement;
import dev.fnguard.spi.ReplayStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code auth} check: verifies the caller with the methods the policy declares, sets it on the
 * inspection, and enforces the required scopes and roles. Runs once per invocation, after the
 * transport and source checks and before budgets, limits and schema.
 *
 * <p>The first method whose credential the invocation carries decides (gateway authorizer, IoT
 * identity, bearer token, API key, webhook signature); a bad credential is refused, not passed on.
 */
public final class AuthCheck implements Check {

    /** The check's name, for {@code FNGUARD_MONITOR_CHECKS}. */
    public static final String NAME = "auth";

    private final List<Authenticator> authenticators;
    private final List<Requirement> requirements;
    private final boolean stateful;

    /**
     * Builds the authenticators (key sources, MACs) once, at init.
     *
     * @param settings the auth settings, already completed by the environment; must be enabled
     * @param replays where webhook signatures are remembered
     * @param clock the clock for token times and webhook timestamps
     */
    public AuthCheck(AuthSettings settings, ReplayStore replays, Clock clock) {
        if (!settings.enabled()) {
            throw new IllegalArgumentException("no authentication method declared");
        }
        List<Authenticator> a = new ArrayList<>(4);
        if (settings.gateway().isPresent()) {
            a.add(new GatewayAuthenticator(settings.gateway().get()));
        }
        if (settings.iot().isPresent()) {
            a.add(new IotAuthenticator(settings.iot().get()));
        }
        if (settings.jwt().isPresent()) {
            a.add(new JwtAuthenticator(settings.jwt().get(), clock));
        }
        if (settings.apiKeys().isPresent()) {
            a.add(new ApiKeyAuthenticator(settings.apiKeys().get()));
        }
        if (settings.webhook().isPresent()) {
            a.add(new WebhookAuthenticator(settings.webhook().get(), replays, clock));
        }
        this.authenticators = List.copyOf(a);
        this.requirements = settings.requirements();
        this.stateful = settings.webhook().isPresent();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return Scope.INVOCATION;
    }

    @Override
    public boolean stateful() {
        return stateful;
    }

    @Override
    public Verdict check(Inspection inspection) {
        Authentication result = Authentication.absent();
        for (Authenticator a : authenticators) {
            result = a.authenticate(inspection.invocation());
            if (result.state() != Authentication.State.ABSENT) {
                break;
            }
        }
        switch (result.state()) {
            case ABSENT:
                return Verdict.deny(Reason.TOKEN_MISSING);
            case REFUSED:
                return result.denial();
            default:
                break;
        }
        Caller caller = result.caller();
        inspection.caller(caller);
        String route = inspection.invocation().http().isPresent() ? inspection.invocation().http().get().route() : "";
        List<String> missing = new ArrayList<>(0);
        for (Requirement r : requirements) {
            if (r.appliesTo(route)) {
                // sorted, as the sets' order is not stable; loops rather than streams: no lambdas to link
                // at the first event
                for (String s : new java.util.TreeSet<>(r.scopes())) {
                    if (!caller.scopes().contains(s)) {
                        missing.add("scope:" + s);
                    }
                }
                for (String s : new java.util.TreeSet<>(r.roles())) {
                    if (!caller.roles().contains(s)) {
                        missing.add("role:" + s);
                    }
                }
            }
        }
        return missing.isEmpty() ? Verdict.allow() : Verdict.deny(Reason.SCOPE, missing);
    }

    /**
     * The scopes a route requires, for the {@code WWW-Authenticate} answer to a {@code SCOPE} denial.
     *
     * @param settings the settings
     * @param route the invocation's route
     * @return the scopes, space-separated, empty when none
     */
    public static String requiredScopes(AuthSettings settings, String route) {
        java.util.TreeSet<String> scopes = new java.util.TreeSet<>();
        for (Requirement r : settings.requirements()) {
            if (r.appliesTo(route)) {
                scopes.addAll(r.scopes());
            }
        }
        return String.join(" ", scopes);
    }
}
