package dev.fnguard.auth;

import java.util.Objects;
import java.util.Set;

/**
 * Scopes and roles a verified caller must hold, for every invocation or for one HTTP route.
 *
 * @param route the route ({@code POST /orders}), empty for every invocation
 * @param scopes required scopes
 * @param roles required roles
 */
public record Requirement(String route, Set<String> scopes, Set<String> roles) {

    /**
     * Copies and checks.
     *
     * @param route route
     * @param scopes scopes
     * @param roles roles
     */
    public Requirement {
        route = Objects.requireNonNull(route, "route").strip();
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        if (scopes.stream().anyMatch(String::isBlank) || roles.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("RequireScope/RequireRole values must not be blank");
        }
    }

    /**
     * Whether this requirement applies to a route.
     *
     * @param invocationRoute the invocation's route, empty when not HTTP
     * @return true when it applies
     */
    public boolean appliesTo(String invocationRoute) {
        return route.isEmpty() || route.equals(invocationRoute);
    }
}
