package com.buildnest.shared;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An amount of Indian rupees held exactly, in paise. Never a floating-point number: a price
 * of ₹1,234.50 is {@code 123450} paise and stays so through every sum and multiplication.
 */
public record Money(long paise) implements Comparable<Money>, Serializable {

    public static final String CURRENCY = "INR";
    public static final Money ZERO = new Money(0);

    public static Money ofPaise(long paise) {
        return new Money(paise);
    }

    /** Parses a rupee amount such as {@code "1234.50"}; more than two decimals is refused, not rounded. */
    public static Money ofRupees(String rupees) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(rupees.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an amount of rupees: " + rupees);
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount of rupees has at most two decimals: " + rupees);
        }
        return new Money(amount.movePointRight(2).longValueExact());
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(paise, other.paise));
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(paise, quantity));
    }

    public boolean isNegative() {
        return paise < 0;
    }

    /** The amount in rupees with exactly two decimals, as the API writes it: {@code "1234.50"}. */
    public String toRupees() {
        return BigDecimal.valueOf(paise, 2).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The API's shape of money: {@code {"amount": "1234.50", "currency": "INR"}}. */
    @JsonValue
    public Json toJson() {
        return new Json(toRupees(), CURRENCY);
    }

    /** Money as the API writes it. */
    public record Json(String amount, String currency) {
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(paise, other.paise);
    }

    @Override
    public String toString() {
        return "₹" + toRupees();
    }
}
