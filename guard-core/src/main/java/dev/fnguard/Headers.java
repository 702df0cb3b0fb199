package dev.fnguard;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** HTTP headers with case-insensitive names, immutable once built. */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());

    private final Map<String, List<String>> byLowerName;

    private Headers(Map<String, List<String>> byLowerName) {
        this.byLowerName = byLowerName;
    }

    /**
     * No headers.
     *
     * @return the empty headers
     */
    public static Headers empty() {
        return EMPTY;
    }

    /**
     * Builds headers from single- and multi-valued maps as API Gateway and ALB deliver them.
     *
     * @param single single-valued headers, may be null
     * @param multi multi-valued headers, may be null; values are added after the single ones
     * @return the headers
     */
    public static Headers of(Map<String, String> single, Map<String, List<String>> multi) {
        Map<String, List<String>> map = new HashMap<>();
        if (single != null) {
            for (Map.Entry<String, String> e : single.entrySet()) {
                if (e.getKey() != null && e.getValue() != null) {
                    map.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1))
                            .add(e.getValue());
                }
            }
        }
        if (multi != null) {
            for (Map.Entry<String, List<String>> e : multi.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    continue;
                }
                List<String> values =
                        map.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>(1));
                for (String v : e.getValue()) {
                    if (v != null && !values.contains(v)) {
                        values.add(v);
                    }
                }
            }
        }
        if (map.isEmpty()) {
            return EMPTY;
        }
        map.replaceAll((k, v) -> Collections.unmodifiableList(v));
        return new Headers(Collections.unmodifiableMap(map));
    }

    /**
     * The first value of a header.
     *
     * @param name the header name, any case
     * @return the first value, if present
     */
    public Optional<String> first(String name) {
        List<String> values = byLowerName.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * All values of a header.
     *
     * @param name the header name, any case
     * @return the values, empty when absent
     */
    public List<String> all(String name) {
        return byLowerName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }

    /**
     * The header names, in lower case.
     *
     * @return the names
     */
    public Set<String> names() {
        return byLowerName.keySet();
    }

    @Override
    public String toString() {
        // names only: header values may hold credentials
        return "Headers" + byLowerName.keySet();
    }
}
