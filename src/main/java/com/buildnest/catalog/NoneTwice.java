package com.buildnest.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A form's attributes name each attribute once, whatever its case ({@code Grade} and {@code grade}
 * are one name), and its images give each address once; a repeat is a 400 on the list like any
 * other shape error (the catalogue's own rule, {@link ProductAttribute#ofProduct}, stays behind it).
 */
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = NoneTwice.Check.class)
@interface NoneTwice {

    String message() default "must not give the same attribute name or image address twice";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /**
     * Compares trimmed, lower-cased attribute names and trimmed image addresses; absent ones are
     * left to their own constraints.
     */
    class Check implements ConstraintValidator<NoneTwice, List<?>> {
        @Override
        public boolean isValid(List<?> entries, ConstraintValidatorContext context) {
            if (entries == null) {
                return true;
            }
            Set<String> seen = new HashSet<>();
            return entries.stream().map(Check::key).filter(Objects::nonNull).allMatch(seen::add);
        }

        private static String key(Object entry) {
            if (entry instanceof ProductForm.Attribute attribute && attribute.name() != null) {
                return attribute.name().trim().toLowerCase(Locale.ROOT);
            }
            if (entry instanceof ProductForm.Image image && image.url() != null) {
                return image.url().trim();
            }
            return null;
        }
    }
}
