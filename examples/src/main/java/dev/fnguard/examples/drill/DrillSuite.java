package dev.fnguard.examples.drill;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.fnguard.GuardOptions;
import java.util.List;
import java.util.Map;

/** The drill's cases for one example function. */
public interface DrillSuite {

    /**
     * The function's name in the table.
     *
     * @return the name
     */
    String function();

    /**
     * The environment the function runs with ({@code FNGUARD_*} variables), besides a case's own.
     *
     * @return variables
     */
    default Map<String, String> environment() {
        return Map.of();
    }

    /**
     * Creates the function as the Lambda runtime would, with the drill's options.
     *
     * @param options environment and audit sink
     * @return the handler
     */
    RequestStreamHandler create(GuardOptions options);

    /**
     * The events to send.
     *
     * @return the cases
     */
    List<DrillCase> cases();
}
