package dev.fnguard.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link HttpRequestMessage} as the worker binds one for {@code HttpRequestMessage<Optional<String>>}:
 * header names in lower case, the body as text, and a response builder like the worker's.
 */
public final class TestHttpRequest implements HttpRequestMessage<Optional<String>> {

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Optional<String> body;

    /**
     * A request.
     *
     * @param method the method
     * @param uri the URL
     * @param body the body, or null for none
     */
    public TestHttpRequest(HttpMethod method, String uri, String body) {
        this.method = method;
        this.uri = URI.create(uri);
        this.body = Optional.ofNullable(body);
    }

    /**
     * A JSON POST to {@code https://app.azurewebsites.net/api/orders}, as Azure's front end forwards it.
     *
     * @param body the body
     * @return the request
     */
    public static TestHttpRequest postJson(String body) {
        return new TestHttpRequest(HttpMethod.POST, "https://app.azurewebsites.net/api/orders", body)
                .header("content-type", "application/json")
                .header("x-forwarded-proto", "https")
                .header("x-forwarded-for", "203.0.113.7:51234");
    }

    /**
     * Sets a header (names are lower case, as the worker delivers them).
     *
     * @param name name
     * @param value value
     * @return this
     */
    public TestHttpRequest header(String name, String value) {
        headers.put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    @Override
    public URI getUri() {
        return uri;
    }

    @Override
    public HttpMethod getHttpMethod() {
        return method;
    }

    @Override
    public Map<String, String> getHeaders() {
        return headers;
    }

    @Override
    public Map<String, String> getQueryParameters() {
        return query;
    }

    @Override
    public Optional<String> getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new Response.Builder().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Response.Builder().status(status);
    }

    /** The response, with case-insensitive header lookup like the worker's. */
    public static final class Response implements HttpResponseMessage {
        private final HttpStatusType status;
        private final Map<String, String> headers;
        private final Object body;

        private Response(Builder b) {
            this.status = b.status;
            this.headers = Map.copyOf(b.headers);
            this.body = b.body;
        }

        @Override
        public HttpStatusType getStatus() {
            return status;
        }

        @Override
        public String getHeader(String key) {
            for (Map.Entry<String, String> e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(key)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** @return every header */
        public Map<String, String> headers() {
            return headers;
        }

        @Override
        public Object getBody() {
            return body;
        }

        /** Builds a {@link Response}. */
        public static final class Builder implements HttpResponseMessage.Builder {
            private HttpStatusType status = HttpStatus.OK;
            private final Map<String, String> headers = new LinkedHashMap<>();
            private Object body;

            @Override
            public HttpResponseMessage.Builder status(HttpStatusType status) {
                this.status = status;
                return this;
            }

            @Override
            public HttpResponseMessage.Builder header(String key, String value) {
                headers.put(key, value);
                return this;
            }

            @Override
            public HttpResponseMessage.Builder body(Object body) {
                this.body = body;
                return this;
            }

            @Override
            public HttpResponseMessage build() {
                return new Response(this);
            }
        }
    }
}
