package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.buildnest.ordering.OrderingProperties.Shipping;
import com.buildnest.ordering.OrderingProperties.Zone;
import com.buildnest.shared.BusinessRuleViolation;
import com.buildnest.shared.Money;

class DeliveryChargesTests {

    private final DeliveryCharges charges = new DeliveryCharges(new Shipping(List.of(
            new Zone("Bengaluru", List.of("560"), 9900, 150),
            new Zone("Karnataka", List.of("56", "57"), 19900, 300),
            new Zone("Rest of India", List.of("1", "4"), 49900, 800)), new BigDecimal("18"), "9965"));

    @Test
    void theLongestMatchingPrefixChoosesTheZone() {
        assertThat(charges.zoneFor("560058")).map(Zone::name).hasValue("Bengaluru");
        assertThat(charges.zoneFor("571201")).map(Zone::name).hasValue("Karnataka");
        assertThat(charges.zoneFor("400001")).map(Zone::name).hasValue("Rest of India");
    }

    @Test
    void everyStartedKilogramIsCharged() {
        // ten bags of cement, 500 kg: ₹99 + 500 × ₹1.50
        assertThat(charges.chargeFor("560058", 500_000)).isEqualTo(Money.ofRupees("849.00"));
        assertThat(charges.chargeFor("560058", 1)).isEqualTo(Money.ofRupees("100.50"));
        assertThat(charges.chargeFor("560058", 0)).isEqualTo(Money.ofRupees("99.00"));
    }

    @Test
    void aPinCodeNoZoneServesIsRefused() {
        assertThatThrownBy(() -> charges.chargeFor("900001", 1000))
                .isInstanceOfSatisfying(BusinessRuleViolation.class,
                        refused -> assertThat(refused.code()).isEqualTo("ordering.pin-not-serviceable"));
    }
}
