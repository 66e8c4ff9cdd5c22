package com.buildnest.customer;

import java.lang.annotation.Annotation;
import java.util.function.Function;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Bean Validation that hands a request's text to a value object and reports the value object's own
 * reason when it refuses, so that each rule is written once, in the value object, and a refusal
 * still comes out as a 400 naming the field. A null value is left to {@code @NotNull}: whether a
 * field is required is the request's business, not the value object's.
 */
abstract class ValueObjectCheck<A extends Annotation> implements ConstraintValidator<A, String> {

    private final Function<String, ?> parse;

    ValueObjectCheck(Function<String, ?> parse) {
        this.parse = parse;
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        try {
            parse.apply(value);
            return true;
        } catch (IllegalArgumentException refused) {
            // The reasons are constants of the value objects (no braces, no input echoed), so they
            // are safe to use as message templates.
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(refused.getMessage()).addConstraintViolation();
            return false;
        }
    }
}
