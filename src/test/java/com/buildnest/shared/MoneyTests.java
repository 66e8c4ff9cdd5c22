package com.buildnest.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MoneyTests {

    @Test
    void rupeesAndPaiseConvertExactly() {
        assertThat(Money.ofRupees("1234.50").paise()).isEqualTo(123_450);
        assertThat(Money.ofRupees("0.1").paise()).isEqualTo(10);
        assertThat(Money.ofPaise(5).toRupees()).isEqualTo("0.05");
        assertThat(Money.ofPaise(123_450).toRupees()).isEqualTo("1234.50");
    }

    @Test
    void tenthsOfAPaisaAreRefusedNotRounded() {
        assertThatThrownBy(() -> Money.ofRupees("10.005")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofRupees("ten")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sumsThatFloatingPointGetsWrongComeOutExact() {
        Money total = Money.ZERO;
        for (int i = 0; i < 10; i++) {
            total = total.plus(Money.ofRupees("0.10"));
        }
        assertThat(total).isEqualTo(Money.ofRupees("1.00"));
        assertThat(Money.ofRupees("66500.00").times(3)).isEqualTo(Money.ofRupees("199500.00"));
    }

    @Test
    void overflowIsAnErrorNotAWrapAround() {
        assertThatThrownBy(() -> Money.ofPaise(Long.MAX_VALUE).plus(Money.ofPaise(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void writesItselfAsTheApiShowsMoney() {
        assertThat(Money.ofPaise(41_500).toJson()).isEqualTo(new Money.Json("415.00", "INR"));
    }
}
