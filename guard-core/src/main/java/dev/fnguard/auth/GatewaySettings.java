package dev.fnguard.auth;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compiled form of {@link GatewayAuth}.
 *
 * @param apiIds API Gateway API ids whose authorizers are trusted
 */
public record GatewaySettings(Set<String> apiIds) {

    /**
     * Copies the ids.
     *
     * @param apiIds ids
     */
    public GatewaySettings {
        apiIds = apiIds.stream().map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Compiles the annotation.
     *
     * @param g the annotation
     * @return the settings
     */
    public static GatewaySettings of(GatewayAuth g) {
        return new GatewaySettings(Set.copyOf(Arrays.asList(g.apiIds())));
    }
}
