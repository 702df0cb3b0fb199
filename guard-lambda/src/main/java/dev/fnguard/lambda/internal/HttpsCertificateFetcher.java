package dev.fnguard.lambda.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Fetches signing certificates with the JDK's {@link HttpClient}: HTTPS only, no redirects, short
 * connect and request timeouts, and a cap on the response size, so that a slow or hostile endpoint
 * costs at most a few seconds and a few kilobytes.
 */
public final class HttpsCertificateFetcher implements CertificateFetcher {

    /** The most bytes a certificate response may have (real SNS certificates are about 2 KiB). */
    public static final int MAX_BYTES = 16 * 1024;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);

    private volatile HttpClient client;

    /**
     * Creates the fetcher. Its client (and the client's selector thread) is built at the first fetch,
     * so that a handler that does not verify signatures never starts one, and no open connection is
     * captured in a SnapStart snapshot.
     */
    public HttpsCertificateFetcher() {
    }

    private HttpClient client() {
        HttpClient c = client;
        if (c == null) {
            synchronized (this) {
                c = client;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(CONNECT_TIMEOUT)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                    client = c;
                }
            }
        }
        return c;
    }

    @Override
    public byte[] fetch(URI url) throws IOException {
        if (!"https".equals(url.getScheme())) {
            throw new IOException("certificate URL is not https");
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching the signing certificate", e);
        }
        try (InputStream in = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("signing certificate answered status " + response.statusCode());
            }
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new IOException("signing certificate larger than " + MAX_BYTES + " bytes");
            }
            return bytes;
        }
    }
}
