package dev.fnguard.detect.internal;

import dev.fnguard.detect.Encode;

/** Maps an output context to its OWASP Java Encoder method. */
final class Encoders {

    private Encoders() {}

    static String encode(Encode.Context context, String s) {
        switch (context) {
            case HTML: return org.owasp.encoder.Encode.forHtml(s);
            case HTML_ATTRIBUTE: return org.owasp.encoder.Encode.forHtmlAttribute(s);
            case JAVASCRIPT: return org.owasp.encoder.Encode.forJavaScript(s);
            case URI_COMPONENT: return org.owasp.encoder.Encode.forUriComponent(s);
            case CSS: return org.owasp.encoder.Encode.forCssString(s);
            default: throw new IllegalArgumentException("unknown encoding context " + context);
        }
    }
}
