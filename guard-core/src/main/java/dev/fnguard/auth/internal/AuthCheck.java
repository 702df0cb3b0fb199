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
        settings.gateway().ifPresent(g -> a.add(new GatewayAuthenticator(g)));
        settings.iot().ifPresent(i -> a.add(new IotAuthenticator(i)));
        settings.jwt().ifPresent(j -> a.add(new JwtAuthenticator(j, clock)));
        settings.apiKeys().ifPresent(k -> a.add(new ApiKeyAuthenticator(k)));
        settings.webhook().ifPresent(w -> a.add(new WebhookAuthenticator(w, replays, clock)));
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
        String route = inspection.invocation().http().map(h -> h.route()).orElse("");
        List<String> missing = new ArrayList<>(0);
        for (Requirement r : requirements) {
            if (r.appliesTo(route)) {
                r.scopes().stream().filter(s -> !caller.scopes().contains(s)).sorted()
                        .forEach(s -> missing.add("scope:" + s));
                r.roles().stream().filter(s -> !caller.roles().contains(s)).sorted()
                        .forEach(s -> missing.add("role:" + s));
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
        return String.join(" ", settings.requirements().stream().filter(r -> r.appliesTo(route))
                .flatMap(r -> r.scopes().stream()).sorted().distinct().toList());
    }
}
