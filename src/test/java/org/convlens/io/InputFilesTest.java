package org.convlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The one reading helper: regular files only, a size limit, text in UTF-8 or UTF-16; the reasons in words. */
class InputFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsARegularFileAndALinkToOne() throws IOException {
        Path f = Files.write(dir.resolve("a.bin"), new byte[] {1, 2, 3});
        Path link = Files.createSymbolicLink(dir.resolve("link"), f.getFileName());
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.readBytes(link, 3));
        assertEquals(3, InputFiles.check(f, 3));
    }

    @Test
    void refusesWhatIsNotARegularFileSayingWhatItIs() throws Exception {
        assertEquals(InputFiles.Kind.FOLDER,
                assertThrows(InputFiles.NotAFileException.class, () -> InputFiles.readBytes(dir, 10)).kind());
        assertThrows(NoSuchFileException.class, () -> InputFiles.readBytes(dir.resolve("none"), 10));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertEquals(InputFiles.Kind.DEVICE,
                assertThrows(InputFiles.NotAFileException.class, () -> InputFiles.readBytes(zero, 10)).kind());
        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        assertEquals(InputFiles.Kind.PIPE,
                assertThrows(InputFiles.NotAFileException.class, () -> InputFiles.readBytes(fifo, 10)).kind());
    }

    @Test
    void refusesAFileOrAStreamOverTheLimit() throws IOException {
        Path f = Files.write(dir.resolve("a.bin"), new byte[11]);
        InputFiles.TooLargeException e = assertThrows(InputFiles.TooLargeException.class, () -> InputFiles.readBytes(f, 10));
        assertEquals(11, e.size());
        assertEquals(10, e.limit());
        assertEquals(10, InputFiles.readBytes(new ByteArrayInputStream(new byte[10]), "-", 10).length);
        assertThrows(InputFiles.TooLargeException.class, () -> InputFiles.readBytes(new ByteArrayInputStream(new byte[11]), "-", 10));
    }

    @Test
    void textIsUtf8WithOrWithoutAMarkOrUtf16WithOne() throws IOException {
        String s = "{\"名\": 1}";
        assertEquals(s, InputFiles.text(s.getBytes(StandardCharsets.UTF_8), "a"));
        assertEquals(s, InputFiles.text(("\uFEFF" + s).getBytes(StandardCharsets.UTF_8), "a"));
        assertEquals(s, InputFiles.text(("\uFEFF" + s).getBytes(StandardCharsets.UTF_16BE), "a"));
        assertEquals(s, InputFiles.text(("\uFEFF" + s).getBytes(StandardCharsets.UTF_16LE), "a"));
        assertThrows(InputFiles.NotTextException.class, () -> InputFiles.text(new byte[] {(byte) 0x89, 'P', 'N', 'G', (byte) 0xff}, "a"));
    }

    @Test
    void reasonsAreWordsWithoutTheFileNameInEitherLanguage() {
        assertEquals("is a named pipe (FIFO), not a file; ConvLens reads only regular files",
                IoText.reason(new InputFiles.NotAFileException("/x/p", InputFiles.Kind.PIPE), Locale.ENGLISH));
        assertEquals("is 2.0 MB; files over 1.0 MB are not read",
                IoText.reason(new InputFiles.TooLargeException("/x/p", 2 << 20, 1 << 20), Locale.ENGLISH));
        assertEquals("no such file or folder", IoText.reason(new NoSuchFileException("/x/p"), Locale.ENGLISH));
        assertEquals("permission denied", IoText.reason(new AccessDeniedException("/x/p"), Locale.ENGLISH));
        assertEquals("the disk is full", IoText.reason(new FileSystemException("/x/p", null, "No space left on device"),
                Locale.ENGLISH));
        assertEquals("the disk is full", IoText.reason(new IOException("No space left on device"), Locale.ENGLISH));
        assertEquals("Stale file handle", IoText.reason(new FileSystemException("/x/p", null, "Stale file handle"), Locale.ENGLISH));
        assertEquals("没有权限", IoText.reason(new AccessDeniedException("/x/p"), Locale.SIMPLIFIED_CHINESE));
        assertEquals("IOException", IoText.reason(new IOException(), Locale.ENGLISH));
    }
}
