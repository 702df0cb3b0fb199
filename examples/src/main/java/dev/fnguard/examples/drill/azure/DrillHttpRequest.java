package dev.fnguard.examples.drill.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** An HTTP request as the worker binds {@code HttpRequestMessage<Optional<String>>}, with its response builder. */
final class DrillHttpRequest implements HttpRequestMessage<Optional<String>> {

    private final HttpMethod method;
    private final URI uri;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Optional<String> body;

    DrillHttpRequest(HttpMethod method, URI uri, Map<String, String> headers, String body) {
        this.method = method;
        this.uri = uri;
        headers.forEach((k, v) -> this.headers.put(k.toLowerCase(Locale.ROOT), v));
        this.body = Optional.ofNullable(body);
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
        return Map.of();
    }

    @Override
    public Optional<String> getBody() {
        return body;
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
        return new Builder().status(status);
    }

    @Override
    public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
        return new Builder().status(status);
    }

    /** The response builder. */
    static final class Builder implements HttpResponseMessage.Builder {
        private HttpStatusType status = HttpStatus.OK;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private Object body;

        @Override
        public HttpResponseMessage.Builder status(HttpStatusType s) {
            this.status = s;
            return this;
        }

        @Override
        public HttpResponseMessage.Builder header(String key, String value) {
            headers.put(key, value);
            return this;
        }

        @Override
        public HttpResponseMessage.Builder body(Object b) {
            this.body = b;
            return this;
        }

        @Override
        public HttpResponseMessage build() {
            HttpStatusType s = status;
            Map<String, String> h = Map.copyOf(headers);
            Object b = body;
            return new HttpResponseMessage() {
                @Override
                public HttpStatusType getStatus() {
                    return s;
                }

                @Override
                public String getHeader(String key) {
                    for (Map.Entry<String, String> e : h.entrySet()) {
                        if (e.getKey().equalsIgnoreCase(key)) {
                            return e.getValue();
                        }
                    }
                    return null;
                }

                @Override
                public Object getBody() {
                    return b;
                }
            };
        }
    }
}
