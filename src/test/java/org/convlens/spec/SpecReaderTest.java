package org.convlens.spec;

import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every kind of bad spec is refused with the field that is wrong and what is wrong with it. */
class SpecReaderTest {
    private static final String OK_INPUT = "\"input\": [[1,2,3],[4,5,6],[7,8,9]]";

    /** Each row: the spec (single quotes stand for double), the JSON path reported, the message key. */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{'input': [[1,2],[3]], 'kernel': [[1]]}                                  | $.input[1]          | error.tensor.ragged",
        "{'input': [[1,'a']], 'kernel': [[1]]}                                    | $.input[0][1]       | error.type.number",
        "{'input': [[1,1e999]], 'kernel': [[1]]}                                  | $.input[0][1]       | error.number.range",
        "{'input': [[1,2]], 'kernel': [[1]], 'stride': 0}                         | $.stride            | error.atLeastOne",
        "{'input': [[1,2]], 'kernel': [[1]], 'stride': 1.5}                       | $.stride            | error.number.whole",
        "{'input': [[1,2]], 'kernel': [[1]], 'stride': [1,2,3]}                   | $.stride            | error.pair.length",
        "{'input': [[1,2]], 'kernel': [[1]], 'dilation': [1,0]}                   | $.dilation[1]       | error.atLeastOne",
        "{'input': [[1,2]], 'kernel': [[1]], 'padding': -1}                       | $.padding           | error.number.negative",
        "{'input': [[1,2]], 'kernel': [[1]], 'padding': 'samee'}                  | $.padding           | error.name.unknown",
        "{'input': [[1,2]], 'kernel': [[1]], 'padding_mode': 'mirror'}            | $.padding_mode      | error.name.unknown",
        "{'input': [[1,2]], 'kernel': [[1]], 'activation': 'gelu'}                | $.activation        | error.name.unknown",
        "{'input': [[1,2]], 'kernel': [[1]], 'flip': 'yes'}                       | $.flip              | error.type.boolean",
        "{'input': [[1,2]], 'kernel': [[1]], 'strides': 2}                        | $.strides           | error.field.unknown",
        "{'input': [[1,2]]}                                                       | $.kernel            | error.field.missing",
        "{'kernel': [[1]]}                                                        | $.input             | error.field.missing",
        "{'input': [[1,2]], 'kernel': [[1]], 'pool': {'type': 'min', 'size': 2}}  | $.pool.type         | error.name.unknown",
        "{'input': [[1,2]], 'kernel': [[1]], 'pool': {'type': 'max'}}             | $.pool.size         | error.field.missing",
        "{'input': [[1,2]], 'kernel': [[1]], 'pool': {'type': 'max', 'size': 2, 'pad': 1}} | $.pool.pad | error.field.unknown",
        "{'input': [[1,2]], 'kernel': [[[1]]]}                                    | $.kernel            | error.kernel.depth",
        "{'input': [], 'kernel': [[1]]}                                           | $.input             | error.tensor.emptyList",
        "[1, 2]                                                                   | $                   | error.type.object",
        "{'input': [[1,2]], 'kernel': [[1]], 'pool': {'type': 'max', 'size': 2, 'padding': 2}} | $.pool.padding | error.pool.paddingOverHalf",
        "{'input': [[1,2]], 'kernel': [[1]], 'activation': {'type': 'relu', 'slope': 0.1}} | $.activation.slope | error.slope.notLeaky",
        "{'input': [[1,2]], 'kernel': [[1]], 'pool': {'type': 'max', 'size': 2, 'count_include_pad': false}} | $.pool.count_include_pad | error.pool.countIncludePadMax",
    })
    void badSpecsNameTheField(String spec, String field, String key) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read(spec.replace('\'', '"')));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
    }

    /** Combinations only the input's shape can refuse: reported by the plan, with the field. */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "'kernel': [[1,1,1,1,1]]                                      | $.kernel         | error.kernel.tooLarge",
        "'kernel': [[1,1],[1,1]], 'padding': 3, 'padding_mode': 'reflect'  | $.padding   | error.padding.reflect",
        "'kernel': [[1,1],[1,1]], 'padding': 4, 'padding_mode': 'circular' | $.padding   | error.padding.circular",
        "'kernel': [[[[1]]],[[[1]]]], 'bias': [1,2,3]                 | $.bias           | error.bias.length",
        "'kernel': [[[[1]],[[1]]]]                                     | $.kernel         | error.kernel.channels",
        "'kernel': [[1]], 'groups': 2                                  | $.groups         | error.groups.input",
        "'kernel': [[1]], 'pool': {'type': 'max', 'size': 4}           | $.pool.size      | error.pool.empty",
        "'kernel': [[1]], 'output_padding': 1                          | $.output_padding | error.outputPadding.notTransposed",
        "'kernel': [[1,1],[1,1]], 'transposed': true, 'stride': 2, 'output_padding': 2 | $.output_padding | error.outputPadding.tooLarge",
        "'kernel': [[1,1],[1,1]], 'transposed': true, 'padding_mode': 'reflect' | $.padding_mode | error.transposed.mode",
        "'kernel': [[1,1],[1,1]], 'transposed': true, 'padding': 'same' | $.padding | error.transposed.padding",
    })
    void impossibleCombinationsNameTheField(String settings, String field, String key) {
        Problem p = SpecReader.read(("{" + OK_INPUT + ", " + settings + "}").replace('\'', '"'));
        SpecException e = assertThrows(SpecException.class, () -> ConvPlan.of(p.spec(), p.input()));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void syntaxErrorsGiveLineAndColumn() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.read("{\"input\": [[1, 2]],\n \"kernel\": [[1,]]}"));
        assertEquals("error.json.syntax", e.key());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void nanTrailingTextAndDuplicateFieldsAreRefused() {
        assertEquals("error.json.nonFinite", assertThrows(SpecException.class,
                () -> SpecReader.read("{\"input\": [[1, NaN]], \"kernel\": [[1]]}")).key());
        assertEquals("error.json.syntax", assertThrows(SpecException.class,
                () -> SpecReader.read("{\"input\": [[1]], \"kernel\": [[1]]} extra")).key());
        SpecException dup = assertThrows(SpecException.class,
                () -> SpecReader.read("{\"input\": [[1]], \"kernel\": [[1]], \"kernel\": [[2]]}"));
        assertTrue(dup.getMessage().contains("kernel"), dup.getMessage());
    }

    @Test
    void aScalarBiasIsGivenToEveryOutputChannel() {
        Problem p = SpecReader.read("{\"input\": [[1]], \"kernel\": [[[[1]]],[[[2]]],[[[3]]]], \"bias\": 0.5}");
        assertArrayEquals(new float[] {0.5f, 0.5f, 0.5f}, p.spec().bias());
    }

    @Test
    void writingThenReadingGivesTheSameProblem() {
        String json = "{\"input\": [[[1,2,3],[4,5,6]],[[0.5,-1,2],[3,1e-3,7]]], \"kernel\": [[[[1,0],[0,-1]]],[[[0.25,1],[2,3]]]],"
                + " \"bias\": [0.1, -2], \"stride\": [1, 2], \"padding\": [0, 1, 2, 1], \"padding_mode\": \"replicate\","
                + " \"dilation\": [1, 1], \"groups\": 2, \"flip\": true, \"activation\": {\"type\": \"leaky_relu\", \"slope\": 0.2},"
                + " \"pool\": {\"type\": \"avg\", \"size\": [1, 2], \"stride\": 1, \"ceil_mode\": true, \"count_include_pad\": false}}";
        Problem p = SpecReader.read(json);
        Problem back = SpecReader.read(SpecWriter.toJson(p));
        assertEquals(SpecWriter.toJson(p), SpecWriter.toJson(back));
        Tensor a = org.convlens.engine.ConvEngine.run(p.spec(), p.input()).output();
        Tensor b = org.convlens.engine.ConvEngine.run(back.spec(), back.input()).output();
        assertEquals(a, b);
    }
}
