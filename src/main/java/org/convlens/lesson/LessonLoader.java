package org.convlens.lesson;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.ConvSpec;
import org.convlens.engine.Kernel;
import org.convlens.engine.KernelFit;
import org.convlens.engine.SpecException;
import org.convlens.engine.Tensor;
import org.convlens.lesson.YamlTree.Entry;
import org.convlens.lesson.YamlTree.Mapping;
import org.convlens.lesson.YamlTree.Node;
import org.convlens.lesson.YamlTree.Scalar;
import org.convlens.lesson.YamlTree.Sequence;
import org.convlens.spec.SpecReader;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates one lesson file (the format is in the README, "Lessons"). Everything is
 * checked: unknown keys, every step's state through the spec reader and the engine, every
 * highlighted cell, step and panel against that state, every question's answer computed by the
 * engine (and any answer the file states compared with it). Problems come back as
 * {@code file:line: what is wrong}; a lesson with any error is not returned. A step's state is
 * read by {@link StateReader}, what it shows by {@link HighlightReader}, its question by
 * {@link Questions}.
 */
public final class LessonLoader {
    static final Set<String> LESSON_KEYS = Set.of("title", "level", "summary", "author", "fresh", "steps");
    static final Set<String> STEP_KEYS = Set.of("title", "text", "state", "inherit", "show", "question", "photo", "fit",
            "network", "train");
    /** The languages of a text, in the order they are read: English, Simplified and Traditional Chinese. */
    static final List<String> LANGUAGES = List.of("en", "zh", "zh-Hant");
    static final Set<String> FIT_KEYS = Set.of("seed", "iterations", "learning_rate", "bias");
    static final Set<String> OPTION_KEYS = Set.of("text", "state", "correct");
    static final double DEFAULT_TOLERANCE = 0.01;
    static final int MAX_FIT_ITERATIONS = 5000;

    private final Locale locale;
    private final long budget;

    /** A loader whose messages are in {@code locale}. */
    public LessonLoader(Locale locale) {
        this(locale, WorkBudget.LESSON);
    }

    /** A loader that allows each lesson {@code budget} work (tests use a small one). */
    LessonLoader(Locale locale, long budget) {
        this.locale = locale;
        this.budget = budget;
    }

    /**
     * What loading one file gave.
     *
     * @param lesson the lesson, or null if the file has errors
     * @param problems errors and warnings, in file order
     * @param work what checking it cost, in the unit of the loader's work budget (multiply-adds)
     */
    public record Result(Lesson lesson, List<LessonProblem> problems, long work) {
        public boolean ok() {
            return lesson != null;
        }
    }

    /**
     * Loads a lesson file; its folder is where its file references may point. The file itself
     * follows the rule of those references: it must be a regular file (not a FIFO or a device)
     * whose real location is inside its folder (a symbolic link that leads out is refused before
     * anything is read), of at most {@link YamlTree#MAX_BYTES} bytes.
     */
    public Result load(Path file) {
        return load(file, 0);
    }

    /** Loads a lesson file as variant {@code variant} (see {@link #load(String, String, byte[], LessonFolder, long)}). */
    public Result load(Path file, long variant) {
        String name = file.toString();
        Report r = new Report(name, locale);
        Path dir = file.toAbsolutePath().normalize().getParent();
        byte[] bytes;
        try {
            Path real = file.toRealPath();
            if (dir != null && !real.startsWith(dir.toRealPath())) {
                r.error(1, "error.file.outside");
                return new Result(null, r.problems(), 0);
            }
            if (!Files.isRegularFile(real)) {
                r.error(1, "error.file.notRegular");
                return new Result(null, r.problems(), 0);
            }
            try (InputStream in = Files.newInputStream(real)) {
                bytes = in.readNBytes(YamlTree.MAX_BYTES + 1);
            }
        } catch (IOException | SecurityException e) {
            r.error(1, "error.file.read", String.valueOf(e.getMessage()));
            return new Result(null, r.problems(), 0);
        }
        return load(name, idOf(file.getFileName().toString()), bytes, dir == null ? LessonFolder.NONE : LessonFolder.of(dir),
                variant);
    }

    /**
     * Loads a lesson from its bytes.
     *
     * @param name the file as named in messages
     * @param id the lesson's id (its file name without the extension)
     * @param folder where its file references may point
     */
    public Result load(String name, String id, byte[] bytes, LessonFolder folder) {
        return load(name, id, bytes, folder, 0);
    }

