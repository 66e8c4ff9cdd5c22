package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PinCodeTests {

    @ParameterizedTest
    @ValueSource(strings = { "560102", "110001", "400001", "999999", "100000" })
    void acceptsSixDigitsThatDoNotStartWithZero(String pin) {
        assertThat(PinCode.of(pin).value()).isEqualTo(pin);
    }

    @Test
    void ignoresSurroundingSpaces() {
        assertThat(PinCode.of(" 560102 ").value()).isEqualTo("560102");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "012345", "56010", "5601022", "560 102", "56O102", "५६०१०२", "-56010" })
    void refusesAnythingElse(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> PinCode.of(text)).withMessage(PinCode.RULE);
    }
}
