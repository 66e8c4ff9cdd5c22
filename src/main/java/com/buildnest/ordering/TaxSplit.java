package com.buildnest.ordering;

import java.math.BigDecimal;
import java.math.RoundingMode;

import com.buildnest.shared.Money;

/**
 * GST on one invoice line, split the way the law splits it: within the seller's own state half goes
 * to the Centre (CGST) and half to the state (SGST); to another state it is one integrated tax
 * (IGST). Each part is rounded half-up to the paisa on its own, so CGST always equals SGST.
 * Public so that generated orders (the data generator) are taxed by the same rule as checkout.
 *
 * @param taxable the value GST is charged on
 * @param rate the GST rate in percent, e.g. 18.00
 */
public record TaxSplit(Money taxable, BigDecimal rate, Money cgst, Money sgst, Money igst) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal TWO_HUNDRED = BigDecimal.valueOf(200);

    /** Whether goods stay in the seller's state (CGST + SGST) or cross into another (IGST). */
    public enum Supply {
        INTRA_STATE, INTER_STATE;

        /** By place of supply: for goods delivered, the state they are delivered to (GST codes, e.g. "29"). */
        public static Supply between(String sellerStateCode, String placeOfSupplyStateCode) {
            return sellerStateCode.equals(placeOfSupplyStateCode) ? INTRA_STATE : INTER_STATE;
        }
    }

    public static TaxSplit on(Money taxable, BigDecimal rate, Supply supply) {
        if (taxable.isNegative() || rate.signum() < 0) {
            throw new IllegalArgumentException("tax on " + taxable + " at " + rate + "%");
        }
        if (supply == Supply.INTER_STATE) {
            return new TaxSplit(taxable, rate, Money.ZERO, Money.ZERO, part(taxable, rate, HUNDRED));
        }
        Money half = part(taxable, rate, TWO_HUNDRED);
        return new TaxSplit(taxable, rate, half, half, Money.ZERO);
    }

    public Money tax() {
        return cgst.plus(sgst).plus(igst);
    }

    public Money total() {
        return taxable.plus(tax());
    }

    private static Money part(Money taxable, BigDecimal rate, BigDecimal divisor) {
        return Money.ofPaise(BigDecimal.valueOf(taxable.paise()).multiply(rate)
                .divide(divisor, 0, RoundingMode.HALF_UP).longValueExact());
    }
}
