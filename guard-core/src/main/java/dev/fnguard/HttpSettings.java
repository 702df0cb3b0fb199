package dev.fnguard;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The compiled form of {@link Http}.
 *
 * @param methods accepted methods in upper case; empty accepts any
 * @param contentTypes accepted media types in lower case
 * @param allowPlainHttp whether plain HTTP is accepted
 */
public record HttpSettings(List<String> methods, List<String> contentTypes, boolean allowPlainHttp) {

    private static final HttpSettings DEFAULTS = new HttpSettings(List.of(), List.of("application/json"), false);

    /**
     * Normalizes case and copies the lists.
     *
     * @param methods methods
     * @param contentTypes media types
     * @param allowPlainHttp plain HTTP
     */
    public HttpSettings {
        // loops, not streams and lambdas: this runs at every cold start (docs: benchmarks/README.md)
        String[] upper = new String[methods.size()];
        for (int i = 0; i < upper.length; i++) {
            upper[i] = methods.get(i).strip().toUpperCase(Locale.ROOT);
        }
        methods = List.of(upper);
        String[] lower = new String[contentTypes.size()];
        for (int i = 0; i < lower.length; i++) {
            lower[i] = contentTypes.get(i).strip().toLowerCase(Locale.ROOT);
        }
        contentTypes = List.of(lower);
        for (String m : methods) {
            if (m.isEmpty() || !capitals(m)) {
                throw new IllegalArgumentException("Http.methods holds an invalid method '" + m + "'");
            }
        }
        if (contentTypes.isEmpty()) {
            throw new IllegalArgumentException("Http.contentTypes must name at least one media type");
        }
    }

    private static boolean capitals(String m) {
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c < 'A' || c > 'Z') {
                return false;
            }
        }
        return true;
    }

    /**
     * The defaults: any method, JSON bodies, HTTPS only.
     *
     * @return default settings
     */
    public static HttpSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Compiles the annotation.
     *
     * @param http the annotation
     * @return the settings
     */
    public static HttpSettings of(Http http) {
        return new HttpSettings(Arrays.asList(http.methods()), Arrays.asList(http.contentTypes()),
                http.allowPlainHttp());
    }
}
