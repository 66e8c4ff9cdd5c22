package com.buildnest.customer;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/** The text must be accepted by {@link Gstin}; null is left to {@code @NotNull}. */
@Documented
@Target({ FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE })
@Retention(RUNTIME)
@Constraint(validatedBy = ValidGstin.Check.class)
@interface ValidGstin {

    String message() default "must be a GSTIN";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check extends ValueObjectCheck<ValidGstin> {
        public Check() {
            super(Gstin::of);
        }
    }
}
