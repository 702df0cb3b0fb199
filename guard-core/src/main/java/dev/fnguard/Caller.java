package dev.fnguard;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The principal behind an invocation, as far as the guard could verify it.
 *
 * @param subject the verified subject, empty when anonymous
 * @param issuer who vouched for the subject (a token issuer, an authorizer), empty when anonymous
 * @param scopes granted scopes
 * @param roles granted roles
 * @param method how the caller was verified, for example {@code jwt}, {@code iam} or
 *     {@code anonymous}
 */
public record Caller(
        Optional<String> subject, Optional<String> issuer, Set<String> scopes, Set<String> roles, String method) {

    private static final Caller ANONYMOUS =
            new Caller(Optional.empty(), Optional.empty(), Set.of(), Set.of(), "anonymous");

    /**
     * Copies the sets and checks for nulls.
     *
     * @param subject subject
     * @param issuer issuer
     * @param scopes scopes
     * @param roles roles
     * @param method verification method
     */
    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(issuer, "issuer");
        scopes = Set.copyOf(scopes);
        roles = Set.copyOf(roles);
        Objects.requireNonNull(method, "method");
    }

    /**
     * The caller of an event no one vouched for.
     *
     * @return the anonymous caller
     */
    public static Caller anonymous() {
        return ANONYMOUS;
    }

    /**
     * Whether nobody vouched for this caller.
     *
     * @return true when anonymous
     */
    public boolean isAnonymous() {
        return subject.isEmpty();
    }
}
