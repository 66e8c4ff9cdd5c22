package com.buildnest.catalog;

import java.time.Instant;
import java.util.List;

import com.buildnest.shared.Money;

/** Products and prices with business names, built without Spring. */
final class PricingFixtures {

    private PricingFixtures() {
    }

    /** OPC cement by the 50 kg bag: ₹415 for 1–49 bags, ₹405 for 50–199, ₹398 from 200. */
    static TierPrices cementTiers() {
        return TierPrices.of(1, List.of(new TierPrices.Break(1, Money.ofRupees("415.00")),
                new TierPrices.Break(50, Money.ofRupees("405.00")), new TierPrices.Break(200, Money.ofRupees("398.00"))));
    }

    /** TMT bars by the kilogram: at least half a tonne, in steps of 100 kg, at most 100 t. */
    static OrderQuantityRule tmtOrdering() {
        return new OrderQuantityRule(500, 100, 100_000);
    }

    static Product cementBag() {
        return new Product("CEM-TEST-OPC53-50", "Test OPC 53 Cement, 50 kg", "Test", 1L, "for tests", SellingUnit.BAG,
                List.of(new PackSize("truckload of 200 bags (10 t)", 200)), new OrderQuantityRule(1, 1, 2000),
                cementTiers(), "2523", 50_000, Instant.parse("2026-01-01T00:00:00Z"));
    }
}
