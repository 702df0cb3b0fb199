package dev.fnguard;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an invocation came from: its kind, the concrete event type, and the identity of the source.
 *
 * @param kind the cloud-neutral kind
 * @param type the concrete event type, for example {@code apigw-v2} or {@code alb}
 * @param identity the source's identity (an ARN, API id, bucket, queue or topic), when the event
 *     carries one
 */
public record Source(SourceKind kind, String type, Optional<String> identity) {

    /**
     * Checks for nulls.
     *
     * @param kind the kind
     * @param type the event type
     * @param identity the identity, if any
     */
    public Source {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(identity, "identity");
    }

    /**
     * A source with an identity.
     *
     * @param kind the kind
     * @param type the event type
     * @param identity the identity, or null when the event carries none
     * @return the source
     */
    public static Source of(SourceKind kind, String type, String identity) {
        return new Source(kind, type, Optional.ofNullable(identity));
    }
}