    /**
     * Loads a lesson from its bytes as variant {@code variant}: 0 reads its numbers as written;
     * any other value gives every random grid ({@code fill: random}) of a {@code fresh} lesson
     * other numbers, and the engine computes every answer for them.
     */
    public Result load(String name, String id, byte[] bytes, LessonFolder folder, long variant) {
        Report r = new Report(name, locale, budget);
        r.variant(variant);
        if (bytes.length > YamlTree.MAX_BYTES) {
            r.error(1, "error.file.tooLarge", YamlTree.MAX_BYTES / 1024);
            return new Result(null, r.problems(), 0);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            r.error(1, "error.file.notUtf8");
            return new Result(null, r.problems(), 0);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Node root;
        try {
            root = YamlTree.parse(text);
        } catch (YamlTree.YamlException e) {
            r.error(e.line(), e.key(), e.args());
            return new Result(null, r.problems(), 0);
        }
        Lesson lesson;
        try {
            lesson = new Reader(r, folder).lesson(root, id, name);
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Whatever the engine throws on a state nobody foresaw stays this file's problem,
            // at the step being read: the other lessons load, nothing prints a stack trace.
            r.error(r.place(), "error.lesson.failed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
            lesson = null;
        }
        List<LessonProblem> problems = new ArrayList<>(r.problems());
        problems.sort(java.util.Comparator.comparingInt(LessonProblem::line));
        return new Result(r.errorCount() == 0 ? lesson : null, List.copyOf(problems), r.budget().spent());
    }

    /** A file name without its {@code .yaml} / {@code .yml} extension. */
    static String idOf(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot > 0 ? fileName.substring(0, dot) : fileName;
    }

    /** One file's reading, with its report. */
    private static final class Reader {
        private final Report r;
        private final LessonFolder folder;
        /** The network of the last step that showed one: a step's {@code network} without layers shows it again. */
        private LessonNetwork lastNetwork;

        Reader(Report r, LessonFolder folder) {
            this.r = r;
            this.folder = folder;
        }

        Lesson lesson(Node root, String id, String name) {
            if (!(root instanceof Mapping m)) {
                r.error(root.line(), "error.lesson.notMap", YamlTree.describe(root));
                return null;
            }
            Keys.check(m, LESSON_KEYS, "error.key.lesson", r);
            Localized<String> title = required(m, "title") ? title(m.value("title")) : null;
            Level level = null;
            if (required(m, "level")) {
                String l = Keys.name(m.value("level"), r);
                level = l == null ? null : Level.fromId(l);
                if (l != null && level == null) {
                    r.error(m.value("level").line(), "error.lesson.level", l);
                }
            }
            Localized<RichText> summary = required(m, "summary") ? text(m.value("summary")) : null;
            boolean fresh = false;
            if (m.value("fresh") != null) {
                Boolean f = Keys.bool(m.value("fresh"), r);
                fresh = Boolean.TRUE.equals(f);
            }
            if (!fresh) {
                r.variant(0);
            }
            if (m.value("author") != null) {
                text(m.value("author"));
            }
            r.reportMissing();
            List<Step> steps = new ArrayList<>();
            if (required(m, "steps")) {
                Node sn = m.value("steps");
                if (!(sn instanceof Sequence seq) || seq.items().isEmpty()) {
                    r.error(sn.line(), "error.lesson.steps", YamlTree.describe(sn));
                } else {
                    StateReader.Built state = StateReader.Built.EMPTY;
                    try {
                        for (int i = 0; i < seq.items().size(); i++) {
                            r.context(Text.get(r.locale(), "context.step", i + 1));
                            r.place(seq.items().get(i).line());
                            StepReading s = step(seq.items().get(i), i + 1, state);
                            r.reportMissing();
                            r.context("");
                            state = s.state();
                            if (s.step() != null) {
                                steps.add(s.step());
                            }
                        }
                    } catch (WorkBudget.Exceeded e) {
                        r.error(e.line(), "error.lesson.tooCostly", r.budget().limit(), e.wanted());
                        r.context("");
                    }
                }
            }
            if (r.errorCount() > 0) {
                return null;
            }
            return new Lesson(id, name, title, level, summary, steps, fresh, r.variant());
        }

        private boolean required(Mapping m, String key) {
            if (m.value(key) == null) {
                r.error(m.line(), "error.key.missing", key);
                return false;
            }
            return true;
        }

        /** A step and the state later steps inherit. */
        private record StepReading(Step step, StateReader.Built state) {
        }

        private StepReading step(Node n, int number, StateReader.Built previous) {
            Mapping m = Keys.map(n, r);
            if (m == null) {
                return new StepReading(null, previous);
            }
            Keys.check(m, STEP_KEYS, "error.key.step", r);
            Localized<String> title = m.value("title") == null ? null : title(m.value("title"));
            Localized<RichText> text = m.value("text") == null ? null : text(m.value("text"));
            if (text == null && m.value("text") == null) {
                r.error(m.line(), "error.key.missing", "text");
            }
            StateReader.Built state = previous;
            if (m.value("inherit") != null) {
                Boolean inherit = Keys.bool(m.value("inherit"), r);
                if (Boolean.FALSE.equals(inherit)) {
                    state = StateReader.Built.EMPTY;
                }
            }
            boolean stateOk = true;
            if (m.value("state") != null) {
                Mapping sm = Keys.map(m.value("state"), r);
                StateReader.Built next = sm == null ? null : StateReader.apply(state, sm, true, r);
                if (next == null) {
                    stateOk = false;
                } else {
                    state = next;
                }
            }
            if (!stateOk) {
                return new StepReading(null, state);
            }
            if (m.value("network") != null) {
                return networkStep(m, number, title, text, state);
            }
            if (state.spec().isEmpty()) {
                r.error(m.line(), "error.step.noState");
                return new StepReading(null, state);
            }
            Scenario scenario = StateReader.scenario(state, m.line(), r);
            if (scenario == null) {
                return new StepReading(null, state);
            }
            PhotoStep photo = m.value("photo") == null ? null : photo(m.value("photo"), state);
            FitDemo fit = m.value("fit") == null ? null : fit(m.value("fit"), scenario, state);
            LessonTraining train = m.value("train") == null ? null : LessonTraining.read(m.value("train"), r);
            if (train != null && (photo != null || fit != null)) {
                r.error(m.entries().get("train").line(), "error.train.withKey", photo != null ? "photo" : "fit");
                return new StepReading(null, state);
            }
            Highlight highlight = m.value("show") == null ? Highlight.NONE
                    : new HighlightReader(r).read(m.value("show"), scenario, photo != null, fit != null);
            Question question = m.value("question") == null ? null
                    : new Questions(r, state, scenario, fit).read(m.value("question"));
            if (highlight != null && !highlight.hidden().isEmpty() && m.value("question") == null) {
                r.error(m.value("show").line(), "error.show.hideNeedsQuestion");
                highlight = null;
            }
            if (title == null && m.value("title") != null || text == null || highlight == null
                    || (question == null && m.value("question") != null)
                    || (photo == null && m.value("photo") != null) || (fit == null && m.value("fit") != null)
                    || (train == null && m.value("train") != null)) {
                return new StepReading(null, state);
            }
            return new StepReading(new Step(number, m.line(), title, text, scenario, highlight, question, photo, fit,
                    null, train), state);
        }

        /**
         * A step showing a network: it has no state of its own (the next step inherits the state
         * before it), no photo and no training; its stepper shows a conv layer of the network.
         */
        private StepReading networkStep(Mapping m, int number, Localized<String> title, Localized<RichText> text,
                                        StateReader.Built state) {
            for (String k : List.of("state", "inherit", "photo", "fit", "train")) {
                if (m.value(k) != null) {
                    r.error(m.entries().get(k).line(), "error.network.withKey", k);
                    return new StepReading(null, state);
                }
            }
            NetworkSteps.Read net = NetworkSteps.read(m.value("network"), folder, lastNetwork, r);
            if (net == null) {
                return new StepReading(null, state);
            }
            lastNetwork = net.network();
            Scenario scenario = net.scenario();
            Highlight highlight = m.value("show") == null ? Highlight.NONE
                    : new HighlightReader(r).read(m.value("show"), scenario, false, false);
            Question question = m.value("question") == null ? null
                    : new Questions(r, state, scenario, null, net.network()).read(m.value("question"));
            if (highlight != null && !highlight.hidden().isEmpty() && m.value("question") == null) {
                r.error(m.value("show").line(), "error.show.hideNeedsQuestion");
                highlight = null;
            }
            if (title == null && m.value("title") != null || text == null || highlight == null
                    || (question == null && m.value("question") != null)) {
                return new StepReading(null, state);
            }
            return new StepReading(new Step(number, m.line(), title, text, scenario, highlight, question, null, null,
                    net.network()), state);
        }

        // Texts

        private Localized<String> title(Node n) {
            Localized<String> t = languages(n, (s, line) -> {
                String v = s.strip();
                if (v.contains("\n")) {
                    r.error(line, "error.text.titleLines");
                }
                return v;
            });
            return t;
        }

        /** Rich text in both languages. */
        Localized<RichText> text(Node n) {
            return languages(n, (s, line) -> RichTextParser.parse(s, line, r));
        }

        private interface TextParser<T> {
            T parse(String text, int firstLine);
        }

        private <T> Localized<T> languages(Node n, TextParser<T> p) {
            if (n instanceof Scalar s && s.kind() != YamlTree.ScalarKind.NULL) {
                if (s.text().isBlank()) {
                    r.error(s.line(), "error.text.empty");
                    return null;
                }
                r.warn(s.line(), "error.text.oneLanguage");
                T v = p.parse(s.text(), s.contentLine());
                return Localized.both(v);
            }
            if (!(n instanceof Mapping m)) {
                r.error(n.line(), "error.text.type", YamlTree.describe(n));
                return null;
            }
            Keys.check(m, LANGUAGES, "error.key.languages", r);
            List<T> texts = new ArrayList<>();
            for (String lang : LANGUAGES) {
                Node v = m.value(lang);
                T parsed = null;
                if (v == null) {
                    r.missing(lang, m.line());
                } else if (!(v instanceof Scalar s) || s.kind() == YamlTree.ScalarKind.NULL || s.text().isBlank()) {
                    r.error(v.line(), "error.text.empty");
                } else {
                    parsed = p.parse(s.text(), s.contentLine());
                }
                texts.add(parsed);
            }
            return texts.stream().allMatch(java.util.Objects::isNull) ? null
                    : new Localized<>(texts.get(0), texts.get(1), texts.get(2));
        }

        // Photos

        private PhotoStep photo(Node n, StateReader.Built state) {
            Mapping m;
            Node fileNode;
            if (n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.TEXT) {
                m = null;
                fileNode = s;
            } else {
                m = Keys.map(n, r);
                if (m == null) {
                    return null;
                }
                fileNode = m.value("file");
                if (fileNode == null) {
                    r.error(m.line(), "error.key.missing", "file");
                    return null;
                }
            }
            String ref = Keys.name(fileNode, r);
            if (ref == null) {
                return null;
            }
            java.net.URL url = FileRefs.resolve(ref, fileNode.line(), folder, r);
            if (url == null) {
                return null;
            }
            int[] size = Photos.size(url);
            if (size == null) {
                r.error(fileNode.line(), "error.photo.unreadable", ref);
                return null;
            }
            StateReader.Built settings = new StateReader.Built(without(state.spec(), "input"), state.lines());
            Boolean gray = null;
            String scale = null;
            if (m != null) {
                Mapping changes = subMap(m, Set.of("file", "gray", "scale"));
                if (m.value("gray") != null) {
                    gray = Keys.bool(m.value("gray"), r);
                    if (gray == null) {
                        return null;
                    }
                }
                if (m.value("scale") != null) {
                    scale = Keys.name(m.value("scale"), r);
                    if (scale != null && !PhotoStep.SCALES.contains(scale)) {
                        r.error(m.value("scale").line(), "error.photo.scale", scale, String.join(", ", PhotoStep.SCALES));
                        scale = null;
                    }
                    if (scale == null) {
                        return null;
                    }
                }
                settings = StateReader.apply(settings, changes, false, r);
                if (settings == null) {
                    return null;
                }
            }
            try {
                ConvSpec spec = SpecReader.settings(settings.spec().deepCopy(), "$");
                boolean single = spec.kernel().dim1() * spec.groups() == 1 && !spec.transposed()
                        || spec.transposed() && spec.kernel().dim0() == 1;
                boolean g = gray != null ? gray : true;
                // A single 2-D kernel on a colour photo filters each of R, G and B on its own (the
                // photo view's rule), so one channel is what it must fit; else the kernel takes 3.
                ConvPlan.of(spec, g || single ? 1 : 3, size[1], size[0]);
                if (scale == null) {
                    boolean positive = true;
                    for (float w : spec.kernel().data()) {
                        positive &= w >= 0;
                    }
                    scale = positive ? "clamp" : "raw";
                }
                return new PhotoStep(ref, url, settings.spec().deepCopy(), spec, size[0], size[1], g, scale);
            } catch (SpecException e) {
                StateReader.report(e, settings.lines(), n.line(), r);
                return null;
            }
        }

        private static ObjectNode without(ObjectNode o, String key) {
            ObjectNode c = o.deepCopy();
            c.remove(key);
            return c;
        }

        private static Mapping subMap(Mapping m, Set<String> leaveOut) {
            Map<String, Entry> e = new java.util.LinkedHashMap<>();
            for (Entry x : m.entries().values()) {
                if (!leaveOut.contains(x.key())) {
                    e.put(x.key(), x);
                }
            }
            return new Mapping(e, m.line(), m.column());
        }

        // Training

        private FitDemo fit(Node n, Scenario sc, StateReader.Built state) {
            Mapping m = n instanceof Scalar s && s.kind() == YamlTree.ScalarKind.NULL ? null : Keys.map(n, r);
            if (m == null || !Keys.check(m, FIT_KEYS, "error.key.fit", r)) {
                return null;
            }
            ConvSpec spec = sc.problem().spec();
            String bad = KernelFit.unsupportedField(spec);
            if (bad != null) {
                r.error(StateReader.lineOf(state.lines(), bad, n.line()), "error.fit.unsupported", bad.substring(2));
                return null;
            }
            long seed = 1;
            int iterations = 200;
            boolean fitBias = true;
            if (m.value("seed") != null) {
                Long s = Keys.whole(m.value("seed"), r);
                if (s == null) {
                    return null;
                }
                seed = s;
            }
            if (m.value("iterations") != null) {
                Integer it = Keys.whole(m.value("iterations"), 1, MAX_FIT_ITERATIONS, r);
                if (it == null) {
                    return null;
                }
                iterations = it;
            }
            if (m.value("bias") != null) {
                Boolean b = Keys.bool(m.value("bias"), r);
                if (b == null) {
                    return null;
                }
                fitBias = b;
            }
            // Each iteration is a forward pass and a gradient (a correlation of the same size),
            // plus the learning rate's one pass and the start: charged before anything runs.
            r.budget().charge(WorkBudget.times(StateReader.work(sc.plan()), 2L * iterations + 2), n.line());
            Tensor input = sc.problem().input();
            Kernel k = spec.kernel();
            ConvSpec start = spec.toBuilder()
                    .kernel(KernelFit.randomKernel(k.dim0(), k.dim1(), k.height(), k.width(), seed))
                    .bias(new float[sc.plan().outChannels()]).build();
            double lr = KernelFit.suggestedLearningRate(start, input, fitBias);
            Node lrNode = m.value("learning_rate");
            if (lrNode != null && !(lrNode instanceof Scalar s && s.text().equals("auto"))) {
                Double v = Keys.number(lrNode, r);
                if (v == null) {
                    return null;
                }
                if (!(v > 0) || v > 1e3) {
                    r.error(lrNode.line(), "error.fit.rate", v);
                    return null;
                }
                lr = v;
            }
            Tensor target = sc.result().featureMap();
            KernelFit f = new KernelFit(start, input, target, lr, fitBias);
            KernelFit.Snapshot end;
            try {
                end = f.run(iterations);
            } catch (SpecException e) {
                // The weights grew past what a float holds: the engine refuses them before the loss is infinite.
                end = null;
            }
            if (end == null || !Double.isFinite(end.loss())) {
                r.error(n.line(), "error.fit.diverges", iterations);
                return null;
            }
            return new FitDemo(start, input, k, target, seed, iterations, lr, fitBias, end);
        }
    }

    /** The languages-and-options part of a question is read by {@link Questions}; it needs the reader's text parsing. */
    static Localized<RichText> richText(Report r, Node n) {
        return new Reader(r, LessonFolder.NONE).text(n);
    }

    /** For messages: the ids of an enum-like list. */
    static String ids(List<String> ids) {
        return String.join(", ", new LinkedHashSet<>(ids));
    }
}
