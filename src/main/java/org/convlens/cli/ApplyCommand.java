package org.convlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelPresets;
import org.convlens.engine.Parallel;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorMode;
import org.convlens.image.ColorScale;
import org.convlens.image.ImageFormat;
import org.convlens.spec.KernelText;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Npy;
import org.convlens.image.Photo;
import org.convlens.image.PhotoException;
import org.convlens.image.PhotoReader;
import org.convlens.image.PngOut;
import org.convlens.image.Scaling;
import org.convlens.spec.SpecReader;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code apply [settings] IN OUT.png [--raw OUT.npy]}: runs the engine on a photo (or on every
 * photo of a folder, one at a time) and writes the result as a PNG "as shown" and, with
 * {@code --raw}, as the engine's exact float32 output in a {@code .npy}.
 *
 * <p>Settings use the JSON spec's names ({@code --padding-mode} is {@code padding_mode}) and are
 * read by the same {@link SpecReader}, so the same values are accepted and refused with the same
 * messages.
 */
final class ApplyCommand {
    /** Working bytes per pixel of a colour photo: input and output float32 tensors, decoded image, PNG buffer. */
    private static final int BYTES_PER_PIXEL = 3 * 4 * 2 + 4 + 4;
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Flags that take a value and become the spec field of the same name. */
    private static final List<String> VALUE_FIELDS = List.of("bias", "stride", "padding", "padding_mode", "dilation",
            "groups", "activation", "pool", "output_padding");
    /** Flags without a value that set a boolean spec field. */
    private static final List<String> SWITCH_FIELDS = List.of("flip", "transposed");

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    /** A folder run drawing its bar on a terminal: the per-photo lines would break the bar. */
    private boolean terminalBatch;

    ApplyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
        this.terminal = err == System.err && System.console() != null;
    }

    /** Everything the command line said, checked. */
    private static final class Request {
        ConvSpec spec;
        ColorMode mode = ColorMode.COLOR;
        Scaling scaling = Scaling.RAW;
        String channel;
        long maxPixels = PhotoReader.defaultMaxPixels(BYTES_PER_PIXEL);
        int threads = Parallel.availableThreads();
        boolean quiet;
        Path raw;
        final List<String> positional = new ArrayList<>();
    }

    /** A bad command line: the message is the whole line to print. */
    private static final class Usage extends Exception {
        Usage(String message) {
            super(message);
        }
    }

    int run(String[] args) {
        Request req;
        try {
            req = parse(args);
            if (req == null) {
                out.println(Cli.TEXT.text("help.apply"));
                return Cli.OK;
            }
        } catch (Usage e) {
            err.println(e.getMessage());
            return Cli.BAD_INPUT;
        }
        Path in = Path.of(req.positional.get(0));
        Path target = Path.of(req.positional.get(1));
        if (Files.isDirectory(in)) {
            return folder(req, in, target);
        }
        if (Files.notExists(in)) {
            err.println(in + ": " + Cli.TEXT.text("apply.missing"));
            return Cli.BAD_INPUT;
        }
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            err.println(Cli.TEXT.text("apply.notPng", target));
            return Cli.BAD_INPUT;
        }
        String line = one(req, in, target, req.raw);
        if (line != null) {
            err.println(line);
            return Cli.BAD_INPUT;
        }
        return Cli.OK;
    }

    private Request parse(String[] args) throws Usage {
        Request r = new Request();
        ObjectNode settings = JSON.objectNode();
        String kernel = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (Cli.isHelp(a)) {
                return null;
            }
            if (!a.startsWith("--") || a.equals("--")) {
                r.positional.add(a);
                continue;
            }
            String name = a.substring(2).replace('-', '_');
            if (SWITCH_FIELDS.contains(name)) {
                settings.put(name, true);
                continue;
            }
            switch (name) {
                case "gray":
                case "grey":
                    r.mode = ColorMode.GRAY;
                    continue;
                case "quiet":
                    r.quiet = true;
                    continue;
                default:
                    break;
            }
            if (i + 1 >= args.length) {
                throw new Usage(Cli.TEXT.text("apply.needsValue", a));
            }
            String v = args[++i];
            if (VALUE_FIELDS.contains(name)) {
                settings.set(name, value(name, v));
                continue;
            }
            switch (name) {
                case "kernel":
                    kernel = v;
                    break;
                case "spec":
                    ObjectNode fromFile = specFile(v);
                    fromFile.fields().forEachRemaining(e -> {
                        if (!settings.has(e.getKey())) {
                            settings.set(e.getKey(), e.getValue());
                        }
                    });
                    break;
                case "raw":
                    r.raw = Path.of(v);
                    break;
                case "show":
                    r.scaling = Scaling.fromId(v);
                    if (r.scaling == null) {
                        throw new Usage(Cli.TEXT.text("apply.badChoice", a, v, "raw, abs, clamp"));
                    }
                    break;
                case "channel":
                    if (!v.equals("rgb") && !v.equals("all") && !v.matches("\\d{1,4}")) {
                        throw new Usage(Cli.TEXT.text("apply.badChoice", a, v, "rgb, all, 0, 1, ..."));
                    }
                    r.channel = v;
                    break;
                case "max_megapixels":
                    try {
                        double mp = Double.parseDouble(v);
                        if (!(mp > 0) || mp > 1000) {
                            throw new NumberFormatException();
                        }
                        r.maxPixels = Math.max(1, (long) (mp * 1e6));
                    } catch (NumberFormatException e) {
                        throw new Usage(Cli.TEXT.text("apply.badMegapixels", v));
                    }
                    break;
                case "threads":
                    r.threads = Options.threads(v);
                    if (r.threads < 1) {
                        throw new Usage(Cli.TEXT.text("error.threads", v));
                    }
                    break;
                default:
                    throw new Usage(Cli.TEXT.text("error.option", a, "apply"));
            }
        }
        if (r.positional.size() != 2) {
            throw new Usage(Cli.TEXT.text("apply.positional", r.positional.size()));
        }
        if (kernel != null) {
            settings.set("kernel", kernelNode(kernel));
        } else if (!settings.has("kernel")) {
            throw new Usage(Cli.TEXT.text("apply.noKernel", String.join(", ", KernelPresets.names())));
        }
        settings.remove("input");
        try {
            r.spec = SpecReader.settings(settings, "$");
        } catch (SpecException e) {
            throw new Usage(Cli.TEXT.text("apply.badSetting", flag(e.field()), e.localizedMessage()));
        }
        return r;
    }

    /** {@code $.padding_mode[1]} -> {@code --padding-mode}. */
    private static String flag(String field) {
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

    /** {@code 2} -> 2, {@code 2,1} or {@code 2x1} -> [2, 1], {@code same} -> "same". */
    private static JsonNode scalar(String t) {
        String[] parts = t.split("[,x]");
        if (parts.length > 1 && t.matches("[-0-9.eE,x ]+")) {
            ArrayNode a = JSON.arrayNode();
            for (String p : parts) {
                a.add(scalar(p.trim()));
            }
            return a;
        }
        try {
            if (t.matches("-?\\d{1,9}")) {
                return JSON.numberNode(Integer.parseInt(t));
            }
            return JSON.numberNode(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return JSON.textNode(t);
        }
    }

    private static ObjectNode specFile(String file) throws Usage {
        try {
            JsonNode n = SpecReader.parseJson(Files.readString(Path.of(file)));
            if (!n.isObject()) {
                throw new Usage(file + ": $: " + Cli.TEXT.text("apply.specNotObject"));
            }
            return (ObjectNode) n;
        } catch (SpecException e) {
            throw new Usage(Options.where(file, e));
        } catch (IOException e) {
            throw new Usage(Cli.TEXT.text("error.read", file, Files.notExists(Path.of(file))
                    ? Cli.TEXT.text("apply.missing") : e.getMessage()));
        }
    }

    /** {@code --kernel}: a preset name, a file (.npy, .json, or text rows), or inline rows. */
    private static JsonNode kernelNode(String k) throws Usage {
        if (KernelPresets.contains(k)) {
            return rowsNode(KernelPresets.rows(k));
        }
        Path p = Path.of(k.length() > 200 ? "-" : k);
        boolean looksInline = k.matches("[-+0-9.eE/,;\\s\\[\\]]+") && k.matches(".*\\d.*");
        if (!looksInline && Files.isRegularFile(p)) {
            String lower = k.toLowerCase(Locale.ROOT);
            try {
                if (lower.endsWith(".npy")) {
                    Tensor t = Npy.read(p);
                    if (t.channels() != 1) {
                        throw new Usage(Cli.TEXT.text("apply.kernelNpy", k, t.channels() + " x " + t.height() + " x " + t.width()));
                    }
                    return rowsNode(t.rows(0));
                }
                String text = Files.readString(p);
                if (lower.endsWith(".json")) {
                    JsonNode n = SpecReader.parseJson(text);
                    JsonNode kernel = n.isObject() ? n.get("kernel") : n;
                    if (kernel == null) {
                        throw new Usage(k + ": $.kernel: " + Cli.TEXT.text("apply.noKernelField"));
                    }
                    SpecReader.kernel(kernel, n.isObject() ? "$.kernel" : "$");
                    return kernel;
                }
                return rowsNode(KernelText.parse(text));
            } catch (SpecException e) {
                throw new Usage(e.key().startsWith("error.kernelText.") ? k + ": " + e.localizedMessage()
                        : Options.where(k, e));
            } catch (IOException e) {
                throw new Usage(Cli.TEXT.text("error.read", k, e.getMessage()));
            }
        }
        if (looksInline) {
            try {
                return rowsNode(KernelText.parse(k));
            } catch (SpecException e) {
                throw new Usage(Cli.TEXT.text("apply.badKernel", k, e.localizedMessage()));
            }
        }
        throw new Usage(Cli.TEXT.text("apply.unknownKernel", k, String.join(", ", KernelPresets.names())));
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

    /** One photo; returns null when written, else the one line saying what went wrong. */
    private String one(Request req, Path in, Path png, Path npy) {
        Photo photo;
        try {
            photo = new PhotoReader(req.mode, req.maxPixels).read(in);
        } catch (PhotoException e) {
            return e.line();
        }
        if (!req.quiet) {
            for (String notice : photo.notices()) {
                err.println(in + ": " + Cli.TEXT.text("apply.note", notice));
            }
        }
        ConvSpec spec = ChannelPolicy.forChannels(req.spec, photo.channels());
        ConvPlan plan;
        try {
            plan = ConvPlan.of(spec, photo.tensor());
        } catch (SpecException e) {
            return in + ": " + flag(e.field()) + ": " + e.localizedMessage();
        }
        long t0 = System.nanoTime();
        Tensor result = ConvEngine.run(plan, photo.tensor(), req.threads).output();
        double engineMs = (System.nanoTime() - t0) / 1e6;
        photo = null;
        try {
            if (npy != null) {
                try {
                    Npy.write(result, npy);
                } catch (IOException e) {
                    return npy + ": " + Cli.TEXT.text("apply.cannotWrite", String.valueOf(e.getMessage()));
                }
            }
            ColorScale scale = ColorScale.of(req.scaling, MapStats.of(result));
            String channel = req.channel != null ? req.channel : result.channels() == 3 ? "rgb" : "all";
            BufferedImage img;
            if (channel.equals("rgb")) {
                if (result.channels() != 3) {
                    return in + ": --channel: " + Cli.TEXT.text("apply.notRgb", result.channels());
                }
                img = PngOut.image(result, MapRenderer.RGB, scale);
            } else if (channel.equals("all")) {
                img = PngOut.grid(result, scale);
            } else {
                int c = Integer.parseInt(channel);
                if (c >= result.channels()) {
                    return in + ": --channel: " + Cli.TEXT.text("apply.noChannel", c, result.channels());
                }
                img = PngOut.image(result, c, scale);
            }
            PngOut.write(img, png);
        } catch (PhotoException e) {
            return e.file() + ": " + Cli.TEXT.text("apply.cannotWrite", e.reason());
        }
        if (!req.quiet && !terminalBatch) {
            out.println(Cli.TEXT.text("apply.done", in, png, npy == null ? "" : " " + npy, result.channels(),
                    result.height(), result.width(), String.format(Locale.ROOT, "%.1f", engineMs)));
        }
        return null;
    }

    /** Every photo of a folder, one at a time, into another folder; a bad file is reported and skipped. */
    private int folder(Request req, Path in, Path outDir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(Files::isRegularFile).filter(p -> ImageFormat.hasImageExtension(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            err.println(Cli.TEXT.text("error.read", in, e.getMessage()));
            return Cli.BAD_INPUT;
        }
        if (files.isEmpty()) {
            err.println(in + ": " + Cli.TEXT.text("apply.noPhotos", String.join(", ", ImageFormat.EXTENSIONS)));
            return Cli.BAD_INPUT;
        }
        for (Path dir : req.raw == null ? List.of(outDir) : List.of(outDir, req.raw)) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println(dir + ": " + Cli.TEXT.text("apply.notFolder"));
                return Cli.BAD_INPUT;
            }
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                err.println(dir + ": " + Cli.TEXT.text("apply.cannotWrite", String.valueOf(e.getMessage())));
                return Cli.BAD_INPUT;
            }
        }
        Map<String, Integer> stems = new HashMap<>();
        for (Path f : files) {
            stems.merge(stem(f), 1, Integer::sum);
        }
        terminalBatch = terminal && !req.quiet;
        int failed = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = stems.get(stem(f)) > 1 ? f.getFileName().toString().replace('.', '_') : stem(f);
            progress(i, files.size(), f.getFileName().toString(), req.quiet);
            String line = one(req, f, outDir.resolve(name + ".png"), req.raw == null ? null : req.raw.resolve(name + ".npy"));
            if (line != null) {
                if (terminalBatch) {
                    err.print("\r\033[K");
                }
                err.println(line);
                failed++;
            }
        }
        progress(files.size(), files.size(), "", req.quiet);
        if (terminalBatch) {
            err.println();
        }
        if (!req.quiet) {
            out.println(Cli.TEXT.text("apply.summary", files.size() - failed, files.size(), outDir, failed,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)));
        }
        return failed == 0 ? Cli.OK : Cli.BAD_INPUT;
    }

    private static String stem(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }

    /** A bar on stderr: redrawn in place on a terminal, one line per file otherwise. */
    private void progress(int done, int total, String current, boolean quiet) {
        if (quiet) {
            return;
        }
        int width = 30;
        int filled = (int) ((long) done * width / total);
        String bar = "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] " + done + "/" + total;
        if (terminal) {
            err.print("\r\033[K" + bar + (current.isEmpty() ? "" : "  " + current));
            err.flush();
        } else {
            err.println(current.isEmpty() ? bar : bar + "  " + current);
        }
    }
}
