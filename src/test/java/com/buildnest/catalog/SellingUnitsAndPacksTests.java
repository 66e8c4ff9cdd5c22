package com.buildnest.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.buildnest.catalog.OrderQuantityRule.Check;
import com.buildnest.shared.BusinessRuleViolation;

class SellingUnitsAndPacksTests {

    @Test
    void aPackConvertsToBaseUnitsExactly() {
        PackSize tonne = new PackSize("tonne of TMT bars", 1000);
        assertThat(tonne.toBaseUnits(3)).isEqualTo(3000);
        assertThat(new PackSize("truckload of 200 bags (10 t)", 200).toBaseUnits(2)).isEqualTo(400);
    }

    @Test
    void aPackHoldsAtLeastOneBaseUnitAndHasAName() {
        assertThatThrownBy(() -> new PackSize("empty box", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PackSize(" ", 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPackConversionThatWouldOverflowIsRefusedRatherThanWrapped() {
        PackSize tonne = new PackSize("tonne", 1000);
        assertThatThrownBy(() -> tonne.toBaseUnits(Long.MAX_VALUE / 10)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void unitsAreReadAndWrittenByTheirCodes() {
        assertThat(SellingUnit.ofCode("sq ft")).isEqualTo(SellingUnit.SQ_FT);
        assertThat(SellingUnit.KG.code()).isEqualTo("kg");
        assertThatThrownBy(() -> SellingUnit.ofCode("furlong")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void halfATonneOfSteelInHundredKilogramStepsIsAccepted() {
        OrderQuantityRule tmt = PricingFixtures.tmtOrdering();
        assertThat(tmt.accepts(500).accepted()).isTrue();
        assertThat(tmt.accepts(1200).accepted()).isTrue();
        assertThat(tmt.accepts(100_000).accepted()).isTrue();
    }

    @Test
    void refusesAQuantityBelowTheMinimumWithAReason() {
        Check check = PricingFixtures.tmtOrdering().accepts(400);
        assertThat(check).isEqualTo(new Check(false, "catalog.quantity-below-minimum",
                "The minimum order is 500; 400 is below it."));
        assertThat(PricingFixtures.tmtOrdering().accepts(0).code()).isEqualTo("catalog.quantity-below-minimum");
        assertThat(PricingFixtures.tmtOrdering().accepts(-500).code()).isEqualTo("catalog.quantity-below-minimum");
    }

    @Test
    void refusesAQuantityOffTheStepNamingTheNearestOneBelow() {
        Check check = PricingFixtures.tmtOrdering().accepts(550);
        assertThat(check).isEqualTo(new Check(false, "catalog.quantity-off-step",
                "Quantities go from 500 in steps of 100; 550 is not one of them (nearest below: 500)."));
    }

    @Test
    void refusesAnAbsurdQuantityAboveTheMaximum() {
        Check check = PricingFixtures.tmtOrdering().accepts(1_000_000_000L);
        assertThat(check).isEqualTo(new Check(false, "catalog.quantity-above-maximum",
                "At most 100000 can be ordered at once; 1000000000 is more."));
    }

    @Test
    void requiringARefusedQuantityIsAnInvalidQuantityField() {
        assertThatThrownBy(() -> PricingFixtures.tmtOrdering().require(550))
                .isInstanceOfSatisfying(BusinessRuleViolation.class, violation -> {
                    assertThat(violation.code()).isEqualTo("catalog.quantity-off-step");
                    assertThat(violation.field()).isEqualTo("quantity");
                    assertThat(violation.kind()).isEqualTo(BusinessRuleViolation.Kind.INVALID);
                });
    }

    @Test
    void aRuleWhoseMaximumIsNotOnAStepCannotBeMade() {
        assertThatThrownBy(() -> new OrderQuantityRule(500, 100, 1050)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderQuantityRule(0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OrderQuantityRule(1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
