package com.buildnest.ordering;

import java.util.Comparator;
import java.util.Optional;

import com.buildnest.ordering.OrderingProperties.Shipping;
import com.buildnest.ordering.OrderingProperties.Zone;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

/**
 * What delivery to a PIN code costs for a consignment of a given weight: the zone's charge per
 * consignment plus its charge for each started kilogram. Building materials are heavy, so weight
 * decides: ten tonnes of cement cost far more to move than a box of switches. Public so that
 * generated orders (the data generator) are charged by the same rule as checkout.
 */
public final class DeliveryCharges {

    private static final long GRAMS_PER_KG = 1000;

    private final Shipping shipping;

    public DeliveryCharges(Shipping shipping) {
        this.shipping = shipping;
    }

    /** The zone that serves a PIN code: the one with the longest matching prefix. */
    public Optional<Zone> zoneFor(String pinCode) {
        return shipping.zones().stream()
                .flatMap(zone -> zone.pinPrefixes().stream().filter(pinCode::startsWith)
                        .map(prefix -> new Match(zone, prefix.length())))
                .max(Comparator.comparingInt(Match::length)).map(Match::zone);
    }

    /**
     * @throws BusinessRuleViolation {@code ordering.pin-not-serviceable} when no zone serves the PIN code
     */
    public Money chargeFor(String pinCode, long weightGrams) {
        Zone zone = zoneFor(pinCode).orElseThrow(() -> BusinessRuleViolation.invalidField(
                "ordering.pin-not-serviceable", "shippingAddressId",
                "We do not deliver to PIN code " + pinCode + " yet."));
        long startedKilograms = (Math.max(0, weightGrams) + GRAMS_PER_KG - 1) / GRAMS_PER_KG;
        return Money.ofPaise(Math.addExact(zone.basePaise(), Math.multiplyExact(startedKilograms, zone.perKgPaise())));
    }

    private record Match(Zone zone, int length) {
    }
}
