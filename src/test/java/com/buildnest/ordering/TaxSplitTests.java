package com.buildnest.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import com.buildnest.ordering.TaxSplit.Supply;
import com.buildnest.shared.Money;

class TaxSplitTests {

    @Test
    void withinTheSellersStateTheTaxIsHalfCentralHalfState() {
        TaxSplit tax = TaxSplit.on(Money.ofRupees("41500.00"), new BigDecimal("18.00"), Supply.INTRA_STATE);

        assertThat(tax.cgst()).isEqualTo(Money.ofRupees("3735.00"));
        assertThat(tax.sgst()).isEqualTo(Money.ofRupees("3735.00"));
        assertThat(tax.igst()).isEqualTo(Money.ZERO);
        assertThat(tax.total()).isEqualTo(Money.ofRupees("48970.00"));
    }

    @Test
    void acrossStatesTheTaxIsOneIntegratedAmount() {
        TaxSplit tax = TaxSplit.on(Money.ofRupees("41500.00"), new BigDecimal("18.00"), Supply.INTER_STATE);

        assertThat(tax.igst()).isEqualTo(Money.ofRupees("7470.00"));
        assertThat(tax.cgst()).isEqualTo(Money.ZERO);
        assertThat(tax.sgst()).isEqualTo(Money.ZERO);
    }

    @Test
    void eachHalfIsRoundedHalfUpToThePaisaSoTheHalvesAreAlwaysEqual() {
        // 9 % of ₹10.05 is 90.45 paise: each half rounds to 90 paise; IGST 18 % of it is 180.9 → 181
        TaxSplit intra = TaxSplit.on(Money.ofPaise(1005), new BigDecimal("18"), Supply.INTRA_STATE);
        TaxSplit inter = TaxSplit.on(Money.ofPaise(1005), new BigDecimal("18"), Supply.INTER_STATE);

        assertThat(intra.cgst()).isEqualTo(intra.sgst()).isEqualTo(Money.ofPaise(90));
        assertThat(inter.igst()).isEqualTo(Money.ofPaise(181));
    }

    @Test
    void theStateOfDeliveryDecidesTheSupply() {
        assertThat(Supply.between("29", "29")).isEqualTo(Supply.INTRA_STATE);
        assertThat(Supply.between("29", "27")).isEqualTo(Supply.INTER_STATE);
    }
}
