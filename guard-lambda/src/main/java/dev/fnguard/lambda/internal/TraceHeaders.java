package dev.fnguard.lambda.internal;

import com.amazonaws.services.lambda.runtime.Context;
import dev.fnguard.Invocation;

/**
 * The X-Ray trace header of the current Lambda invocation, whole (with its {@code Lineage} field),
 * where the Java runtime gives it: {@link Context#getXrayTraceId()}, then the system property
 * {@value #PROPERTY} (set per invocation by the runtime), then the environment variable
 * {@value #ENV} (set once per process, so only a last resort).
 */
public final class TraceHeaders {

    /** The system property the Lambda Java runtime sets to the invocation's trace header. */
    public static final String PROPERTY = "com.amazonaws.xray.traceHeader";
    /** The environment variable of the trace header. */
    public static final String ENV = "_X_AMZN_TRACE_ID";

    private TraceHeaders() {
    }

    /**
     * The invocation's trace header.
     *
     * @param ctx the Lambda context, may be null
     * @return the header, or null when none is known
     */
    public static String current(Context ctx) {
        String raw = null;
        if (ctx != null) {
            try {
                raw = ctx.getXrayTraceId();
            } catch (RuntimeException | AbstractMethodError e) {
                raw = null;
            }
        }
        if (blank(raw)) {
            raw = System.getProperty(PROPERTY);
        }
        if (blank(raw)) {
            raw = System.getenv(ENV);
        }
        return blank(raw) ? null : raw;
    }

    /**
     * Completes a mapped invocation with the invocation's trace header, and its trace id with the
     * header's {@code Root} when the mapper set none.
     *
     * @param inv the mapped invocation
     * @param ctx the Lambda context, may be null
     * @return the completed invocation (the same one when there is nothing to add)
     */
    public static Invocation complete(Invocation inv, Context ctx) {
        if (inv.traceHeader().isPresent()) {
            return inv;
        }
        String header = current(ctx);
        if (header == null) {
            return inv;
        }
        Invocation.Builder b = inv.toBuilder().traceHeader(header);
        if (inv.traceId().isEmpty()) {
            b.traceId(root(header));
        }
        return b.build();
    }

    /**
     * The {@code Root} field of a trace header, clipped to 64 characters.
     *
     * @param header the header
     * @return the root, or null when there is none
     */
    public static String root(String header) {
        int at = 0;
        while (at < header.length()) {
            int end = header.indexOf(';', at);
            if (end < 0) {
                end = header.length();
            }
            String part = header.substring(at, end).strip();
            if (part.startsWith("Root=")) {
                String root = part.substring(5);
                return root.length() > 64 ? root.substring(0, 64) : root;
            }
            at = end + 1;
        }
        return null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
