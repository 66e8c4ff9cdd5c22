package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndianStateTests {

    @Test
    void indiaHasTwentyEightStatesAndEightUnionTerritories() {
        assertThat(Arrays.stream(IndianState.values()).filter(s -> !s.unionTerritory())).hasSize(28);
        assertThat(Arrays.stream(IndianState.values()).filter(IndianState::unionTerritory))
                .extracting(IndianState::code)
                .containsExactlyInAnyOrder("AN", "CH", "DH", "DL", "JK", "LA", "LD", "PY");
    }

    @Test
    void everyStateHasItsOwnTwoDigitGstCode() {
        Set<String> codes = Arrays.stream(IndianState.values()).map(IndianState::gstCode).collect(Collectors.toSet());
        assertThat(codes).hasSize(36).allMatch(code -> code.matches("[0-3][0-9]"));
        assertThat(IndianState.withGstCode("29")).contains(IndianState.KA);
        assertThat(IndianState.withGstCode("27")).contains(IndianState.MH);
        assertThat(IndianState.withGstCode("07")).contains(IndianState.DL);
        assertThat(IndianState.withGstCode("36")).contains(IndianState.TS);
        assertThat(IndianState.withGstCode("37")).contains(IndianState.AP);
        assertThat(IndianState.withGstCode("38")).contains(IndianState.LA);
        assertThat(IndianState.withGstCode("25")).isEmpty();
        assertThat(IndianState.withGstCode("28")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({ "KA, KA", "ka, KA", "Karnataka, KA", "KARNATAKA, KA", " tamil   nadu , TN", "Jammu & Kashmir, JK",
            "jammu and kashmir, JK", "Dadra & Nagar Haveli & Daman & Diu, DH", "Orissa, OD", "OR, OD", "Odisha, OD",
            "TG, TS", "Telangana, TS", "Pondicherry, PY", "Uttaranchal, UK", "CT, CG", "NCT of Delhi, DL",
            "Andaman and Nicobar Islands, AN" })
    void isFoundByCodeOrNameInAnyCase(String written, String code) {
        assertThat(IndianState.of(written).code()).isEqualTo(code);
    }

    @Test
    void namesItselfInFull() {
        assertThat(IndianState.KA.displayName()).isEqualTo("Karnataka");
        assertThat(IndianState.DH.displayName()).isEqualTo("Dadra and Nagar Haveli and Daman and Diu");
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "XX", "K", "Karnatak", "Bombay", "29", "IN-KA", "Ceylon" })
    void refusesWhatIsNotAStateOrUnionTerritory(String written) {
        assertThatIllegalArgumentException().isThrownBy(() -> IndianState.of(written)).withMessage(IndianState.RULE);
    }
}
