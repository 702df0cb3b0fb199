package dev.fnguard.auth.internal;

import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fetches a JWKS document: over HTTP(S) with nimbus's retriever (timeouts, size limit), or from a
 * {@code file:} URL for local runs and tests, under the same size limit. Only ever called with the
 * configured URL: nothing a token names is fetched.
 */
final class JwksRetriever implements ResourceRetriever {

    private final int sizeLimit = JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT;
    private final DefaultResourceRetriever http = new DefaultResourceRetriever(
            JWKSourceBuilder.DEFAULT_HTTP_CONNECT_TIMEOUT, JWKSourceBuilder.DEFAULT_HTTP_READ_TIMEOUT, sizeLimit);

    @Override
    public Resource retrieveResource(URL url) throws IOException {
        if (!"file".equalsIgnoreCase(url.getProtocol())) {
            return http.retrieveResource(url);
        }
        Path path;
        try {
            path = Path.of(url.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("bad file URL for the JWKS");
        }
        try (InputStream in = Files.newInputStream(path)) {
            byte[] bytes = in.readNBytes(sizeLimit + 1);
            if (bytes.length > sizeLimit) {
                throw new IOException("JWKS file larger than " + sizeLimit + " bytes");
            }
            return new Resource(new String(bytes, StandardCharsets.UTF_8), "application/json");
        }
    }
}
