package org.convlens.spec;

import org.convlens.engine.Activation;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.SpecException;
import org.convlens.network.ActivationLayer;
import org.convlens.network.ConvLayer;
import org.convlens.network.FlattenLayer;
import org.convlens.network.LinearLayer;
import org.convlens.network.PoolLayer;
import org.convlens.network.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Network files: every layer type read, and every kind of bad layer refused with its JSON path. */
class NetworkReaderTest {
    private static final String INPUT = "'input': [[1,2,3],[4,5,6],[7,8,9]]";

    private static NetworkProblem read(String json) {
        return NetworkReader.read(json.replace('\'', '"'));
    }

    @Test
    void readsEveryLayerType() {
        NetworkProblem p = read("{" + INPUT + ", 'layers': ["
                + "{'kernel': [[1,0],[0,1]], 'bias': 0.5, 'activation': 'relu', 'pool': {'type': 'max', 'size': 2, 'stride': 1}},"
                + "{'type': 'activation', 'activation': {'type': 'leaky_relu', 'slope': 0.2}},"
                + "{'type': 'pool', 'pool': {'type': 'avg', 'size': 1}},"
                + "{'type': 'flatten'},"
                + "{'type': 'linear', 'weight': [[1],[2]], 'bias': [3, 4], 'activation': 'tanh'}]}");
        assertEquals(Shape.of(1, 3, 3), p.network().input());
        assertEquals(5, p.network().layers().size());
        ConvLayer c = assertInstanceOf(ConvLayer.class, p.network().layers().get(0));
        assertEquals(Activation.RELU, c.spec().activation());
        assertEquals(PoolSpec.Type.MAX, c.spec().pool().type());
        assertArrayEquals(new float[] {0.5f}, c.spec().bias());
        assertEquals(Activation.leakyRelu(0.2f), assertInstanceOf(ActivationLayer.class, p.network().layers().get(1)).activation());
        assertEquals(PoolSpec.Type.AVG, assertInstanceOf(PoolLayer.class, p.network().layers().get(2)).pool().type());
        assertInstanceOf(FlattenLayer.class, p.network().layers().get(3));
        LinearLayer l = assertInstanceOf(LinearLayer.class, p.network().layers().get(4));
        assertEquals(2, l.outFeatures());
        assertEquals(1, l.inFeatures());
        assertArrayEquals(new float[] {1, 2}, l.weight());
        assertArrayEquals(new float[] {3, 4}, l.bias());
        assertEquals(Activation.TANH, l.activation());
    }

    @Test
    void explicitConvTypeIsTheDefaultOne() {
        NetworkProblem a = read("{" + INPUT + ", 'layers': [{'kernel': [[1,2],[3,4]], 'stride': 2}]}");
        NetworkProblem b = read("{" + INPUT + ", 'layers': [{'type': 'conv', 'kernel': [[1,2],[3,4]], 'stride': 2}]}");
        ConvLayer ca = (ConvLayer) a.network().layers().get(0);
        ConvLayer cb = (ConvLayer) b.network().layers().get(0);
        assertEquals(2, ca.spec().strideY());
        assertEquals(ca.spec().strideX(), cb.spec().strideX());
        assertArrayEquals(ca.spec().kernel().data(), cb.spec().kernel().data());
    }

    @Test
    void linearBiasDefaultsToZeroAndOneNumberFillsIt() {
        LinearLayer none = (LinearLayer) read("{" + INPUT + ", 'layers': [{'type': 'linear', 'weight': [[1],[2],[3]]}]}")
                .network().layers().get(0);
        assertArrayEquals(new float[3], none.bias());
        assertEquals(Activation.NONE, none.activation());
        LinearLayer one = (LinearLayer) read("{" + INPUT + ", 'layers': [{'type': 'linear', 'weight': [[1],[2]], 'bias': 7}]}")
                .network().layers().get(0);
        assertArrayEquals(new float[] {7, 7}, one.bias());
    }

