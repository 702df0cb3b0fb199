package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A Lambda {@link Context} for in-process invocations: a fresh request id, 30 s left, an optional trace header. */
public final class DrillContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final long deadline = System.currentTimeMillis() + 30_000;
    private final String functionName;
    private final String traceHeader;

    /**
     * A context for one invocation of a function.
     *
     * @param functionName the function's name
     */
    public DrillContext(String functionName) {
        this(functionName, null);
    }

    /**
     * A context for one invocation of a function whose X-Ray trace header the runtime gives.
     *
     * @param functionName the function's name
     * @param traceHeader the whole header ({@code Root=...;Lineage=...}), or null
     */
    public DrillContext(String functionName, String traceHeader) {
        this.functionName = functionName;
        this.traceHeader = traceHeader;
    }

    @Override
    public String getXrayTraceId() {
        return traceHeader;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/drill";
    }

    @Override
    public String getLogStreamName() {
        return "drill";
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:drill";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadline - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return new LambdaLogger() {
            @Override
            public void log(String message) {
                System.out.print(message);
            }

            @Override
            public void log(byte[] message) {
                System.out.print(new String(message, StandardCharsets.UTF_8));
            }
        };
    }
}
