package org.convlens.ui.photo;

import org.convlens.cli.Cli;
import org.convlens.engine.Activation;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.Padding;
import org.convlens.engine.PaddingMode;
import org.convlens.engine.PoolSpec;
import org.convlens.engine.Tensor;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorMode;
import org.convlens.image.Npy;
import org.convlens.image.Photo;
import org.convlens.image.PhotoReader;
import org.convlens.image.Samples;
import org.convlens.spec.LayerSettings;
import org.convlens.spec.Problem;
import org.convlens.spec.SpecWriter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Issue 9: the Photos tab applies exactly what the stepper has. For a table of stepper scenarios
 * (non-square kernels, per-axis stride and dilation, per-side padding, per-channel bias, the
 * leaky slope, groups, transposed, pooling), the Photos tab's result equals {@code apply} run with
 * the same spec, which equals the engine, bit for bit.
 */
class PhotosApplyEngineTest {
    @TempDir
    static Path tmp;

    @BeforeAll
    static void toolkit() throws Exception {
        PhotoViewModelTest.toolkit();
    }

    private static Kernel kernel(int d0, int d1, int kh, int kw, int seed) {
        float[] w = new float[d0 * d1 * kh * kw];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) Math.sin(seed + i * 1.7) * 0.5f;
        }
        return new Kernel(d0, d1, kh, kw, w);
    }

    static Stream<Arguments> scenarios() {
        return Stream.of(
                Arguments.of("2x3, stride 1x2, dilation 2x1, per-side reflect padding, leaky 0.2", ColorMode.GRAY, 1,
                        ConvSpec.builder(kernel(1, 1, 2, 3, 1)).stride(1, 2).dilation(2, 1)
                                .padding(Padding.of(1, 0, 2, 1)).paddingMode(PaddingMode.REFLECT)
                                .bias(new float[] {0.25f}).activation(Activation.leakyRelu(0.2f)).build()),
                Arguments.of("3x3 on colour, depthwise; average pool 3, stride 2, padding 1, ceil", ColorMode.COLOR, 1,
                        ConvSpec.builder(kernel(1, 1, 3, 3, 2)).padding(Padding.SAME).pool(new PoolSpec(
                                PoolSpec.Type.AVG, 3, 3, 2, 2, 1, 1, true, false)).build()),
                Arguments.of("transposed 3x3, stride 2, output padding 1", ColorMode.GRAY, 1,
                        ConvSpec.builder(kernel(1, 1, 3, 3, 3)).stride(2).padding(Padding.of(1))
                                .transposed(true).outputPadding(1, 1).build()),
                Arguments.of("3 inputs to 2 outputs, a bias each, replicate", ColorMode.COLOR, 3,
                        ConvSpec.builder(kernel(2, 3, 3, 3, 4)).bias(new float[] {0.5f, -1f})
                                .padding(Padding.of(1, 2)).paddingMode(PaddingMode.REPLICATE).build()),
                Arguments.of("groups 3, a kernel each, sigmoid, max pool 2", ColorMode.COLOR, 3,
                        ConvSpec.builder(kernel(3, 1, 3, 5, 5)).groups(3).padding(Padding.of(1, 2))
                                .activation(Activation.SIGMOID).pool(PoolSpec.of(PoolSpec.Type.MAX, 2)).build()),
                Arguments.of("true convolution, circular same padding, tanh", ColorMode.GRAY, 1,
                        ConvSpec.builder(kernel(1, 1, 4, 4, 6)).flip(true).padding(Padding.SAME)
                                .paddingMode(PaddingMode.CIRCULAR).activation(Activation.TANH).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void photosTabEqualsApplyEqualsTheEngine(String name, ColorMode mode, int inChannels, ConvSpec spec)
            throws Exception {
        String sample = mode == ColorMode.COLOR ? "rocket.jpg" : "coins.png";
        // The stepper's settings, as the Photos tab takes them (the whole settings model, copied).
        LayerSettings stepper = LayerSettings.of(spec, inChannels);

        // 1. The Photos tab.
        AtomicReference<PhotoViewModel> vm = new AtomicReference<>();
        PhotoViewModelTest.steps(() -> {
            vm.set(new PhotoViewModel(Runnable::run, Runnable::run));
            vm.get().colorModeProperty().set(mode);
            vm.get().openSample(sample);
        }, () -> vm.get().layer().load(stepper));
        PhotoResult shown = vm.get().resultProperty().get();
        assertNotNull(shown, name + ": " + vm.get().errorProperty().get());
        Tensor photos = shown.result().output();

        // 2. The engine, on the same pixels, with the one channel rule (ChannelPolicy).
        Photo photo = new PhotoReader(mode, 64_000_000L).read(Samples.bytes(sample), sample);
        ConvSpec forPhoto = ChannelPolicy.forChannels(spec, photo.channels());
        Tensor engine = ConvEngine.run(ConvPlan.of(forPhoto, photo.tensor()), photo.tensor(), 2).output();

        // 3. apply, with the same spec in a file.
        Path png = tmp.resolve("in-" + name.hashCode() + "-" + sample);
        Files.write(png, Samples.bytes(sample));
        Path specFile = tmp.resolve("spec-" + name.hashCode() + ".json");
        Files.writeString(specFile, SpecWriter.toJson(new Problem(new Tensor(1, 1, 1), spec)));
        Path npy = tmp.resolve("out-" + name.hashCode() + ".npy");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("apply", "--spec",
                specFile.toString(), "--quiet", png.toString(), tmp.resolve("out-" + name.hashCode() + ".png").toString(),
                "--raw", npy.toString()));
        if (mode == ColorMode.GRAY) {
            args.add(1, "--gray");
        }
        int status = Cli.run(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, status, name + ": " + err.toString(StandardCharsets.UTF_8));
        Tensor applied = Npy.read(npy);

        assertArrayEquals(engine.shape(), photos.shape(), name);
        assertArrayEquals(engine.data(), photos.data(), name + ": the Photos tab equals the engine");
        assertArrayEquals(engine.shape(), applied.shape(), name);
        assertArrayEquals(engine.data(), applied.data(), name + ": apply equals the engine");
    }
}
