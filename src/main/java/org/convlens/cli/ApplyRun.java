package org.convlens.cli;

import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimitException;
import org.convlens.image.ChannelPolicy;
import org.convlens.image.ColorScale;
import org.convlens.image.ImageFormat;
import org.convlens.image.MapRenderer;
import org.convlens.image.MapStats;
import org.convlens.image.Npy;
import org.convlens.image.Photo;
import org.convlens.image.PhotoException;
import org.convlens.image.PhotoReader;
import org.convlens.image.PngOut;
import org.convlens.io.AtomicFiles;
import org.convlens.io.InputFiles;
import org.convlens.io.IoText;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One {@code apply} run: a photo into a PNG (and a .npy), or every photo of a folder, one at a
 * time, into a folder; a bad photo in a folder is reported and skipped.
 */
final class ApplyRun {
    private final CliContext ctx;
    private final ApplyCommand.Request req;
    private final WorkOption work;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    /** A folder run drawing its bar on a terminal: the per-photo lines would break the bar. */
    private boolean terminalBatch;

    ApplyRun(CliContext ctx, ApplyCommand.Request req, WorkOption work) {
        this.ctx = ctx;
        this.req = req;
        this.work = work;
        this.out = ctx.out();
        this.err = ctx.err();
        this.terminal = ctx.terminal();
    }

