package dev.fnguard.lambda.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SNS signing certificates: which URLs are trusted, and a bounded cache of the certificates fetched
 * from them. A certificate is fetched at most once at a time per URL (concurrent callers wait for
 * the same fetch); a failed fetch is not cached, so the next message tries again.
 */
public final class SnsCertificates {

    /** How many certificate URLs are remembered (SNS uses one per region and rotation). */
    public static final int MAX_ENTRIES = 32;

    private static final int MAX_URL_LENGTH = 512;
    private static final int MAX_REGION_LENGTH = 32;
    private static final long WAIT_SECONDS = 10;

    private final CertificateFetcher fetcher;
    private final Map<URI, CompletableFuture<X509Certificate>> cache =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<URI, CompletableFuture<X509Certificate>> eldest) {
                    return size() > MAX_ENTRIES;
                }
            };

    /**
     * Creates the cache.
     *
     * @param fetcher how certificates are fetched
     */
    public SnsCertificates(CertificateFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * Checks a signing certificate URL before anything is fetched from it: {@code https}, a host
     * {@code sns.<region>.amazonaws.com} or {@code sns.<region>.amazonaws.com.cn} spelled exactly
     * (lower case, no user info, no port, no trailing dot), a path of plain characters ending in
     * {@code .pem}, no query or fragment.
     *
     * @param url the URL from the message
     * @return the URL, when trusted
     */
    public static Optional<URI> trustedUrl(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL_LENGTH) {
            return Optional.empty();
        }
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        if (u.isOpaque() || !"https".equals(u.getScheme()) || u.getRawUserInfo() != null || u.getPort() != -1
                || u.getRawQuery() != null || u.getRawFragment() != null || u.getHost() == null
                || !u.getHost().equals(u.getRawAuthority()) || !snsHost(u.getHost())) {
            return Optional.empty();
        }
        String path = u.getRawPath();
        if (path == null || path.length() < 6 || path.charAt(0) != '/' || !path.endsWith(".pem")) {
            return Optional.empty();
        }
        int segment = 1;
        for (int i = 1; i <= path.length(); i++) {
            char c = i < path.length() ? path.charAt(i) : '/';
            if (c == '/') {
                String s = path.substring(segment, i);
                if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                    return Optional.empty();
                }
                segment = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-'
                    || c == '_')) {
                return Optional.empty();
            }
        }
        return Optional.of(u);
    }

    static boolean snsHost(String host) {
        String suffix = host.endsWith(".amazonaws.com") ? ".amazonaws.com"
                : host.endsWith(".amazonaws.com.cn") ? ".amazonaws.com.cn" : null;
        if (suffix == null || !host.startsWith("sns.") || host.length() <= 4 + suffix.length()) {
            return false;
        }
        String region = host.substring(4, host.length() - suffix.length());
        if (region.length() > MAX_REGION_LENGTH || region.charAt(0) < 'a' || region.charAt(0) > 'z') {
            return false;
        }
        for (int i = 0; i < region.length(); i++) {
            char c = region.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * The certificate at a trusted URL, from the cache or fetched now.
     *
     * @param url a URL {@link #trustedUrl} accepted
     * @return the certificate (its validity period is the caller's to check)
     * @throws IOException when it cannot be fetched or is not an X.509 certificate
     */
    public X509Certificate get(URI url) throws IOException {
        CompletableFuture<X509Certificate> future;
        boolean mine = false;
        synchronized (cache) {
            future = cache.get(url);
            if (future == null) {
                future = new CompletableFuture<>();
                cache.put(url, future);
                mine = true;
            }
        }
        if (mine) {
            try {
                future.complete(parse(fetcher.fetch(url)));
            } catch (IOException | RuntimeException e) {
                forget(url, future);
                future.completeExceptionally(e);
            }
        }
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException("certificate fetch failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("timed out waiting for the certificate fetch", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the certificate fetch", e);
        }
    }

    /**
     * Drops a URL's certificate from the cache (when it is no longer valid), so the next message
     * fetches it again.
     *
     * @param url the URL
     */
    public void forget(URI url) {
        synchronized (cache) {
            cache.remove(url);
        }
    }

    private void forget(URI url, CompletableFuture<X509Certificate> future) {
        synchronized (cache) {
            cache.remove(url, future);
        }
    }

    private static X509Certificate parse(byte[] bytes) throws IOException {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(bytes));
        } catch (CertificateException | ClassCastException e) {
            throw new IOException("not an X.509 certificate", e);
        }
    }
}
