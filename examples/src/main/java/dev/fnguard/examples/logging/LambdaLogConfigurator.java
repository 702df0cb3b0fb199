package dev.fnguard.examples.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback configuration for the example functions, in code: audit events go to stdout as the bare
 * JSON line (nothing else on the line, so CloudWatch Logs Insights and tests can parse them), other
 * logs as {@code LEVEL logger - message}.
 *
 * <p>Registered through {@code META-INF/services}; configuring in code instead of {@code logback.xml}
 * keeps logback's XML parser (some 250 classes) out of the cold start.
 */
public final class LambdaLogConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Logger audit = context.getLogger("fnguard.audit");
        audit.setAdditive(false);
        audit.setLevel(Level.INFO);
        audit.addAppender(console(context, "AUDIT", new MessageOnly()));

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(console(context, "CONSOLE", new LevelLoggerMessage()));
        context.getLogger("org.hibernate.validator").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static ConsoleAppender<ILoggingEvent> console(LoggerContext context, String name,
            LayoutBase<ILoggingEvent> layout) {
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(context);
        appender.setName(name);
        appender.setEncoder(encoder);
        appender.start();
        return appender;
    }

    /** The message alone: the audit event's JSON. */
    static final class MessageOnly extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            return event.getFormattedMessage() + "\n";
        }
    }

    /** {@code LEVEL logger - message}. */
    static final class LevelLoggerMessage extends LayoutBase<ILoggingEvent> {
        @Override
        public String doLayout(ILoggingEvent event) {
            return event.getLevel() + " " + event.getLoggerName() + " - " + event.getFormattedMessage() + "\n";
        }
    }
}
