package dev.fnguard.internal;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The one Hibernate Validator of the process, bootstrapped on first use (at handler init) with
 * {@link ParameterMessageInterpolator}, so no expression-language implementation is needed or loaded.
 */
final class BeanValidation {

    private BeanValidation() {
    }

    static Validator validator() {
        return Holder.VALIDATOR;
    }

    private static final class Holder {
        static final Validator VALIDATOR = Validation.byProvider(HibernateValidator.class)
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
    }
}
