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
        if (anyBlank(scopes) || anyBlank(roles)) {
            throw new IllegalArgumentException("RequireScope/RequireRole values must not be blank");
        }
    }

    private static boolean anyBlank(Set<String> values) {
        for (String v : values) {
            if (v.isBlank()) {
                return true;
            }
        }
        return false;
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
