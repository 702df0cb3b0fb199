package dev.fnguard.detect;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a string component of a payload record as one user code writes into an output context;
 * under {@link Action#ENCODE} it reaches user code encoded for that context (OWASP Java Encoder).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Encode {

    /** @return the output context */
    Context value();

    /** Output contexts, one per OWASP Java Encoder method. */
    enum Context {
        /** HTML element content ({@code Encode.forHtml}). */
        HTML,
        /** A quoted HTML attribute value ({@code Encode.forHtmlAttribute}). */
        HTML_ATTRIBUTE,
        /** A JavaScript string literal ({@code Encode.forJavaScript}). */
        JAVASCRIPT,
        /** A URI component ({@code Encode.forUriComponent}). */
        URI_COMPONENT,
        /** A CSS string ({@code Encode.forCssString}). */
        CSS
    }
}
