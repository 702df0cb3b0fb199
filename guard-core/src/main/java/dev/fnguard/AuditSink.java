package dev.fnguard;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where audit events go. Implementations are fast, take no locks on the hot path if they can help
 * it, and never throw: an audit failure must not change the answer to the caller.
 */
@FunctionalInterface
public interface AuditSink {

    /** A sink that discards events. */
    AuditSink NONE = event -> { };

    /**
     * Records one event.
     *
     * @param event the event
     */
    void emit(AuditEvent event);

    /**
     * The default sink: one JSON line per event at INFO on the SLF4J logger {@value AuditEvent#LOGGER}.
     *
     * @return the sink
     */
    static AuditSink slf4j() {
        Logger log = LoggerFactory.getLogger(AuditEvent.LOGGER);
        return event -> {
            try {
                if (log.isInfoEnabled()) {
                    log.info(event.toJson());
                }
            } catch (RuntimeException e) {
                // an audit failure must not change the answer; say so once per failure, without the event
                LoggerFactory.getLogger("fnguard").error("audit sink failed: {}", e.getClass().getName());
            }
        };
    }
}
