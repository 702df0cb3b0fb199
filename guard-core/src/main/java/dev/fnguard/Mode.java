package dev.fnguard;

import java.util.Locale;

/**
 * Whether a check's denials are enforced or only reported.
 *
 * <p>In {@link #MONITOR} mode a denial becomes a {@link Decision#FLAG flag}: it is audited with its
 * reason code, and the event goes on to user code. Use it to roll a policy out before enforcing it.
 */
public enum Mode {
    /** Denials stop the event (the default). */
    ENFORCE,
    /** Denials are audited as flags and the event goes through. */
    MONITOR;

    /**
     * Parses {@code enforce} or {@code monitor}, ignoring case and surrounding blanks.
     *
     * @param value the text, for example the value of {@code FNGUARD_MODE}
     * @param setting the name of the setting, used in the error message
     * @return the mode
     * @throws IllegalArgumentException naming the setting when the value is neither
     */
    public static Mode parse(String value, String setting) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        switch (v) {
            case "enforce":
                return ENFORCE;
            case "monitor":
                return MONITOR;
            default:
                throw new IllegalArgumentException(
                        setting + " must be 'enforce' or 'monitor', was '" + value + "'");
        }
    }
}
