package org.convlens.ui.grid;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class NumberTextTest {
    @ParameterizedTest
    @CsvSource({"3, 3", "-5, \u22125", "0.5, 0.5", "-0.3333333, \u22120.333", "0.1111111, 0.111", "2.5e-7, 2.50e\u22127",
        "1234.5678, 1234.568", "-0.0, 0"})
    void cellsShowATrueMinusSignAndAtMostThreeDecimals(float v, String shown) {
        assertEquals(shown, NumberText.cell(v));
    }

    @ParameterizedTest
    @CsvSource({"3, 3", "-2, -2", "\u22122, -2", "'1,5', 1.5", "1/9, 0.11111111", "-1/2, -0.5", ".5, 0.5", "1e2, 100"})
    void parsesWhatPeopleType(String text, float v) {
        assertEquals(v, NumberText.parse(text), 1e-7);
    }

    @ParameterizedTest
    @CsvSource({"abc", "''", "1/0", "1e99", "3..4", "--1"})
    void refusesWhatIsNotAFiniteNumber(String text) {
        assertNull(NumberText.parse(text));
    }

    @ParameterizedTest
    @CsvSource({"-2, (\u22122)", "2, 2"})
    void negativeTermsGoInParentheses(float v, String shown) {
        assertEquals(shown, NumberText.term(v, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "padding at row -1, column -2: 0|padding at row \u22121, column \u22122: 0",
        "input channel 0, row 1, column 2: -0.5|input channel 0, row 1, column 2: \u22120.5",
        "weight: 1.0E-7 and -1.5E-7|weight: 1.0E\u22127 and \u22121.5E\u22127",
        "(-2) + 3|(\u22122) + 3",
        "\u586b\u5145\u683c\uff0c\u7b2c -1 \u884c|\u586b\u5145\u683c\uff0c\u7b2c \u22121 \u884c",
        "zero-padded rows 3-5, x-1|zero-padded rows 3-5, x-1"})
    void tooltipsShowTheTrueMinusSign(String text, String shown) {
        assertEquals(shown, NumberText.withTrueMinus(text));
    }

    @ParameterizedTest
    @CsvSource({"-1, \u22121", "-0.1, \u22120.1", "2.5, 2.5"})
    void exactValuesForPeopleUseTheTrueMinusSign(float v, String shown) {
        assertEquals(shown, NumberText.exactShown(v));
        assertEquals(shown.replace('\u2212', '-'), NumberText.exact(v), "exports keep the hyphen");
    }
}
