package dev.fnguard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hibernate Validator's logging facade is pointed at SLF4J only when the user has not chosen its backend. */
class BeanValidationTest {

    private String before;

    @BeforeEach
    void remember() {
        before = System.getProperty(BeanValidation.JBOSS_LOGGING_PROVIDER);
    }

    @AfterEach
    void restore() {
        if (before == null) {
            System.clearProperty(BeanValidation.JBOSS_LOGGING_PROVIDER);
        } else {
            System.setProperty(BeanValidation.JBOSS_LOGGING_PROVIDER, before);
        }
    }

    @Test
    void pointsJbossLoggingAtSlf4jWhenNobodyChoseItsBackend() {
        System.clearProperty(BeanValidation.JBOSS_LOGGING_PROVIDER);
        BeanValidation.useSlf4jForJbossLogging();
        // these tests have logback behind SLF4J, as a function would
        assertEquals("slf4j", System.getProperty(BeanValidation.JBOSS_LOGGING_PROVIDER));
    }

    @Test
    void leavesABackendTheUserChoseAlone() {
        System.setProperty(BeanValidation.JBOSS_LOGGING_PROVIDER, "jdk");
        BeanValidation.useSlf4jForJbossLogging();
        assertEquals("jdk", System.getProperty(BeanValidation.JBOSS_LOGGING_PROVIDER));
    }
}
