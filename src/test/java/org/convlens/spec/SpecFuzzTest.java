package org.convlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.engine.ConvEngine;
import org.convlens.engine.ConvPlan;
import org.convlens.engine.SpecException;
import org.convlens.engine.StepTrace;
import org.convlens.engine.WorkEstimate;
import org.convlens.engine.WorkLimit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Seeded fuzzing of the spec reader and the engine behind it (issue 14): a few thousand specs
 * made by mutating good ones, in the tree and in the text. Each either computes within a small
 * work limit or is refused with a {@link SpecException} that names a JSON path and says what is
 * wrong in one line, in English and Chinese; never another exception, never a hang. Cases that
 * once failed are kept as small files in {@code fixtures/spec/fuzz/} and run first.
 */
@Timeout(120)
class SpecFuzzTest {
    private static final long SEED = 20260214L;
    private static final int CASES = 3000;
    /** Small, so that a mutation that asks for the moon is refused, not run. */
    private static final WorkLimit LIMIT = new WorkLimit(64L << 20, 0.25, 4L << 20);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Path KEPT = Path.of("src/test/resources/fixtures/spec/fuzz");

    /** The outcome of one spec: null if it computed or was refused properly, else what went wrong. */
    static String check(String text) {
        try {
            Problem p = SpecReader.read(text);
            ConvPlan plan = ConvPlan.of(p.spec(), p.input());
            plan.convY().reasons(Locale.ROOT);
            plan.convX().reasons(Locale.SIMPLIFIED_CHINESE);
            ConvEngine.Result r = ConvEngine.run(plan, p.input(), 2, LIMIT);
            LIMIT.check(WorkEstimate.trace(plan, 0, 5));
            StepTrace t = new StepTrace(plan, p.input(), r.featureMap());
            for (long i = 0; i < Math.min(5, t.convSteps()); i++) {
                t.convStep(i);
            }
            for (long i = 0; i < Math.min(5, t.poolSteps()); i++) {
                t.poolStep(i);
            }
            Problem back = SpecReader.read(SpecWriter.toJson(p));
            if (!back.input().equals(p.input())) {
                return "written and read back, the input differs";
            }
            if (!back.spec().equals(p.spec())) {
                return "written and read back, the spec differs: " + p.spec() + " became " + back.spec();
            }
            return null;
        } catch (SpecException e) {
            String field = e.field();
            for (Locale l : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
                String m = e.message(l);
                if (m.isBlank() || m.contains("\n") || m.length() > 400) {
                    return "message not one line: " + m;
                }
            }
            return field != null && field.startsWith("$") ? null : "no JSON path: " + field;
        } catch (Throwable e) {
            return e.toString();
        }
    }

