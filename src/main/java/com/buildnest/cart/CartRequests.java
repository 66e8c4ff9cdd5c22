package com.buildnest.cart;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.SortedSet;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import com.buildnest.inventory.Inventory;

import tools.jackson.databind.JsonNode;

/**
 * The bodies the cart API reads. A property it does not know is refused and named (400), not
 * silently dropped: a client sending {@code qty} or {@code unit} must learn that it was not used.
 */
final class CartRequests {

    private CartRequests() {
    }

    /** Collects unknown properties for {@link KnownPropertiesOnly}. */
    abstract static class Body {
        private final SortedSet<String> unknown = new TreeSet<>();

        @JsonAnySetter
        void unknown(String property, JsonNode value) {
            unknown.add(property);
        }
    }

    /** {@code POST /api/cart/items}: a quantity in the product's base unit. */
    @KnownPropertiesOnly
    static final class AddItem extends Body {
        @JsonProperty
        @NotNull
        @Positive
        private Long productId;

        @JsonProperty
        @NotNull
        @Positive
        @Max(Inventory.MAX_QUANTITY)
        private Long quantity;

        long productId() {
            return productId;
        }

        long quantity() {
            return quantity;
        }
    }

    /** {@code PATCH /api/cart/items/{itemId}}: the line's new quantity. */
    @KnownPropertiesOnly
    static final class ChangeQuantity extends Body {
        @JsonProperty
        @NotNull
        @Positive
        @Max(Inventory.MAX_QUANTITY)
        private Long quantity;

        long quantity() {
            return quantity;
        }
    }

    /** Names each unknown property of a {@link Body} as an invalid field. */
    @Documented
    @Target(TYPE)
    @Retention(RUNTIME)
    @Constraint(validatedBy = KnownPropertiesOnly.Check.class)
    @interface KnownPropertiesOnly {

        String message() default "is not a property of this request";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        final class Check implements ConstraintValidator<KnownPropertiesOnly, Body> {

            @Override
            public boolean isValid(Body body, ConstraintValidatorContext context) {
                if (body.unknown.isEmpty()) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                body.unknown.forEach(property -> context
                        .buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode(property).addConstraintViolation());
                return false;
            }
        }
    }
}