    /** Each row: the layers (single quotes stand for double), the JSON path reported, the message key. */
    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "[{'type': 'dense'}]                                          | $.layers[0].type            | error.name.unknown",
        "[{'type': 3}]                                                | $.layers[0].type            | error.type.text",
        "[{'type': 'flatten'}, {'type': 'flatten', 'size': 2}]        | $.layers[1].size            | error.field.unknown",
        "[{'kernel': [[1]], 'input': [[1]]}]                          | $.layers[0].input           | error.field.unknown",
        "[{'type': 'flatten'}, {'kernel': [[1]], 'strides': 2}]       | $.layers[1].strides         | error.field.unknown",
        "[{'type': 'flatten'}, {'stride': 2}]                         | $.layers[1].kernel          | error.field.missing",
        "[{'kernel': [[1]]}, {'kernel': [[1]], 'stride': 0}]          | $.layers[1].stride          | error.atLeastOne",
        "[{'kernel': [[1]]}, {'kernel': [[1, 'x']]}]                  | $.layers[1].kernel[0][1]    | error.type.number",
        "[{'kernel': [[1]], 'pool': {'type': 'max', 'size': 2, 'padding': 2}} ] | $.layers[0].pool.padding | error.pool.paddingOverHalf",
        "[{'type': 'pool', 'pool': {'type': 'max', 'size': 2, 'padding': 2}} ] | $.layers[0].pool.padding | error.pool.paddingOverHalf",
        "[{'type': 'pool', 'pool': {'type': 'mean', 'size': 2}}]      | $.layers[0].pool.type       | error.name.unknown",
        "[{'type': 'pool'}]                                           | $.layers[0].pool            | error.field.missing",
        "[{'type': 'activation'}]                                     | $.layers[0].activation      | error.field.missing",
        "[{'type': 'activation', 'activation': 'gelu'}]               | $.layers[0].activation      | error.name.unknown",
        "[{'type': 'activation', 'activation': {'type': 'relu', 'slope': 1}}] | $.layers[0].activation.slope | error.slope.notLeaky",
        "[{'type': 'linear'}]                                         | $.layers[0].weight          | error.field.missing",
        "[{'type': 'linear', 'weight': [1, 2]}]                       | $.layers[0].weight          | error.linear.weightShape",
        "[{'type': 'linear', 'weight': [[[1]]]}]                      | $.layers[0].weight          | error.linear.weightShape",
        "[{'type': 'linear', 'weight': [[1, 2], [3]]}]                | $.layers[0].weight[1]       | error.tensor.ragged",
        "[{'type': 'linear', 'weight': [[1], [2]], 'bias': [1, 2, 3]}] | $.layers[0].bias           | error.linear.biasLength",
        "[{'type': 'linear', 'weight': [[1]], 'bias': 'x'}]           | $.layers[0].bias            | error.type.number",
        "[{'type': 'linear', 'weight': [[1]], 'activation': 'soft'}]  | $.layers[0].activation      | error.name.unknown",
        "[3]                                                          | $.layers[0]                 | error.type.object",
        "{'kernel': [[1]]}                                            | $.layers                    | error.type.list",
    })
    void badLayersNameTheField(String layers, String field, String key) {
        SpecException e = assertThrows(SpecException.class, () -> read("{" + INPUT + ", 'layers': " + layers + "}"));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
        assertTrue(!e.message(Locale.ENGLISH).isBlank() && !e.message(Locale.SIMPLIFIED_CHINESE).isBlank());
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{'layers': []}                                   | $.input     | error.field.missing",
        "{'input': [[1]]}                                 | $.layers    | error.field.missing",
        "{'input': [[1]], 'layers': [], 'output': 1}      | $.output    | error.field.unknown",
        "{'input': [[1, 2], [3]], 'layers': []}           | $.input[1]  | error.tensor.ragged",
        "[]                                               | $           | error.type.object",
    })
    void badFilesNameTheField(String json, String field, String key) {
        SpecException e = assertThrows(SpecException.class, () -> read(json));
        assertEquals(field, e.field(), e.getMessage());
        assertEquals(key, e.key(), e.getMessage());
    }

    @Test
    void missingFileAndFolderAreReportedOnTheRoot(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        assertEquals("error.file.missing",
                assertThrows(SpecException.class, () -> NetworkReader.read(dir.resolve("none.json"))).key());
        assertEquals("error.file.folder", assertThrows(SpecException.class, () -> NetworkReader.read(dir)).key());
        Path f = dir.resolve("net.json");
        Files.writeString(f, "{\"input\": [[1, 2]], \"layers\": [{\"type\": \"flatten\"}]}");
        assertEquals(Shape.of(1, 1, 2), NetworkReader.read(f).network().input());
    }
}
