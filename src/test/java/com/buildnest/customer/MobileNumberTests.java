package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTests {

    @ParameterizedTest
    @ValueSource(strings = { "9845012345", "98450 12345", "98450-12345", "098450 12345", "09845012345",
            "+919845012345", "+91 98450 12345", "+91-98450-12345", " +91 984 501 2345 " })
    void everyUsualWayOfWritingANumberIsTheSameNumber(String written) {
        assertThat(MobileNumber.of(written).value()).isEqualTo("+919845012345");
    }

    @ParameterizedTest
    @ValueSource(strings = { "6000000000", "7012345678", "8123456789" })
    void mobileNumbersStartWithSixToNine(String written) {
        assertThat(MobileNumber.of(written).value()).isEqualTo("+91" + written);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "5845012345", "0845012345", "984501234", "98450123456", "+9209845012345",
            "+1 984 501 2345", "91 98450 12345 6", "(984) 501-2345", "98450.12345", "022 2345 678" })
    void refusesWhatIsNotAnIndianMobileNumber(String written) {
        assertThatIllegalArgumentException().isThrownBy(() -> MobileNumber.of(written))
                .withMessage(MobileNumber.RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "9845012345", "+91 98450 12345", "+9198450123" })
    void holdsOnlyTheNormalisedForm(String value) {
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber(value));
    }
}
