package org.convlens.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.convlens.engine.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Files that once decoded wrongly, against what PIL makes of them (tools/fixtures/make_image_fixtures.py):
 * low bit-depth gray stays one channel, colour profiles are not applied, a PNG PIL refuses for a
 * bad checksum is refused, a header too large for memory is one line naming the file.
 */
class ImageFixturesTest {
    static final Path DIR = Path.of("src/test/resources/fixtures/images");

    private static PhotoReader reader() {
        return new PhotoReader(ColorMode.COLOR, 64_000_000L, Locale.ROOT);
    }

    @TestFactory
    Stream<DynamicTest> decodedAsPilDecodes() throws IOException {
        JsonNode expected = new ObjectMapper().readTree(DIR.resolve("expected.json").toFile());
        List<DynamicTest> tests = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = expected.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Path file = DIR.resolve(e.getKey());
            JsonNode want = e.getValue();
            tests.add(DynamicTest.dynamicTest(e.getKey(), () -> {
                if (want.has("error")) {
                    PhotoException x = assertThrows(PhotoException.class, () -> reader().read(file));
                    assertEquals("error.corrupt", x.key(), x.line());
                    assertTrue(x.line(Locale.ROOT).startsWith(file + ": corrupt PNG image: "), x.line(Locale.ROOT));
                    return;
                }
                Photo p = reader().read(file);
                Tensor t = p.tensor();
                JsonNode a = want.get("tensor");
                assertEquals(a.size(), t.channels(), "channels (PIL mode " + want.get("mode").asText() + ")");
                assertEquals(a.get(0).size(), t.height());
                assertEquals(a.get(0).get(0).size(), t.width());
                assertEquals(t.channels() == 1, p.fileGray());
                for (int c = 0; c < t.channels(); c++) {
                    for (int y = 0; y < t.height(); y++) {
                        for (int x = 0; x < t.width(); x++) {
                            assertEquals((float) a.get(c).get(y).get(x).doubleValue(), t.get(c, y, x),
                                    "at " + c + "," + y + "," + x);
                        }
                    }
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void aPngPilRefusesForItsHeaderChecksumIsRefused() {
        PhotoException e = assertThrows(PhotoException.class, () -> reader().read(DIR.resolve("bad_ihdr_crc.png")));
        assertEquals("error.corrupt", e.key());
        assertTrue(e.line(Locale.ROOT).endsWith("corrupt PNG image: the IHDR chunk at byte 8 has a wrong checksum"),
                e.line(Locale.ROOT));
        PhotoException m = assertThrows(PhotoException.class,
                () -> reader().read(Files.readAllBytes(DIR.resolve("bad_text_crc.png")), "in memory"));
        assertTrue(m.line(Locale.ROOT).endsWith("the tEXt chunk at byte 33 has a wrong checksum"), m.line(Locale.ROOT));
    }

    @Test
    void aHeaderTooLargeForMemoryIsOneLineNamingTheFile() {
        Path f = DIR.resolve("huge_header.png");
        PhotoException e = assertThrows(PhotoException.class,
                () -> new PhotoReader(ColorMode.COLOR, PhotoReader.REFUSE_PIXELS, Locale.ROOT).read(f));
        assertEquals("error.memory", e.key(), e.line());
        assertTrue(e.line(Locale.ROOT).startsWith(f + ": not enough memory to read 30000 x 30000 pixels"), e.line(Locale.ROOT));
        assertTrue(e.reason(Locale.SIMPLIFIED_CHINESE).startsWith("内存不足"), e.reason(Locale.SIMPLIFIED_CHINESE));
    }
}
