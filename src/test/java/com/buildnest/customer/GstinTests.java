package com.buildnest.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * GSTINs. The valid numbers below are well-formed (state code, PAN pattern, entity number, Z) with
 * check characters computed by a separate implementation of GSTN's mod-36 algorithm (a Python
 * script, not this class); each invalid one differs from a valid one in a single character.
 */
class GstinTests {

    @ParameterizedTest
    @ValueSource(strings = { "27AAPFU0939F1ZV", "29AABCT1332L1ZA", "07AAACR5055K1Z9", "33AAACI1681G1ZW",
            "24AAACC1206D1ZM", "36AAFCD5862R1ZW", "19AABCB4444K2ZJ", "29AAGCB7383JAZV", "09AAACH7409R1ZZ",
            "32AAACK2354M1ZN", "38ABCPL1234QZZG" })
    void acceptsNumbersWhoseCheckCharacterAddsUp(String number) {
        assertThat(Gstin.of(number).value()).isEqualTo(number);
        assertThat(Gstin.checkCharacter(number.substring(0, 14))).isEqualTo(number.charAt(14));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "27AAPFU0939F1ZW", // check character changed
            "29AABCT1332M1ZA", // last PAN letter changed (its own check character is 8)
            "29AABCT1323L1ZA", // two PAN digits swapped
            "07AAACR5055K2Z9", // entity number changed
            "33AAACJ1681G1ZW", // a PAN letter changed
            "24AAACC1206D1ZN" })
    void refusesANumberWithOneCharacterWrong(String number) {
        assertThatIllegalArgumentException().isThrownBy(() -> Gstin.of(number)).withMessage(Gstin.CHECK_RULE);
    }

    @Test
    void normalisesCaseAndSurroundingSpaces() {
        assertThat(Gstin.of("  29aabct1332l1za ").value()).isEqualTo("29AABCT1332L1ZA");
    }

    @Test
    void knowsTheStateAndThePanOfTheBusiness() {
        Gstin gstin = Gstin.of("29AABCT1332L1ZA");
        assertThat(gstin.state()).isEqualTo(IndianState.KA);
        assertThat(gstin.pan()).isEqualTo("AABCT1332L");
        assertThat(Gstin.of("38ABCPL1234QZZG").state()).isEqualTo(IndianState.LA);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "29AABCT1332L1Z", "29AABCT1332L1ZAA", "29AABCT1332L1YA", "29AABCT1332L0ZA",
            "29AABC11332L1ZA", "29AABCTA332L1ZA", "29AABCT13321 1ZA", "2AAABCT1332L1ZA", "29AABCT-1332L1Z" })
    void refusesWhatIsNotShapedLikeAGstin(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> Gstin.of(text)).withMessage(Gstin.FORMAT_RULE);
    }

    @ParameterizedTest
    @ValueSource(strings = { "00AABCT1332L1Z", "25AABCT1332L1Z", "28AABCT1332L1Z", "39AABCT1332L1Z",
            "99AABCT1332L1Z" })
    void refusesAStateCodeThatNoStateOrTerritoryUses(String first14) {
        String number = first14 + Gstin.checkCharacter(first14);
        assertThatIllegalArgumentException().isThrownBy(() -> Gstin.of(number)).withMessage(Gstin.STATE_RULE);
    }
}
