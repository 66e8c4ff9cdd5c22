package com.buildnest.customer;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.HashSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonSetter;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /api/me}, read as a JSON merge patch: a property left out stays as it
 * is, and null clears it. Only {@code fullName} and {@code phone} can be changed here. Any other
 * property (roles, id, enabled, username, email…) is refused and named rather than silently
 * dropped, so that a client learns it cannot set it instead of believing it did.
 */
@ProfileChanges.ContactDetailsOnly
final class ProfileChanges {

    /** Up to 120 characters with at least one that is not a space (as String.trim sees spaces). */
    @Size(max = 120)
    @Pattern(regexp = "(?s).*[^\\x00-\\x20].*", message = "must not be blank")
    private String fullName;

    @ValidMobileNumber
    private String phone;

    private final Set<String> given = new HashSet<>();
    private final SortedSet<String> refused = new TreeSet<>();

    @JsonSetter("fullName")
    void fullName(String fullName) {
        this.fullName = fullName;
        given.add("fullName");
    }

    @JsonSetter("phone")
    void phone(String phone) {
        this.phone = phone;
        given.add("phone");
    }

    @JsonAnySetter
    void refuse(String property, JsonNode value) {
        refused.add(property);
    }

    /** The name after this change, given the current one. */
    String fullNameOr(String current) {
        return given.contains("fullName") ? fullName : current;
    }

    /** The mobile number after this change, given the current one. */
    String phoneOr(String current) {
        return given.contains("phone") ? phone : current;
    }

    /** Refuses each property other than {@code fullName} and {@code phone}, naming it as the field. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = ContactDetailsOnly.Check.class)
    @interface ContactDetailsOnly {

        String message() default "cannot be changed here: only fullName and phone can";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<ContactDetailsOnly, ProfileChanges> {

            @Override
            public boolean isValid(ProfileChanges changes, ConstraintValidatorContext context) {
                if (changes.refused.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                changes.refused.forEach(property -> context
                        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(property).addConstraintViolation());
                return false;
            }
        }
    }
}
