package dev.fnguard.lambda.internal;

import dev.fnguard.Invocation;
import dev.fnguard.Policy;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import dev.fnguard.auth.internal.Challenge;
import dev.fnguard.internal.HttpProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The status, headers and problem body the guard answers an HTTP caller with when it denies a
 * request or fails: shared by the typed HTTP handlers ({@link HttpPipeline}) and the drop-in entry
 * point, so that both answer alike.
 *
 * @param status the HTTP status
 * @param headers the response headers (security headers and content type included)
 * @param body the problem document
 */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    /**
     * The answer to a denial: the reason's status and problem document, with {@code Retry-After} for
     * a budget denial, {@code WWW-Authenticate} for a credential denial, {@code Allow} for a method
     * denial.
     */
    static HttpAnswer denial(Policy policy, Verdict denial, Invocation inv) {
        Reason reason = denial.reason().orElseThrow();
        Map<String, String> headers = HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON);
        byte[] body = HttpProblem.problem(reason, denial.fields(), inv.requestId());
        if (denial.retryAfter().isPresent()) {
            long seconds = Math.max(1, (denial.retryAfter().get().toMillis() + 999) / 1000);
            headers = withHeader(headers, "Retry-After", Long.toString(seconds));
        }
        Optional<String> challenge = Challenge.forDenial(policy.auth(), reason,
                inv.http().map(h -> h.route()).orElse(""));
        if (challenge.isPresent()) {
            headers = withHeader(headers, "WWW-Authenticate", challenge.get());
        }
        if (reason == Reason.METHOD && !policy.http().methods().isEmpty()) {
            headers = withHeader(headers, "Allow", String.join(", ", policy.http().methods()));
        }
        return new HttpAnswer(reason.status(), headers, body);
    }

    /** The generic 500: no detail beyond the request id. */
    static HttpAnswer internalError(String requestId) {
        return new HttpAnswer(500, HttpProblem.headers(Map.of(), HttpProblem.PROBLEM_JSON),
                HttpProblem.internalError(requestId));
    }

    private static Map<String, String> withHeader(Map<String, String> h, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(h);
        copy.put(name, value);
        return copy;
    }
}
