package dev.fnguard.auth;

import java.util.Arrays;
import java.util.List;

/**
 * The compiled form of {@link IotClients}.
 *
 * @param clientIds accepted client ids (prefixes end in {@code *}); empty checks none
 * @param principals accepted principals (prefixes end in {@code *}); empty checks none
 */
public record IotSettings(List<String> clientIds, List<String> principals) {

    /**
     * Normalizes the lists.
     *
     * @param clientIds ids
     * @param principals principals
     */
    public IotSettings {
        clientIds = clientIds.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        principals = principals.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (clientIds.contains("*") || principals.contains("*")) {
            throw new IllegalArgumentException("IotClients entries must not be a bare '*' (it would accept anyone)");
        }
    }

    /**
     * Compiles the annotation.
     *
     * @param a the annotation
     * @return the settings
     */
    public static IotSettings of(IotClients a) {
        return new IotSettings(Arrays.asList(a.clientIds()), Arrays.asList(a.principals()));
    }

    /**
     * Whether a value matches one of the entries (exact, or by prefix for entries ending in {@code *}).
     *
     * @param entries the entries
     * @param value the value
     * @return true on a match
     */
    public static boolean matches(List<String> entries, String value) {
        for (String e : entries) {
            if (e.endsWith("*") ? value.startsWith(e.substring(0, e.length() - 1)) : value.equals(e)) {
                return true;
            }
        }
        return false;
    }
}
