package dev.fnguard.azure.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Azure entries of {@code FNGUARD_ALLOWED_SOURCES}, compiled once: {@code <trigger>:<identity>}
 * where the trigger is {@code queue}, {@code blob}, {@code servicebus}, {@code eventhub} or
 * {@code iothub}, and {@code *} matches any run of characters inside the entry. Entries of other
 * clouds (ARNs) are ignored here.
 *
 * <p>A trigger kind without entries is not restricted. When a kind has entries, its identity must
 * match one of them, and a trigger whose identity is unknown is refused.
 *
 * <p>This is a small, Azure-only allow-list; the cloud-neutral source check of the AWS sources work
 * may take it over.
 */
public final class SourceAllowList {

    /** The environment variable, shared with the AWS adapter. */
    public static final String ENV = "FNGUARD_ALLOWED_SOURCES";

    private final List<String[]> entries;

    private SourceAllowList(List<String[]> entries) {
        this.entries = entries;
    }

    /**
     * Parses the variable.
     *
     * @param value the variable's value, may be null
     * @return the allow-list
     */
    public static SourceAllowList parse(String value) {
        List<String[]> list = new ArrayList<>();
        if (value != null) {
            for (String raw : value.split(",")) {
                String e = raw.strip();
                int colon = e.indexOf(':');
                if (colon <= 0 || e.startsWith("arn:")) {
                    continue;
                }
                String prefix = e.substring(0, colon).toLowerCase(Locale.ROOT);
                for (TriggerKind k : TriggerKind.values()) {
                    if (k.prefix().equals(prefix)) {
                        String pattern = e.substring(colon + 1);
                        if (pattern.isEmpty()) {
                            throw new IllegalArgumentException(ENV + " entry '" + e + "' names no source");
                        }
                        list.add(new String[] {prefix, pattern});
                    }
                }
            }
        }
        return new SourceAllowList(List.copyOf(list));
    }

    /**
     * Whether a trigger may invoke the function.
     *
     * @param kind the trigger
     * @param identity its identity, if known
     * @return true when allowed
     */
    public boolean allows(TriggerKind kind, Optional<String> identity) {
        boolean restricted = false;
        for (String[] e : entries) {
            if (!e[0].equals(kind.prefix())) {
                continue;
            }
            restricted = true;
            if (identity.isPresent() && matches(e[1], identity.get())) {
                return true;
            }
        }
        return !restricted;
    }

    /** Glob match with {@code *} only, iterative with one backtrack point: linear in practice, never exponential. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (p < pattern.length() && pattern.charAt(p) == text.charAt(t)) {
                p++;
                t++;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
