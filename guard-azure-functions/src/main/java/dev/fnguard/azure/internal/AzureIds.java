package dev.fnguard.azure.internal;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import java.util.UUID;

/** Ids of an invocation as the worker gives them. */
public final class AzureIds {

    private AzureIds() {
    }

    /**
     * The invocation id, or a fresh one when the context has none.
     *
     * @param context the execution context
     * @return the id
     */
    public static String invocationId(ExecutionContext context) {
        String id = context == null ? null : context.getInvocationId();
        return id == null || id.isBlank() ? UUID.randomUUID().toString() : id;
    }

    /**
     * The W3C trace id of the invocation: the second field of {@code traceparent}.
     *
     * @param context the execution context
     * @return the 32-hex trace id, or null
     */
    public static String traceId(ExecutionContext context) {
        if (context == null) {
            return null;
        }
        TraceContext trace;
        try {
            trace = context.getTraceContext();
        } catch (RuntimeException e) {
            return null;
        }
        String parent = trace == null ? null : trace.getTraceparent();
        if (parent == null || parent.length() < 55) {
            return null;
        }
        String id = parent.substring(3, 35);
        for (int i = 0; i < id.length(); i++) {
            if (Character.digit(id.charAt(i), 16) < 0) {
                return null;
            }
        }
        return id;
    }

    /**
     * The function name, or {@code unknown}.
     *
     * @param context the execution context
     * @return the name
     */
    public static String functionName(ExecutionContext context) {
        String fn = context == null ? null : context.getFunctionName();
        return fn == null || fn.isBlank() ? "unknown" : fn;
    }
}
