package dev.fnguard.auth.internal;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

/**
 * Runs one RS256 token through nimbus's processor at init, on the verifier's daemon thread, so that
 * the first real token does not pay for the class loading and first execution of the JOSE parser,
 * the key selection, the JCA signature and the claims parsing (about 30 ms on a cold JVM with
 * Lambda's C1-only flags).
 *
 * <p>The key and token below are throwaway constants made for this purpose alone (the private half
 * was discarded); the key is never added to a verifier's key source, and the result is ignored.
 */
final class JwtWarmup {

    /** Public half of a discarded RSA 2048 key. */
    private static final String KEY = "{\"kty\":\"RSA\",\"e\":\"AQAB\",\"kid\":\"fnguard-warmup\",\"n\":\"kL1-6yjrWaQL2QPzX_5WLp3"
            + "-k3XDT9_UVeK0Ua3thIp64BWOLmHT6_aVHlHC8JMkizuQyig4p5fQsIi792zyOHEDcFBlMtvhJMm7MNVUednGEt6mw"
            + "ait0SLYQ-Xb0lXz3fLUeqpal_K3C2k_3SWzt3jzv4oYoyIsQbKOwNpRD_bubVeWwF8tTjznnHhA45EUp_ppqfD-PzI"
            + "av6MgrpPUJHwrDk3xn18MlCuJ_9GekHu16L3-1jsSDCJbOQqFW8XpNXsN1orkGaxXYdNnw-0DtqvhCYuAxYoFCz4lS"
            + "vTVW6XkVhmzTDnkxNIVNYi492Ndote_dxVR4dteYpfdGXKWRw\"}";

    /** An RS256 token signed with that key, expired in 1970. */
    private static final String TOKEN = "eyJraWQiOiJmbmd1YXJkLXdhcm11cCIsInR5cCI6IkpXVCIsImFsZyI6IlJTMjU2In0.eyJhdWQiOiJmbmd1YXJkLX"
            + "dhcm11cCIsInN1YiI6Indhcm11cCIsInNjb3BlIjoid2FybXVwIiwiaXNzIjoiaHR0cHM6Ly93YXJtdXAuZm5ndWFy"
            + "ZC5pbnZhbGlkLyIsImV4cCI6MSwiaWF0IjowfQ.PArbaS37y46PdHL16-izqy4VuWewJcwCbzdfGBZpN4aQNhq191A"
            + "g09T1vM7dOiuOSlDfsu8sR31Axzenq03VpBkDesGFxRenNFZqACDo4_zWP6G8zaNSgdnoWw6dZiWeKqm08ON1xV8gU"
            + "QGRoFLiVPipeha7qWDnmYpzcn1RXdXtb8gsHWPhwePNX3Ot3_ydm9C2NmATAGwK6tjTfWSj9ddW8X4DRywWRQbNXo5"
            + "HbLQGH-8z6unwW9CXyhhNFxwoi7E4w_aReqN_bXH_yTCt1F-Ou3y7jrY7GLUMRbDEg6H_RDO9xqCezeKwZAOe85RQn"
            + "BdUw7nwYI29WUF8oIMbqg";

    private JwtWarmup() {
    }

    /**
     * Verifies the constant token once; never throws.
     *
     * @return whether the token verified (the whole path ran)
     */
    static boolean run() {
        try {
            DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
            p.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                    new ImmutableJWKSet<>(new JWKSet(RSAKey.parse(KEY)))));
            p.setJWTClaimsSetVerifier((claims, ctx) -> { });
            return "warmup".equals(p.process(TOKEN, null).getSubject());
        } catch (Exception | LinkageError e) {
            // best effort: a failed warm-up only leaves the first token slower
            return false;
        }
    }
}
