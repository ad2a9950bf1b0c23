package org.convlens.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.convlens.cli.CliTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code apply} loses nothing: its own input, earlier results, one output per photo. */
class ApplyOutputsTest {
    static final Path PHOTOS = Path.of("src/test/resources/fixtures/photos");

    @TempDir
    Path dir;

    private Path photo(String name) throws IOException {
        return Files.copy(PHOTOS.resolve("astronaut_face.png"), dir.resolve(name));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertRefused(CliTest.Run r, String start) {
        assertEquals(2, r.status(), r.err());
        assertFalse(r.err().strip().contains("\n"), r.err());
        assertTrue(r.err().startsWith(start), r.err());
    }

    @Test
    void aRunThatFailsLeavesThePreviousPngAndNpyAsTheyWere() throws IOException {
        Path in = photo("in.png");
        Path png = dir.resolve("o.png");
        Path npy = dir.resolve("o.npy");
        assertEquals(0, run("apply", "--kernel", "box_blur", "--quiet", in.toString(), png.toString(), "--raw", npy.toString()).status());
        byte[] goodPng = Files.readAllBytes(png);
        byte[] goodNpy = Files.readAllBytes(npy);
        // the result has 3 channels: the PNG cannot show channel 5, found only after the engine ran
        CliTest.Run r = run("apply", "--kernel", "sobel_x", "--channel", "5", in.toString(), png.toString(), "--raw", npy.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains("--channel"), r.err());
        assertArrayEquals(goodNpy, Files.readAllBytes(npy), "the .npy is as it was");
        assertArrayEquals(goodPng, Files.readAllBytes(png));
        assertEquals(List.of("in.png", "o.npy", "o.png"), names(dir), "no temporary file left");
    }

    @Test
    void aPngThatCannotBeWrittenLeavesTheNpyAsItWasToo() throws IOException {
        Path in = photo("in.png");
        Path npy = dir.resolve("o.npy");
        Files.writeString(npy, "earlier result");
        Path png = Files.createDirectory(dir.resolve("o.png"));
        CliTest.Run r = run("apply", "--kernel", "box_blur", in.toString(), png.toString(), "--raw", npy.toString());
        assertRefused(r, png + ": cannot write: ");
        assertEquals("earlier result", Files.readString(npy));
    }

    @Test
    void theInputIsNeverTheOutputHoweverItIsSpelt() throws IOException {
        Path same = photo("same.png");
        byte[] before = Files.readAllBytes(same);
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), same.getFileName());
        String[][] cases = {
            {same.toString(), same.toString()},
            {same.toString(), dir.resolve(".").resolve("same.png").toString()},
            {same.toString(), dir.resolve("sub/../same.png").toString()},
            {same.toString(), link.toString()},
            {link.toString(), same.toString()},
        };
        Files.createDirectory(dir.resolve("sub"));
        for (String[] c : cases) {
            assertRefused(run("apply", "--kernel", "box_blur", c[0], c[1]), "convlens apply: OUT \"" + c[1] + "\" is the input");
        }
        assertRefused(run("apply", "--kernel", "box_blur", same.toString(), dir.resolve("o.png").toString(), "--raw", link.toString()),
                "convlens apply: --raw \"" + link + "\" is the input");
        assertRefused(run("apply", "--kernel", "box_blur", same.toString(), dir.resolve("o.png").toString(), "--raw",
                dir.resolve("o.png").toString()), "convlens apply: --raw \"" + dir.resolve("o.png") + "\" is the output PNG");
        assertArrayEquals(before, Files.readAllBytes(same));
        assertFalse(Files.exists(dir.resolve("o.png")));
    }

    @Test
    void aFolderIsNeverItsOwnOutput() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(PHOTOS.resolve("astronaut_face.png"), in.resolve("x.png"));
        Path other = Files.createSymbolicLink(dir.resolve("again"), in.getFileName());
        assertRefused(run("apply", "--kernel", "box_blur", in.toString(), in.toString()), "convlens apply: OUT");
        assertRefused(run("apply", "--kernel", "box_blur", in.toString(), dir.resolve("in/../in").toString()), "convlens apply: OUT");
        assertRefused(run("apply", "--kernel", "box_blur", in.toString(), other.toString()), "convlens apply: OUT");
        assertRefused(run("apply", "--kernel", "box_blur", in.toString(), dir.resolve("out").toString(), "--raw", in.toString()),
                "convlens apply: --raw");
        assertEquals(List.of("x.png"), names(in));
        assertFalse(Files.exists(dir.resolve("out")), "refused before making the output folder");
    }

    @Test
    void everyPhotoOfAFolderGetsItsOwnOutputAndTheSummaryCountsFiles() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(PHOTOS.resolve("astronaut_face.png"), in.resolve("x.png"));
        Files.copy(PHOTOS.resolve("rocket.jpg"), in.resolve("x.jpg"));
        Files.copy(PHOTOS.resolve("coffee.bmp"), in.resolve("x_png.png"));
        Path out = dir.resolve("out");
        Path raw = dir.resolve("raw");
        CliTest.Run r = run("apply", "--kernel", "box_blur", in.toString(), out.toString(), "--raw", raw.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(List.of("x_jpg.png", "x_png.png", "x_png_png.png"), names(out));
        assertEquals(List.of("x_jpg.npy", "x_png.npy", "x_png_png.npy"), names(raw));
        assertTrue(r.out().contains("3 of 3 photos written"), r.out());
        // each output is its own photo's: the coffee photo has its own size
        assertTrue(r.out().contains("x_png.png -> " + out.resolve("x_png_png.png")), r.out());
    }

    @Test
    void twoPhotosThatWouldShareAnOutputAreRefusedBeforeAnythingIsWritten() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        for (String n : new String[] {"a.b.png", "a.b.jpg", "a_b.png", "a_b.jpg"}) {
            Files.copy(PHOTOS.resolve(n.endsWith("png") ? "astronaut_face.png" : "rocket.jpg"), in.resolve(n));
        }
        Path out = dir.resolve("out");
        assertRefused(run("apply", "--kernel", "box_blur", in.toString(), out.toString()),
                "convlens apply: \"" + in.resolve("a.b.jpg") + "\" and \"" + in.resolve("a_b.jpg") + "\" would both be written as a_b_jpg");
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutputThatLinksToAPhotoOrToAnotherOutputIsSkippedNotOverwritten() throws IOException {
        Path in = Files.createDirectory(dir.resolve("in"));
        Files.copy(PHOTOS.resolve("astronaut_face.png"), in.resolve("a.png"));
        Files.copy(PHOTOS.resolve("rocket.jpg"), in.resolve("b.jpg"));
        Files.copy(PHOTOS.resolve("coffee.bmp"), in.resolve("c.bmp"));
        byte[] photo = Files.readAllBytes(in.resolve("a.png"));
        Path out = Files.createDirectory(dir.resolve("out"));
        Files.createSymbolicLink(out.resolve("a.png"), in.resolve("a.png"));
        Files.createSymbolicLink(out.resolve("c.png"), out.resolve("b.png"));
        CliTest.Run r = run("apply", "--kernel", "box_blur", in.toString(), out.toString());
        assertEquals(2, r.status());
        assertTrue(r.err().contains(in.resolve("a.png") + ": its output " + out.resolve("a.png") + " is one of the input photos"), r.err());
        assertTrue(r.err().contains(in.resolve("c.bmp") + ": its output " + out.resolve("c.png") + " is the same file as the output of "
                + in.resolve("b.jpg")), r.err());
        assertArrayEquals(photo, Files.readAllBytes(in.resolve("a.png")));
        assertTrue(r.out().contains("1 of 3 photos written"), r.out());
    }
}
