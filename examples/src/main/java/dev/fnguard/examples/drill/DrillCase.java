package dev.fnguard.examples.drill;

import java.io.InputStream;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One event the drill sends to a function, with what it expects.
 *
 * @param name a short description, shown in the table
 * @param expect the expected decision, status and reason
 * @param event the event bytes, produced on demand (a huge event is streamed, never held)
 * @param environment extra {@code FNGUARD_*} variables for this case (empty for the suite's own); cases
 *     with the same environment share one function instance, in order, as warm invocations do
 * @param repeat how many times the event is sent; the expectation applies to the last invocation
 * @param traceHeader the X-Ray trace header the runtime gives the invocation ({@code Root=...;Lineage=...}),
 *     or null for none
 */
public record DrillCase(String name, Expect expect, Supplier<InputStream> event, Map<String, String> environment,
        int repeat, String traceHeader) {

    /**
     * A case whose invocation has no trace header.
     *
     * @param name description
     * @param expect expectation
     * @param event event
     * @param environment extra variables
     * @param repeat how many times it is sent
     */
    public DrillCase(String name, Expect expect, Supplier<InputStream> event, Map<String, String> environment,
            int repeat) {
        this(name, expect, event, environment, repeat, null);
    }

    /**
     * A case using the suite's environment.
     *
     * @param name description
     * @param expect expectation
     * @param event event
     * @return the case
     */
    public static DrillCase of(String name, Expect expect, Supplier<InputStream> event) {
        return new DrillCase(name, expect, event, Map.of(), 1);
    }

    /**
     * A copy with extra environment variables (a separate function instance).
     *
     * @param env the variables
     * @return the copy
     */
    public DrillCase withEnvironment(Map<String, String> env) {
        return new DrillCase(name, expect, event, env, repeat, traceHeader);
    }

    /**
     * A copy whose invocation carries an X-Ray trace header, as the Lambda runtime gives it.
     *
     * @param header the whole header
     * @return the copy
     */
    public DrillCase withTraceHeader(String header) {
        return new DrillCase(name, expect, event, environment, repeat, header);
    }

    /**
     * A copy sent {@code times} times in a row.
     *
     * @param times the count, at least 1
     * @return the copy
     */
    public DrillCase repeated(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("repeat must be at least 1, was " + times);
        }
        return new DrillCase(name, expect, event, environment, times, traceHeader);
    }
}