    int run() {
        Path in = req.in();
        Path target = req.out();
        if (Files.isDirectory(in)) {
            return folder(in, target);
        }
        if (Files.notExists(in)) {
            err.println(in + ": " + ctx.text("apply.missing"));
            return Cli.BAD_INPUT;
        }
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            err.println(ctx.text("apply.notPng", target));
            return Cli.BAD_INPUT;
        }
        String refused = sameFile("OUT", target, in);
        if (refused == null && req.raw() != null) {
            refused = sameFile("--raw", req.raw(), in);
            if (refused == null && (req.raw().toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())
                    || isSameFile(req.raw(), target))) {
                refused = ctx.text("apply.rawIsPng", req.raw());
            }
        }
        if (refused != null) {
            err.println(refused);
            return Cli.BAD_INPUT;
        }
        String line = one(in, target, req.raw());
        if (line != null) {
            err.println(line);
            return Cli.BAD_INPUT;
        }
        return Cli.OK;
    }

    /** The line refusing {@code output} (named by {@code what}) if it is the input itself, however spelt; else null. */
    private String sameFile(String what, Path output, Path input) {
        return isSameFile(output, input) ? ctx.text("apply.outputIsInput", what, output, input) : null;
    }

    /** True if both exist and are one file or folder (through links, "..", different spellings, hard links). */
    private static boolean isSameFile(Path a, Path b) {
        try {
            return Files.exists(a) && Files.exists(b) && Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * One photo; returns null when written, else the one line saying what went wrong. Everything
     * that can fail is done before writing; the PNG and the .npy are then written beside their
     * targets and moved into place together, so a failure leaves the previous results as they were.
     */
    private String one(Path in, Path png, Path npy) {
        try {
            InputFiles.check(in, InputFiles.PHOTO_LIMIT);
        } catch (IOException e) {
            return ctx.text("error.read", in, IoText.reason(e, ctx.locale()));
        }
        try {
            return compute(in, png, npy);
        } catch (OutOfMemoryError e) {
            // Everything this photo allocated is unreachable now: the next photo of a folder has the memory again.
            return in + ": " + ctx.text("error.memoryPhoto", Runtime.getRuntime().maxMemory() >> 20);
        }
    }

    private String compute(Path in, Path png, Path npy) {
        Photo photo;
        try {
            photo = new PhotoReader(req.mode(), req.maxPixels(), ctx.locale()).read(in);
        } catch (PhotoException e) {
            return e.line(ctx.locale());
        }
        if (!req.quiet()) {
            for (String notice : photo.notices()) {
                err.println(in + ": " + ctx.text("apply.note", notice));
            }
        }
        ConvSpec spec = ChannelPolicy.forChannels(req.spec(), photo.channels());
        ConvPlan plan;
        try {
            plan = ConvPlan.of(spec, photo.tensor());
        } catch (SpecException e) {
            return in + ": " + ApplyCommand.flag(e.field()) + ": " + e.message(ctx.locale());
        }
        String refused = work.refusal(ctx, WorkEstimate.of(plan, req.threads()));
        if (refused != null) {
            return in + ": " + ApplyCommand.flag("$") + ": " + refused;
        }
        long t0 = System.nanoTime();
        Tensor result;
        try {
            result = ConvEngine.run(plan, photo.tensor(), req.threads(), work.limit()).output();
        } catch (WorkLimitException e) {
            return in + ": " + ApplyCommand.flag(e.field()) + ": " + work.refusal(ctx, e);
        }
        double engineMs = (System.nanoTime() - t0) / 1e6;
        photo = null;
        ColorScale scale = ColorScale.of(req.scaling(), MapStats.of(result));
        String channel = req.channel() != null ? req.channel() : result.channels() == 3 ? "rgb" : "all";
        BufferedImage img;
        if (channel.equals("rgb")) {
            if (result.channels() != 3) {
                return in + ": --channel: " + ctx.text("apply.notRgb", result.channels());
            }
            img = PngOut.image(result, MapRenderer.RGB, scale);
        } else if (channel.equals("all")) {
            img = PngOut.grid(result, scale);
        } else {
            int c = Integer.parseInt(channel);
            if (c >= result.channels()) {
                return in + ": --channel: " + ctx.text("apply.noChannel", c, result.channels());
            }
            img = PngOut.image(result, c, scale);
        }
        String failed = write(result, img, png, npy);
        if (failed != null) {
            return failed;
        }
        if (!req.quiet() && !terminalBatch) {
            out.println(ctx.text("apply.done", in, png, npy == null ? "" : " " + npy, result.channels(),
                    result.height(), result.width(), String.format(Locale.ROOT, "%.1f", engineMs)));
        }
        return null;
    }

    /** Writes the .npy (if asked) and the PNG, both or neither; returns null, or the line naming the file that failed. */
    private String write(Tensor result, BufferedImage img, Path png, Path npy) {
        AtomicFiles.Staged raw = null;
        AtomicFiles.Staged shown = null;
        Path at = npy;
        try {
            if (npy != null) {
                raw = AtomicFiles.stage(npy, o -> Npy.write(result, o));
            }
            at = png;
            shown = AtomicFiles.stage(png, o -> PngOut.write(img, o));
            at = npy;
            if (raw != null) {
                raw.commit();
            }
            at = png;
            shown.commit();
            return null;
        } catch (IOException e) {
            return at + ": " + ctx.text("apply.cannotWrite", IoText.reason(e, ctx.locale()));
        } finally {
            discard(raw);
            discard(shown);
        }
    }

    private static void discard(AtomicFiles.Staged s) {
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // a temporary file left behind is named .NAME.tmp; nothing to tell the user
            }
        }
    }

    /**
     * Every photo of a folder, one at a time, into another folder; a bad file is reported and
     * skipped. Refused before anything is written when an output folder is the input folder or two
     * photos would get one output name.
     */
    private int folder(Path in, Path outDir) {
        List<Path> files;
        try (Stream<Path> s = Files.list(in)) {
            files = s.filter(Files::isRegularFile).filter(p -> ImageFormat.hasImageExtension(p.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            err.println(ctx.text("error.read", in, IoText.reason(e, ctx.locale())));
            return Cli.BAD_INPUT;
        }
        if (files.isEmpty()) {
            err.println(in + ": " + ctx.text("apply.noPhotos", String.join(", ", ImageFormat.EXTENSIONS)));
            return Cli.BAD_INPUT;
        }
        List<Path> dirs = req.raw() == null ? List.of(outDir) : List.of(outDir, req.raw());
        for (Path dir : dirs) {
            String refused = sameFile(dir == outDir ? "OUT" : "--raw", dir, in);
            if (refused != null) {
                err.println(refused);
                return Cli.BAD_INPUT;
            }
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                err.println(dir + ": " + ctx.text("apply.notFolder"));
                return Cli.BAD_INPUT;
            }
        }
        OutputNames.Names names = OutputNames.assign(files);
        if (!names.ok()) {
            err.println(ctx.text("apply.sameOutput", names.first(), names.second(), names.shared()));
            return Cli.BAD_INPUT;
        }
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                err.println(dir + ": " + ctx.text("apply.cannotWrite", IoText.reason(e, ctx.locale())));
                return Cli.BAD_INPUT;
            }
        }
        Set<Object> inputs = new HashSet<>();
        for (Path f : files) {
            inputs.add(fileKey(f));
        }
        Map<Object, Path> written = new HashMap<>();
        // The summary counts the PNG files that exist at the end, one per file however many names led to it.
        Set<Object> pngs = new HashSet<>();
        terminalBatch = terminal && !req.quiet();
        int failed = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            String name = names.names().get(f);
            progress(i, files.size(), f.getFileName().toString(), req.quiet());
            Path png = outDir.resolve(name + ".png");
            Path npy = req.raw() == null ? null : req.raw().resolve(name + ".npy");
            String line = clash(f, png, inputs, written);
            if (line == null && npy != null) {
                line = clash(f, npy, inputs, written);
            }
            if (line == null) {
                line = one(f, png, npy);
            }
            if (line != null) {
                if (terminalBatch) {
                    err.print("\r\033[K");
                }
                err.println(line);
                failed++;
            } else {
                for (Path p : npy == null ? List.of(png) : List.of(png, npy)) {
                    Object key = fileKey(p);
                    written.put(key == null ? p : key, f);
                }
                pngs.add(fileKey(png));
            }
        }
        progress(files.size(), files.size(), "", req.quiet());
        if (terminalBatch) {
            err.println();
        }
        if (!req.quiet()) {
            out.println(ctx.text("apply.summary", pngs.size(), files.size(), outDir, failed,
                    String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9)));
        }
        return failed == 0 ? Cli.OK : Cli.BAD_INPUT;
    }

    /**
     * The line refusing to write {@code output} for {@code photo} when it is already the same file
     * as one of the inputs or as an output written earlier in this run (a link, or names that differ
     * only in case on a folder that ignores case); else null.
     */
    private String clash(Path photo, Path output, Set<Object> inputs, Map<Object, Path> written) {
        Object key = fileKey(output);
        if (key == null) {
            return null;
        }
        if (inputs.contains(key)) {
            return photo + ": " + ctx.text("apply.outputIsAPhoto", output);
        }
        Path earlier = written.get(key);
        return earlier != null ? photo + ": " + ctx.text("apply.outputWrittenTwice", output, earlier) : null;
    }

    /** What identifies an existing file whatever its name (device and inode on Unix), or null if it does not exist. */
    private static Object fileKey(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : p.toRealPath();
        } catch (IOException e) {
            return null;
        }
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
