package com.buildnest.catalog;

import java.util.ArrayList;
import java.util.List;

import com.buildnest.shared.Money;

/**
 * A product's unit price by quantity: price breaks such as 50–199 bags at ₹405, each tier running
 * up to the next break, the last one open-ended. Tiers are built from their starting quantities,
 * so they are contiguous and never overlap by construction; the first starts at the minimum order
 * quantity, no price is negative and a larger order never pays more per unit.
 */
public record TierPrices(List<Tier> tiers) {

    /** A price break: from {@code minQuantity} (in base units) the unit price is {@code unitPrice}. */
    public record Break(long minQuantity, Money unitPrice) {
    }

    /** One tier: quantities {@code minQuantity} to {@code maxQuantity} (inclusive; null: no upper end). */
    public record Tier(long minQuantity, Long maxQuantity, Money unitPrice) {
        boolean covers(long quantity) {
            return quantity >= minQuantity && (maxQuantity == null || quantity <= maxQuantity);
        }
    }

    public TierPrices {
        tiers = List.copyOf(tiers);
    }

    public static TierPrices of(long minimumOrderQuantity, List<Break> breaks) {
        if (breaks.isEmpty()) {
            throw new IllegalArgumentException("a product needs at least one price");
        }
        if (breaks.get(0).minQuantity() != minimumOrderQuantity) {
            throw new IllegalArgumentException("the first price break starts at the minimum order quantity "
                    + minimumOrderQuantity + ", not " + breaks.get(0).minQuantity());
        }
        List<Tier> tiers = new ArrayList<>();
        for (int i = 0; i < breaks.size(); i++) {
            Break current = breaks.get(i);
            if (current.unitPrice().isNegative()) {
                throw new IllegalArgumentException("a price cannot be negative: " + current.unitPrice());
            }
            Long max = null;
            if (i + 1 < breaks.size()) {
                Break next = breaks.get(i + 1);
                if (next.minQuantity() <= current.minQuantity()) {
                    throw new IllegalArgumentException("price breaks must rise: " + next.minQuantity()
                            + " follows " + current.minQuantity());
                }
                if (next.unitPrice().compareTo(current.unitPrice()) > 0) {
                    throw new IllegalArgumentException("a larger order never pays more per unit: "
                            + next.unitPrice() + " from " + next.minQuantity() + " exceeds " + current.unitPrice());
                }
                max = next.minQuantity() - 1;
            }
            tiers.add(new Tier(current.minQuantity(), max, current.unitPrice()));
        }
        return new TierPrices(tiers);
    }

    /** The unit price, tax-exclusive, of an order of {@code quantity} base units. */
    public Money unitPriceFor(long quantity) {
        return tiers.stream().filter(tier -> tier.covers(quantity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no price for a quantity of " + quantity
                        + "; the first tier starts at " + tiers.get(0).minQuantity()))
                .unitPrice();
    }

    /** Unit price times quantity, exactly, tax-exclusive. */
    public Money totalFor(long quantity) {
        return unitPriceFor(quantity).times(quantity);
    }

    /** The price of the smallest order, the one a listing shows. */
    public Money startingPrice() {
        return tiers.get(0).unitPrice();
    }

    List<Break> breaks() {
        return tiers.stream().map(tier -> new Break(tier.minQuantity(), tier.unitPrice())).toList();
    }
}
