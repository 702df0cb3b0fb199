package dev.fnguard.internal;

import jakarta.validation.MessageInterpolator;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.annotation.ElementType;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.hibernate.validator.HibernateValidator;

/**
 * The one Hibernate Validator of the process, bootstrapped once with a message interpolator that
 * leaves messages uninterpolated, so no expression-language implementation is needed or loaded and
 * no message bundle is read: the guard reports a violation as its field path and constraint name,
 * never as a message.
 *
 * <p>Bootstrapping loads some 550 classes. {@link #startBootstrap()} begins it on a daemon thread so
 * that it overlaps the rest of the handler's init (Jackson, AWS serializers, logging); the first
 * {@link #validator()} call waits for it.
 */
public final class BeanValidation {

    private static final CompletableFuture<Validator> BOOTSTRAP = new CompletableFuture<>();

    private BeanValidation() {
    }

    /** Starts the bootstrap in the background, once; later calls do nothing. */
    public static void startBootstrap() {
        Holder.touch();
    }

    static Validator validator() {
        Holder.touch();
        return BOOTSTRAP.join();
    }

    /** jboss-logging's setting naming its backend; without it, it probes for four in turn. */
    static final String JBOSS_LOGGING_PROVIDER = "org.jboss.logging.provider";

    private static Validator build() {
        useSlf4jForJbossLogging();
        Validator v = Validation.byProvider(HibernateValidator.class)
                .configure()
                // no META-INF/validation.xml lookup: keeps the XML parser out of the cold start
                .ignoreXmlConfiguration()
                .messageInterpolator(new TemplateOnly())
                // payloads are plain values, never JPA entities: skip the JPA detection
                .traversableResolver(new AlwaysTraversable())
                // the resolver answers in constant time: caching its answers per validation (a map per
                // call, a put per property) would cost more than asking it
                .enableTraversableResolverResultCache(false)
                .buildValidatorFactory()
                .getValidator();
        // @Email and @URL check domains with java.net.IDN, whose first call loads the JDK's ICU tables
        // (about 20 ms): load them here, off the first event that carries an address
        java.net.IDN.toASCII("fnguard.invalid");
        return v;
    }

    /**
     * Tells jboss-logging (Hibernate Validator's logging facade) to log through SLF4J, as the guard
     * does, unless the user has chosen its backend: left alone it first looks for JBoss LogManager
     * (initializing {@code java.util.logging} to ask), a service-loaded provider, Log4j 2 and Log4j,
     * a visible part of the validator's bootstrap. Without an SLF4J provider (SLF4J's no-op
     * fallback) it is left to its own search, which then ends at {@code java.util.logging}.
     */
    static void useSlf4jForJbossLogging() {
        if (System.getProperty(JBOSS_LOGGING_PROVIDER) == null
                && !(org.slf4j.LoggerFactory.getILoggerFactory() instanceof org.slf4j.helpers.NOPLoggerFactory)) {
            System.setProperty(JBOSS_LOGGING_PROVIDER, "slf4j");
        }
    }

    /**
     * Answers a violation's message template as it is. Hibernate Validator's own interpolators load
     * its message bundles and the JDK's locale providers on the first violation (the priming
     * validation at init meets one), and format attributes and values into the message: work whose
     * result nothing reads, since violations leave the guard only as field paths and constraint names
     * ({@link FieldPaths}).
     */
    private static final class TemplateOnly implements MessageInterpolator {
        @Override
        public String interpolate(String messageTemplate, Context context) {
            return messageTemplate;
        }

        @Override
        public String interpolate(String messageTemplate, Context context, Locale locale) {
            return messageTemplate;
        }
    }

    /** Every property is reachable and cascadable: payload types are not lazily loaded entities. */
    private static final class AlwaysTraversable implements TraversableResolver {
        @Override
        public boolean isReachable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }

        @Override
        public boolean isCascadable(Object bean, Path.Node node, Class<?> root, Path path, ElementType type) {
            return true;
        }
    }

    /** Class initialization runs once per class loader: that is the "once". */
    private static final class Holder {
        static {
            Thread t = new Thread(() -> {
                try {
                    BOOTSTRAP.complete(build());
                } catch (Throwable e) {
                    BOOTSTRAP.completeExceptionally(e);
                }
            }, "fnguard-validator-bootstrap");
            t.setDaemon(true);
            t.start();
        }

        static void touch() {
            // loading this class starts the bootstrap
        }
    }
}
