package com.buildnest.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.buildnest.shared.Money;

/** A GST rate in percent, such as 18.00, and the tax it puts on an amount. */
public record GstRate(BigDecimal percent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public GstRate {
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0 || percent.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("not a GST rate in percent with at most two decimals: " + percent);
        }
        percent = percent.setScale(2);
    }

    public static GstRate of(String percent) {
        return new GstRate(new BigDecimal(percent));
    }

    /** The tax on a tax-exclusive amount, rounded half-up to the paisa. */
    public Money taxOn(Money amount) {
        return Money.ofPaise(BigDecimal.valueOf(amount.paise()).multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP).longValueExact());
    }

    /** The amount with this tax added. */
    public Money addTo(Money amount) {
        return amount.plus(taxOn(amount));
    }
}
