package com.buildnest.backoffice;

import java.util.Map;
import java.util.Set;

import jakarta.validation.ConstraintViolation;

/**
 * The back office's forms keep every value as typed (text), so a refused form shows it again
 * exactly; this reads the whole numbers out of them, and gathers the messages the modules' checks
 * give, one per field, into the map the templates show beside each field.
 */
final class FormNumbers {

    private final Map<String, String> errors;

    FormNumbers(Map<String, String> errors) {
        this.errors = errors;
    }

    /** The number typed in {@code field}, null if it was left empty or cannot be read (then noted in the errors). */
    Long read(String field, String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(typed.trim());
        } catch (NumberFormatException e) {
            errors.putIfAbsent(field, "must be a whole number");
            return null;
        }
    }

    /** The violations of a module's form checks, the first one per field. */
    static <T> void collect(Set<ConstraintViolation<T>> violations, Map<String, String> errors) {
        violations.stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .forEach(v -> errors.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
    }
}