    @TestFactory
    Stream<DynamicTest> casesThatOnceFailedStayFixed() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(KEPT)) {
            for (Path f : files.sorted().toList()) {
                String text = Files.readString(f, StandardCharsets.UTF_8);
                tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertEquals(null, check(text))));
            }
        }
        assertTrue(tests.size() > 0, "no kept cases in " + KEPT);
        return tests.stream();
    }

    @Test
    void mutatedSpecsComputeOrAreRefusedInOneLine() {
        Random r = new Random(SEED);
        List<JsonNode> seeds = seeds();
        List<String> failures = new ArrayList<>();
        int computed = 0;
        for (int i = 0; i < CASES; i++) {
            JsonNode seed = seeds.get(r.nextInt(seeds.size())).deepCopy();
            String text = r.nextInt(5) == 0 ? mutateText(r, seed.toString()) : mutateTree(r, seed).toString();
            String problem = check(text);
            if (problem != null) {
                failures.add("case " + i + ": " + problem + "\n  " + (text.length() > 600 ? text.substring(0, 600) + "..." : text));
            } else if (computes(text)) {
                computed++;
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + CASES + " cases broke:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        }
        // the fuzzing is worth something only if a fair share still computes
        assertTrue(computed > CASES / 10, "only " + computed + " of " + CASES + " computed");
    }

    private static boolean computes(String text) {
        try {
            Problem p = SpecReader.read(text);
            ConvEngine.run(ConvPlan.of(p.spec(), p.input()), p.input(), 1, LIMIT);
            return true;
        } catch (SpecException e) {
            return false;
        }
    }

    /** The examples and the PyTorch fixture specs: every setting in use. */
    private static List<JsonNode> seeds() {
        List<JsonNode> s = new ArrayList<>();
        try {
            try (Stream<Path> files = Files.list(Path.of("examples"))) {
                for (Path f : files.sorted().toList()) {
                    s.add(JSON.readTree(f.toFile()));
                }
            }
            try (InputStream in = SpecFuzzTest.class.getResourceAsStream("/fixtures/engine/conv_cases.json")) {
                for (JsonNode c : JSON.readTree(in).get("cases")) {
                    s.add(c.get("spec"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return s;
    }

    private static final String[] NAMES = {"input", "kernel", "bias", "stride", "padding", "padding_mode", "dilation",
        "groups", "flip", "activation", "pool", "transposed", "output_padding", "strides", "slope", "type", "size",
        "ceil_mode", "count_include_pad"};
    private static final String[] WORDS = {"same", "valid", "full", "zeros", "reflect", "replicate", "circular", "max",
        "avg", "relu", "leaky_relu", "sigmoid", "tanh", "none", "", "x", "SAME", "1", "NaN"};
    private static final double[] NUMBERS = {0, -1, 1, 2, 3, 4, 7, 0.5, -0.0, 1.5, 100, 1000, 4096, 1 << 20, (1 << 20) + 1,
        Integer.MAX_VALUE, Integer.MIN_VALUE, 2147483648.0, 1e10, 1e308, -1e308, 1e-45, 3.4e38, 3.5e38, 46341, 23170};

    private static JsonNode randomValue(Random r, int depth) {
        switch (r.nextInt(depth > 2 ? 4 : 7)) {
            case 0:
                return F.numberNode(NUMBERS[r.nextInt(NUMBERS.length)]);
            case 1:
                return F.numberNode(r.nextInt(9) - 2);
            case 2:
                return F.textNode(WORDS[r.nextInt(WORDS.length)]);
            case 3:
                return r.nextBoolean() ? F.booleanNode(r.nextBoolean()) : F.nullNode();
            case 4:
                return tensor(r, 1 + r.nextInt(4));
            case 5: {
                ArrayNode a = F.arrayNode();
                int n = r.nextInt(5);
                for (int i = 0; i < n; i++) {
                    a.add(randomValue(r, depth + 1));
                }
                return a;
            }
            default: {
                ObjectNode o = F.objectNode();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    o.set(NAMES[r.nextInt(NAMES.length)], randomValue(r, depth + 1));
                }
                return o;
            }
        }
    }

    /** Nested lists of numbers, {@code depth} levels, mostly rectangular. */
    private static JsonNode tensor(Random r, int depth) {
        int[] size = new int[depth];
        for (int d = 0; d < depth; d++) {
            size[d] = r.nextInt(10) == 0 ? 0 : 1 + r.nextInt(r.nextInt(8) == 0 ? 40 : 5);
        }
        return tensor(r, size, 0);
    }

    private static JsonNode tensor(Random r, int[] size, int d) {
        if (d == size.length) {
            return r.nextInt(30) == 0 ? F.numberNode(NUMBERS[r.nextInt(NUMBERS.length)]) : F.numberNode(r.nextInt(7) - 3);
        }
        ArrayNode a = F.arrayNode();
        int n = size[d] + (r.nextInt(25) == 0 ? 1 : 0);
        for (int i = 0; i < n; i++) {
            a.add(tensor(r, size, d + 1));
        }
        return a;
    }

    private static JsonNode mutateTree(Random r, JsonNode spec) {
        if (!(spec instanceof ObjectNode root)) {
            return spec;
        }
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (r.nextInt(5)) {
                case 0:
                    root.set(NAMES[r.nextInt(13)], randomValue(r, 0));
                    break;
                case 1:
                    root.remove(NAMES[r.nextInt(13)]);
                    break;
                case 2:
                    replaceSomewhere(r, root);
                    break;
                case 3:
                    root.set(r.nextBoolean() ? "input" : "kernel", tensor(r, 2 + r.nextInt(3)));
                    break;
                default: {
                    ObjectNode pool = F.objectNode();
                    pool.put("type", r.nextBoolean() ? "max" : "avg");
                    pool.set("size", r.nextInt(4) == 0 ? randomValue(r, 1) : F.numberNode(1 + r.nextInt(4)));
                    if (r.nextBoolean()) {
                        pool.set("padding", randomValue(r, 1));
                    }
                    if (r.nextBoolean()) {
                        pool.set("stride", randomValue(r, 1));
                    }
                    if (r.nextBoolean()) {
                        pool.put("ceil_mode", r.nextBoolean());
                    }
                    root.set("pool", pool);
                }
            }
        }
        return root;
    }

    /** Replaces one node anywhere in the tree with a random value. */
    private static void replaceSomewhere(Random r, JsonNode node) {
        List<JsonNode> containers = new ArrayList<>();
        collect(node, containers);
        JsonNode c = containers.get(r.nextInt(containers.size()));
        if (c instanceof ObjectNode o && o.size() > 0) {
            List<String> names = new ArrayList<>();
            for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
                names.add(it.next());
            }
            o.set(names.get(r.nextInt(names.size())), randomValue(r, 1));
        } else if (c instanceof ArrayNode a && a.size() > 0) {
            int i = r.nextInt(a.size());
            switch (r.nextInt(3)) {
                case 0 -> a.set(i, randomValue(r, 2));
                case 1 -> a.remove(i);
                default -> a.add(a.get(i).deepCopy());
            }
        }
    }

    private static void collect(JsonNode n, List<JsonNode> out) {
        if (n.isContainerNode()) {
            out.add(n);
            n.forEach(c -> collect(c, out));
        }
    }

    private static final String NOISE = "[]{},:\"0123456789-+.eE \n\\ntrufalsNI/*\u0000\uFEFF\u00e9";

    private static String mutateText(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, NOISE.charAt(r.nextInt(NOISE.length())));
                case 2 -> b.setLength(at);
                default -> {
                    int end = Math.min(b.length(), at + 1 + r.nextInt(20));
                    b.insert(at, b.substring(at, end));
                }
            }
        }
        return b.toString();
    }
}
