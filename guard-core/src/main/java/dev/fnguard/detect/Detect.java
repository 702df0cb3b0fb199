package dev.fnguard.detect;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Selects the injection detectors that inspect every string of the bound payload (values and
 * object keys) and the HTTP parameters, headers and cookies, and what happens on a finding.
 *
 * <p>Nested in {@code @Guarded(detect = @Detect(...))}. With no detectors (the default) detection
 * is off. {@code FNGUARD_MONITOR_CHECKS=detect} turns blocking into report-only at deploy time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({})
public @interface Detect {

    /** @return the detectors to run; none (detection off) by default */
    Detector[] value() default {};

    /** @return the action on a finding, {@link Action#BLOCK} by default */
    Action action() default Action.BLOCK;

    /**
     * Field paths (as in verdicts, for example {@code note} or {@code items[].name}, or a header
     * as {@code header.user-agent}) exempt from detection: free text that may hold quotes or markup.
     *
     * @return exempt paths, none by default
     */
    String[] exempt() default {};

    /**
     * Field paths that hold URLs; the {@link Detector#SSRF} detector inspects only these.
     *
     * @return URL field paths, none by default
     */
    String[] urls() default {};

    /**
     * Field paths that hold relative file names; absolute paths in them are path traversal.
     *
     * @return relative-name field paths, none by default
     */
    String[] relativePaths() default {};
}
