package com.buildnest.analytics;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The days a dashboard covers, both included, as the query asks for them: both dates or neither
 * (then the last {@link AnalyticsProperties#defaultDays()} days up to today), {@code from} not after
 * {@code to}, at most {@value #MAX_DAYS} days. A range that breaks a rule is a 400 naming the field.
 */
@DashboardRange.Valid
public record DashboardRange(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    /** A leap year: a whole year always fits, whichever year it is. */
    public static final int MAX_DAYS = 366;

    /** The rules above, each reported on the field it is about. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = Check.class)
    @interface Valid {

        String message() default "is not a valid range of days";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    static final class Check implements ConstraintValidator<Valid, DashboardRange> {

        @Override
        public boolean isValid(DashboardRange range, ConstraintValidatorContext context) {
            String field;
            String reason;
            if (range.from() == null && range.to() == null) {
                return true;
            } else if (range.from() == null || range.to() == null) {
                field = range.from() == null ? "from" : "to";
                reason = "give both from and to, or neither for the last days up to today";
            } else if (range.from().isAfter(range.to())) {
                field = "from";
                reason = "must not be after to";
            } else if (ChronoUnit.DAYS.between(range.from(), range.to()) >= MAX_DAYS) {
                field = "to";
                reason = "a dashboard covers at most " + MAX_DAYS + " days";
            } else {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(reason).addPropertyNode(field).addConstraintViolation();
            return false;
        }
    }
}
