package dev.fnguard.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;

/** An {@link ExecutionContext} as the worker gives one: a fresh invocation id, the function's name, a W3C trace context. */
public class TestExecutionContext implements ExecutionContext {

    /** The trace id every test context carries. */
    public static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private final String invocationId = UUID.randomUUID().toString();
    private final String functionName;

    /** @param functionName the function's name */
    public TestExecutionContext(String functionName) {
        this.functionName = functionName;
    }

    @Override
    public Logger getLogger() {
        return Logger.getLogger("function." + functionName);
    }

    @Override
    public String getInvocationId() {
        return invocationId;
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public TraceContext getTraceContext() {
        return new TraceContext() {
            @Override
            public String getTraceparent() {
                return "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
            }

            @Override
            public String getTracestate() {
                return "";
            }

            @Override
            public Map<String, String> getAttributes() {
                return Map.of();
            }
        };
    }
}
