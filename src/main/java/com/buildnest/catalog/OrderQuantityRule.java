package com.buildnest.catalog;

import com.buildnest.shared.BusinessRuleViolation;

/**
 * Which quantities of a product, in its base unit, may be ordered: at least the minimum, in whole
 * steps above it, and no more than a sane maximum (a quantity no site could take is a typo).
 */
public record OrderQuantityRule(long minimum, long step, long maximum) {

    public OrderQuantityRule {
        if (minimum < 1 || step < 1 || maximum < minimum) {
            throw new IllegalArgumentException(
                    "need 1 <= minimum <= maximum and step >= 1: " + minimum + ", " + step + ", " + maximum);
        }
        if ((maximum - minimum) % step != 0) {
            throw new IllegalArgumentException("the maximum " + maximum + " is not a step of " + step
                    + " above the minimum " + minimum);
        }
    }

    /** Whether {@code quantity} may be ordered and, if not, why. */
    public Check accepts(long quantity) {
        if (quantity < minimum) {
            return Check.refused("catalog.quantity-below-minimum",
                    "The minimum order is " + minimum + "; " + quantity + " is below it.");
        }
        if (quantity > maximum) {
            return Check.refused("catalog.quantity-above-maximum",
                    "At most " + maximum + " can be ordered at once; " + quantity + " is more.");
        }
        if ((quantity - minimum) % step != 0) {
            long below = quantity - (quantity - minimum) % step;
            return Check.refused("catalog.quantity-off-step", "Quantities go from " + minimum + " in steps of "
                    + step + "; " + quantity + " is not one of them (nearest below: " + below + ").");
        }
        return Check.ACCEPTED;
    }

    /** The quantity, or a refusal naming the {@code quantity} field. */
    public long require(long quantity) {
        Check check = accepts(quantity);
        if (!check.accepted()) {
            throw BusinessRuleViolation.invalidField(check.code(), "quantity", check.reason());
        }
        return quantity;
    }

    /** The outcome of {@link #accepts}: accepted, or refused with a stable code and a reason for people. */
    public record Check(boolean accepted, String code, String reason) {
        static final Check ACCEPTED = new Check(true, null, null);

        static Check refused(String code, String reason) {
            return new Check(false, code, reason);
        }
    }
}
