package org.convlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.image.ColorMode;
import org.convlens.image.Npy;
import org.convlens.image.PhotoReader;
import org.convlens.image.Scaling;
import org.convlens.io.InputFiles;
import org.convlens.io.IoText;
import org.convlens.spec.KernelText;
import org.convlens.spec.Numbers;
import org.convlens.spec.SpecReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code apply [settings] IN OUT.png [--raw OUT.npy]}: runs the engine on a photo (or on every
 * photo of a folder, one at a time) and writes the result as a PNG "as shown" and, with
 * {@code --raw}, as the engine's exact float32 output in a {@code .npy} ({@link ApplyRun}).
 *
 * <p>Settings use the JSON spec's names ({@code --padding-mode} is {@code padding_mode}) and are
 * read by the same {@link SpecReader}, so the same values are accepted and refused with the same
 * messages.
 */
@Command(name = "apply", sortOptions = false)
final class ApplyCommand implements Callable<Integer> {
    /** Working bytes per pixel of a colour photo: input and output float32 tensors, decoded image, PNG buffer. */
    static final int BYTES_PER_PIXEL = 3 * 4 * 2 + 4 + 4;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final CliContext ctx;

    @Mixin
    ConvLensCommand.HelpOption help;

    @ArgGroup(validate = false, headingKey = "apply.settings", order = 1)
    Settings settings = new Settings();

    @ArgGroup(validate = false, headingKey = "apply.io", order = 2)
    Io io = new Io();

    @Mixin
    WorkOption work = new WorkOption();

    @Parameters(index = "0", arity = "0..1", paramLabel = "IN", descriptionKey = "apply.in")
    String in;

    @Parameters(index = "1", arity = "0..1", paramLabel = "OUT", descriptionKey = "apply.out")
    String out;

    @Parameters(index = "2..*", arity = "0..*", hidden = true)
    List<String> extra = new ArrayList<>();

    /** The convolution settings: each flag is the spec field of the same name. */
    static final class Settings {
        @Option(names = "--kernel", paramLabel = "K", order = 1, descriptionKey = "apply.kernel")
        String kernel;
        @Option(names = "--bias", paramLabel = "B", order = 2, descriptionKey = "apply.bias")
        String bias;
        @Option(names = "--stride", paramLabel = "N|SY,SX", order = 3, descriptionKey = "apply.stride")
        String stride;
        @Option(names = "--padding", paramLabel = "P", order = 4, descriptionKey = "apply.padding")
        String padding;
        @Option(names = "--padding-mode", paramLabel = "M", order = 5, descriptionKey = "apply.paddingMode")
        String paddingMode;
        @Option(names = "--dilation", paramLabel = "N|DY,DX", order = 6, descriptionKey = "apply.dilation")
        String dilation;
        @Option(names = "--groups", paramLabel = "N", order = 7, descriptionKey = "apply.groups")
        String groups;
        @Option(names = "--flip", order = 8, descriptionKey = "apply.flip")
        boolean flip;
        @Option(names = "--activation", paramLabel = "A", order = 9, descriptionKey = "apply.activation")
        String activation;
        @Option(names = "--pool", paramLabel = "TYPE:SIZE[:STRIDE[:PADDING]]", order = 10, descriptionKey = "apply.pool")
        String pool;
        @Option(names = "--transposed", order = 11, descriptionKey = "apply.transposed")
        boolean transposed;
        @Option(names = "--output-padding", paramLabel = "N", order = 12, descriptionKey = "apply.outputPadding")
        String outputPadding;
        @Option(names = "--spec", paramLabel = "FILE.json", order = 13, descriptionKey = "apply.spec")
        String spec;

        /** The spec fields given as flags, by their JSON names, in the order they apply. */
        List<String[]> values() {
            List<String[]> v = new ArrayList<>();
            String[][] all = {{"bias", bias}, {"stride", stride}, {"padding", padding}, {"padding_mode", paddingMode},
                {"dilation", dilation}, {"groups", groups}, {"activation", activation}, {"pool", pool},
                {"output_padding", outputPadding}};
            for (String[] f : all) {
                if (f[1] != null) {
                    v.add(f);
                }
            }
            return v;
        }
    }

    /** How the photo is read and the result written. */
    static final class Io {
        @Option(names = {"--gray", "--grey"}, order = 20, descriptionKey = "apply.gray")
        boolean gray;
        @Option(names = "--raw", paramLabel = "FILE|FOLDER", order = 21, descriptionKey = "apply.raw")
        String raw;
        @Option(names = "--show", paramLabel = "raw|abs|clamp", order = 22, converter = Show.class, descriptionKey = "apply.show")
        Scaling scaling = Scaling.RAW;
        @Option(names = "--channel", paramLabel = "rgb|all|N", order = 23, converter = Channel.class, descriptionKey = "apply.channel")
        String channel;
        @Option(names = "--max-megapixels", paramLabel = "N", order = 24, converter = Megapixels.class,
                descriptionKey = "apply.maxMegapixels")
        Long maxPixels;
        @Option(names = "--threads", paramLabel = "N", order = 25, converter = Converters.Threads.class,
                descriptionKey = "option.threads")
        int threads = Parallel.availableThreads();
        @Option(names = "--quiet", order = 26, descriptionKey = "apply.quiet")
        boolean quiet;
    }

