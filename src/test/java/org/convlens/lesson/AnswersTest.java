package org.convlens.lesson;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AnswersTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            37              | 37
            ' -0.5 '        | -0.5
            2/9             | 0.2222222222222222
            3*12*9 + 12     | 336
            3 × 12 × 9 + 12 | 336
            (1+2)*3         | 9
            ３７            | 37
            －４            | -4
            1e3             | 1000
            2 x 3           | 6
            """)
    void numbersAndArithmeticAreRead(String typed, double value) {
        assertEquals(value, Answers.number(typed), 1e-12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abc
            ''
            1 +
            (2
            System.exit(0)
            1..2
            """)
    void anythingElseIsNotAnAnswer(String typed) {
        assertNull(Answers.number(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            4 x 4       | 4,4
            4x4         | 4,4
            [1, 4, 4]   | 1,4,4
            1 × 4 × 4   | 1,4,4
            (2, 3)      | 2,3
            ４ｘ４       | 4,4
            """)
    void shapesAreRead(String typed, String want) {
        int[] w = java.util.Arrays.stream(want.split(",")).mapToInt(Integer::parseInt).toArray();
        assertArrayEquals(w, Answers.shape(typed));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            A   | 0
            b   | 1
            C.  | 2
            2   | 1
            Ｂ  | 1
            """)
    void optionsAreLettersOrNumbers(String typed, int index) {
        assertEquals(index, Answers.option(typed, 3));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            37          | 37
            0.73105857  | 0.7311
            -0.00001    | 0
            2.5         | 2.5
            """)
    void valuesAreShownShort(double v, String shown) {
        assertEquals(shown, Answers.format(v));
    }
}
