package dev.fnguard;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event, cloud-neutral: where it came from, its records, its HTTP side if any, and its ids.
 *
 * <p>Adapters (Lambda, Azure Functions) build it from the native event; checks read it.
 */
public final class Invocation {

    private final String requestId;
    private final Optional<String> traceId;
    private final Optional<String> traceHeader;
    private final String functionName;
    private final Source source;
    private final Optional<HttpRequest> http;
    private final List<EventRecord> records;
    private final long remainingMillis;
    private final long eventBytes;
    private final Map<String, String> authorizer;

    private Invocation(Builder b) {
        this.authorizer = Map.copyOf(b.authorizer);
        this.requestId = Objects.requireNonNull(b.requestId, "requestId");
        this.traceId = Optional.ofNullable(b.traceId);
        this.traceHeader = Optional.ofNullable(b.traceHeader);
        this.functionName = Objects.requireNonNull(b.functionName, "functionName");
        this.source = Objects.requireNonNull(b.source, "source");
        this.http = Optional.ofNullable(b.http);
        this.records = List.copyOf(b.records);
        this.remainingMillis = b.remainingMillis;
        this.eventBytes = b.eventBytes;
    }

    /**
     * Starts an invocation.
     *
     * @return a builder; {@code requestId}, {@code functionName} and {@code source} are required
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the platform's request id (the Lambda request id, the Azure invocation id) */
    public String requestId() {
        return requestId;
    }

    /** @return the distributed trace id, when the platform gives one */
    public Optional<String> traceId() {
        return traceId;
    }

    /**
     * The whole distributed trace header of the invocation as the platform gave it (on Lambda the
     * X-Ray header {@code Root=...;Parent=...;Sampled=...;Lineage=...}), from which the loop guard
     * reads the {@code Lineage} field.
     *
     * @return the header, empty when the platform gave none
     */
    public Optional<String> traceHeader() {
        return traceHeader;
    }

    /**
     * A builder holding every value of this invocation, for adapters that complete a mapped event.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.requestId = requestId;
        b.traceId = traceId.orElse(null);
        b.traceHeader = traceHeader.orElse(null);
        b.functionName = functionName;
        b.source = source;
        b.http = http.orElse(null);
        b.records = records;
        b.remainingMillis = remainingMillis;
        b.eventBytes = eventBytes;
        b.authorizer = authorizer;
        return b;
    }

    /** @return the function's name */
    public String functionName() {
        return functionName;
    }

    /** @return where the event came from */
    public Source source() {
        return source;
    }

    /** @return the HTTP request, for HTTP events */
    public Optional<HttpRequest> http() {
        return http;
    }

    /** @return the records, in event order (one for an HTTP request) */
    public List<EventRecord> records() {
        return records;
    }

    /** @return milliseconds left before the platform ends the invocation, or {@code Long.MAX_VALUE} */
    public long remainingMillis() {
        return remainingMillis;
    }

    /** @return the size of the whole native event in bytes, as read */
    public long eventBytes() {
        return eventBytes;
    }

    /**
     * What the front door's authorizer established about the caller before the event reached the
     * function, flattened to strings: for API Gateway, {@code jwt.claims.<name>} and {@code jwt.scopes}
     * (space-separated) from an HTTP API JWT authorizer, {@code lambda.<key>} from a Lambda
     * authorizer's context (and {@code lambda.principalId} on REST APIs), {@code iam.<field>} from IAM
     * caller identity ({@code userArn}, {@code accountId}, {@code callerId}, {@code userId}). Only as
     * trustworthy as the event's origin: the auth check believes it solely for allowed API ids.
     *
     * @return the entries, empty when the event carries none
     */
    public Map<String, String> authorizer() {
        return authorizer;
    }

    /** Builds an {@link Invocation}. */
    public static final class Builder {
        private String requestId;
        private String traceId;
        private String traceHeader;
        private String functionName = "unknown";
        private Source source;
        private HttpRequest http;
        private List<EventRecord> records = List.of();
        private long remainingMillis = Long.MAX_VALUE;
        private long eventBytes;
        private Map<String, String> authorizer = Map.of();

        private Builder() {
        }

        /** @param v the request id @return this */
        public Builder requestId(String v) {
            this.requestId = v;
            return this;
        }

        /** @param v the trace id, or null @return this */
        public Builder traceId(String v) {
            this.traceId = v;
            return this;
        }

        /** @param v the whole trace header, or null, see {@link Invocation#traceHeader()} @return this */
        public Builder traceHeader(String v) {
            this.traceHeader = v;
            return this;
        }

        /** @param v the function name (default {@code unknown}) @return this */
        public Builder functionName(String v) {
            this.functionName = v;
            return this;
        }

        /** @param v the source @return this */
        public Builder source(Source v) {
            this.source = v;
            return this;
        }

        /** @param v the HTTP request, or null for other sources @return this */
        public Builder http(HttpRequest v) {
            this.http = v;
            return this;
        }

        /** @param v the records @return this */
        public Builder records(List<EventRecord> v) {
            this.records = v;
            return this;
        }

        /** @param v milliseconds left (default unlimited) @return this */
        public Builder remainingMillis(long v) {
            this.remainingMillis = v;
            return this;
        }

        /** @param v size of the native event in bytes @return this */
        public Builder eventBytes(long v) {
            this.eventBytes = v;
            return this;
        }

        /** @param v the authorizer entries, see {@link Invocation#authorizer()} (default none) @return this */
        public Builder authorizer(Map<String, String> v) {
            this.authorizer = v;
            return this;
        }

        /** @return the invocation */
        public Invocation build() {
            return new Invocation(this);
        }
    }
}