    /**
     * Everything the command line said, checked: what {@link ApplyRun} needs.
     *
     * @param raw the .npy file or folder, or null
     */
    record Request(Path in, Path out, Path raw, ConvSpec spec, ColorMode mode, Scaling scaling, String channel,
                   long maxPixels, int threads, boolean quiet) {
    }

    /** A bad command line: the message is the whole line to print. */
    static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    ApplyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Request req;
        try {
            req = request();
        } catch (Usage e) {
            ctx.err().println(e.getMessage());
            return Cli.BAD_INPUT;
        }
        return new ApplyRun(ctx, req, work).run();
    }

    /** The checked request, or a {@link Usage} with the line that says what is wrong. */
    Request request() throws Usage {
        int names = (in == null ? 0 : 1) + (out == null ? 0 : 1) + extra.size();
        if (names != 2) {
            throw new Usage(ctx.text("apply.positional", names));
        }
        ObjectNode fields = JSON.objectNode();
        for (String[] f : settings.values()) {
            fields.set(f[0], value(f[0], f[1]));
        }
        if (settings.flip) {
            fields.put("flip", true);
        }
        if (settings.transposed) {
            fields.put("transposed", true);
        }
        if (settings.spec != null) {
            specFile(settings.spec).fields().forEachRemaining(e -> {
                if (!fields.has(e.getKey())) {
                    fields.set(e.getKey(), e.getValue());
                }
            });
        }
        if (settings.kernel != null) {
            fields.set("kernel", kernelNode(settings.kernel));
        } else if (!fields.has("kernel")) {
            throw new Usage(ctx.text("apply.noKernel", String.join(", ", KernelPresets.names())));
        }
        fields.remove("input");
        ConvSpec spec;
        try {
            spec = SpecReader.settings(fields, "$");
        } catch (SpecException e) {
            throw new Usage(ctx.text("apply.badSetting", flag(e.field()), e.message(ctx.locale())));
        }
        long maxPixels = io.maxPixels != null ? io.maxPixels : PhotoReader.defaultMaxPixels(BYTES_PER_PIXEL);
        return new Request(Path.of(in), Path.of(out), io.raw == null ? null : Path.of(io.raw), spec,
                io.gray ? ColorMode.GRAY : ColorMode.COLOR, io.scaling, io.channel, maxPixels, io.threads, io.quiet);
    }

    /** {@code $.padding_mode[1]} -> {@code --padding-mode}. */
    static String flag(String field) {
        String f = field.startsWith("$.") ? field.substring(2) : field;
        int cut = f.length();
        for (char c : new char[] {'.', '['}) {
            int i = f.indexOf(c);
            if (i >= 0) {
                cut = Math.min(cut, i);
            }
        }
        String head = f.substring(0, cut);
        return head.isEmpty() || head.equals("$") ? "settings" : "--" + head.replace('_', '-') + f.substring(cut);
    }

    /**
     * A flag's text as the JSON value of the spec field: numbers, {@code a,b} lists, names;
     * {@code --pool max:2[:stride[:padding]]}; {@code --activation leaky_relu:0.2}; or raw JSON.
     */
    static JsonNode value(String field, String text) {
        String t = text.trim();
        if (t.startsWith("{") || t.startsWith("[")) {
            return SpecReader.parseJson(t);
        }
        if (field.equals("pool") && !t.isEmpty() && Character.isLetter(t.charAt(0))) {
            String[] p = t.split(":");
            ObjectNode o = JSON.objectNode();
            o.put("type", p[0]);
            if (p.length > 1) {
                o.set("size", scalar(p[1]));
            }
            if (p.length > 2) {
                o.set("stride", scalar(p[2]));
            }
            if (p.length > 3) {
                o.set("padding", scalar(p[3]));
            }
            return o;
        }
        if (field.equals("activation") && t.contains(":")) {
            String[] p = t.split(":", 2);
            ObjectNode o = JSON.objectNode();
            o.put("type", p[0]);
            o.set("slope", scalar(p[1]));
            return o;
        }
        return scalar(t);
    }

    /** {@code 2} -> 2, {@code 1/9} -> 0.11111111, {@code 2,1} or {@code 2x1} -> [2, 1], {@code same} -> "same". */
    private static JsonNode scalar(String t) {
        String[] parts = t.split("[,x]");
        if (parts.length > 1 && t.matches("[-0-9.eE,x/ \u2212]+")) {
            ArrayNode a = JSON.arrayNode();
            for (String p : parts) {
                a.add(scalar(p.trim()));
            }
            return a;
        }
        if (t.matches("-?\\d{1,9}")) {
            return JSON.numberNode(Integer.parseInt(t));
        }
        // The one number parser the window uses too: 0.5, 1/9, a true minus sign; to float32.
        Float f = Numbers.parse(t);
        return f != null ? JSON.numberNode(f) : JSON.textNode(t);
    }

    private ObjectNode specFile(String file) throws Usage {
        try {
            JsonNode n = SpecReader.parseJson(InputFiles.readText(Path.of(file), InputFiles.TEXT_LIMIT));
            if (!n.isObject()) {
                throw new Usage(file + ": $: " + ctx.text("apply.specNotObject"));
            }
            return (ObjectNode) n;
        } catch (SpecException e) {
            throw new Usage(Options.where(ctx, file, e));
        } catch (IOException e) {
            throw new Usage(ctx.text("error.read", file, IoText.reason(e, ctx.locale())));
        }
    }

    /** {@code --kernel}: a preset name, a file (.npy, .json, or text rows), or inline rows. */
    private JsonNode kernelNode(String k) throws Usage {
        if (KernelPresets.contains(k)) {
            return rowsNode(KernelPresets.rows(k));
        }
        Path p = Path.of(k.length() > 200 ? "-" : k);
        boolean looksInline = k.matches("[-+0-9.eE/,;\\s\\[\\]]+") && k.matches(".*\\d.*");
        if (!looksInline && Files.exists(p)) {
            String lower = k.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".npy")) {
                    Tensor t = Npy.read(new ByteArrayInputStream(InputFiles.readBytes(p, InputFiles.TEXT_LIMIT)));
                    if (t.channels() != 1) {
                        throw new Usage(ctx.text("apply.kernelNpy", k, t.channels() + " x " + t.height() + " x " + t.width()));
                    }
                    return rowsNode(t.rows(0));
                }
                String text = InputFiles.readText(p, InputFiles.TEXT_LIMIT);
                if (lower.endsWith(".json")) {
                    JsonNode n = SpecReader.parseJson(text);
                    JsonNode kernel = n.isObject() ? n.get("kernel") : n;
                    if (kernel == null) {
                        throw new Usage(k + ": $.kernel: " + ctx.text("apply.noKernelField"));
                    }
                    SpecReader.kernel(kernel, n.isObject() ? "$.kernel" : "$");
                    return kernel;
                }
                return rowsNode(KernelText.parse(text));
            } catch (SpecException e) {
                throw new Usage(e.key().startsWith("error.kernelText.") ? k + ": " + e.message(ctx.locale())
                        : Options.where(ctx, k, e));
            } catch (IOException e) {
                throw new Usage(ctx.text("error.read", k, IoText.reason(e, ctx.locale())));
            }
        }
        if (looksInline) {
            try {
                return rowsNode(KernelText.parse(k));
            } catch (SpecException e) {
                throw new Usage(ctx.text("apply.badKernel", k, e.message(ctx.locale())));
            }
        }
        throw new Usage(ctx.text("apply.unknownKernel", k, String.join(", ", KernelPresets.names())));
    }

    private static ArrayNode rowsNode(float[][] rows) {
        ArrayNode a = JSON.arrayNode();
        for (float[] row : rows) {
            ArrayNode r = a.addArray();
            for (float v : row) {
                r.add(v);
            }
        }
        return a;
    }

    /** {@code --show raw|abs|clamp}. */
    static final class Show implements ITypeConverter<Scaling> {
        private final CliContext ctx;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Scaling convert(String v) {
            Scaling s = Scaling.fromId(v);
            if (s == null) {
                throw new TypeConversionException(ctx.text("apply.badChoice", "--show", v, "raw, abs, clamp"));
            }
            return s;
        }
    }

    /** {@code --channel rgb|all|N}. */
    static final class Channel implements ITypeConverter<String> {
        private final CliContext ctx;

        Channel(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public String convert(String v) {
            if (!v.equals("rgb") && !v.equals("all") && !v.matches("\\d{1,4}")) {
                throw new TypeConversionException(ctx.text("apply.badChoice", "--channel", v, "rgb, all, 0, 1, ..."));
            }
            return v;
        }
    }

    /** {@code --max-megapixels N}: above 0, at most 1000; as a pixel count. */
    static final class Megapixels implements ITypeConverter<Long> {
        private final CliContext ctx;

        Megapixels(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Long convert(String v) {
            try {
                double mp = Double.parseDouble(v);
                if (mp > 0 && mp <= 1000) {
                    return Math.max(1, (long) (mp * 1e6));
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new TypeConversionException(ctx.text("apply.badMegapixels", v));
        }
    }
}
