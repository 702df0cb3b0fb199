package dev.fnguard.internal;

import dev.fnguard.Check;
import dev.fnguard.EventRecord;
import dev.fnguard.HttpRequest;
import dev.fnguard.HttpSettings;
import dev.fnguard.Inspection;
import dev.fnguard.Reason;
import dev.fnguard.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP transport rules, once per invocation and before any parsing: HTTPS, method, content type.
 *
 * <p>HTTPS is judged by {@code X-Forwarded-Proto}, which API Gateway, Function URLs and ALB set. A
 * request without the header is accepted only from a front door that serves HTTPS alone (API
 * Gateway, Function URLs); an ALB event without it is refused, since ALB listeners may be plain HTTP.
 */
public final class HttpTransportCheck implements Check {

    /** The check's name. */
    public static final String NAME = "http";

    private final HttpSettings settings;

    /**
     * Compiles the rules.
     *
     * @param settings the HTTP settings of the policy
     */
    public HttpTransportCheck(HttpSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Scope scope() {
        return Scope.INVOCATION;
    }

    @Override
    public Verdict check(Inspection inspection) {
        Optional<HttpRequest> maybe = inspection.invocation().http();
        if (maybe.isEmpty()) {
            return Verdict.allow();
        }
        HttpRequest req = maybe.get();
        if (!settings.allowPlainHttp() && !arrivedOverHttps(req)) {
            return Verdict.deny(Reason.TLS_REQUIRED);
        }
        List<String> methods = settings.methods();
        if (!methods.isEmpty() && !methods.contains(req.method())) {
            return Verdict.deny(Reason.METHOD);
        }
        boolean hasBody = false;
        for (EventRecord r : inspection.invocation().records()) {
            hasBody |= r.size() > 0;
        }
        if (hasBody) {
            Optional<String> contentType = req.headers().first("content-type");
            if (contentType.isPresent() && !accepted(contentType.get())) {
                return Verdict.deny(Reason.CONTENT_TYPE);
            }
        }
        return Verdict.allow();
    }

    private static boolean arrivedOverHttps(HttpRequest req) {
        Optional<String> proto = req.headers().first("x-forwarded-proto");
        if (proto.isEmpty()) {
            return req.httpsOnlyFrontDoor();
        }
        String p = proto.get();
        int comma = p.indexOf(',');
        // the left-most value is the one the client used to reach the first proxy
        String first = (comma < 0 ? p : p.substring(0, comma)).strip();
        return first.equalsIgnoreCase("https");
    }

    private boolean accepted(String header) {
        String[] parts = header.split(";");
        String media = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!settings.contentTypes().contains(media)) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip().toLowerCase(Locale.ROOT);
            if (param.startsWith("charset=")) {
                String cs = param.substring("charset=".length()).replace("\"", "").strip();
                if (!cs.equals("utf-8") && !cs.equals("utf8")) {
                    return false;
                }
            }
        }
        return true;
    }
}
