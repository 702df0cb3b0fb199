package dev.fnguard.lambda.internal;

import java.io.IOException;
import java.net.URI;

/**
 * Fetches the bytes of a signing certificate (PEM or DER) from a URL that has already been checked
 * as trusted. The default is {@link HttpsCertificateFetcher}; tests pass their own, since there is no
 * network to fetch from.
 */
@FunctionalInterface
public interface CertificateFetcher {

    /**
     * Fetches a certificate.
     *
     * @param url a trusted {@code https} URL
     * @return the certificate's bytes
     * @throws IOException when it cannot be fetched (unreachable, timeout, error status, too large)
     */
    byte[] fetch(URI url) throws IOException;
}
