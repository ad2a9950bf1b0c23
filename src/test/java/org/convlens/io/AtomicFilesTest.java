package org.convlens.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one writer: old or new, never half; links and permissions kept; several files together. */
class AtomicFilesTest {
    @TempDir
    Path dir;

    private long entries() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileAndNoTemporaryFile() throws IOException {
        Path f = dir.resolve("result.npy");
        Files.writeString(f, "the good result");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("the good result", Files.readString(f));
        assertEquals(1, entries(), "no temporary file left behind");
    }

    @Test
    void aStreamWriteReplacesTheFile() throws IOException {
        Path f = dir.resolve("sub/out.bin");
        AtomicFiles.write(f, out -> {
            for (int i = 0; i < 200_000; i++) {
                out.write(i);
            }
        });
        byte[] b = Files.readAllBytes(f);
        assertEquals(200_000, b.length);
        assertEquals((byte) 199_999, b[199_999]);
    }

    @Test
    void aLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.writeString(dir.resolve("real.png"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), real.getFileName());
        AtomicFiles.write(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void anExistingFileKeepsItsPermissionsAndANewOneIsNotOwnerOnly() throws IOException {
        Path f = Files.writeString(dir.resolve("shared.png"), "old");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(f, "new");
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        Path plain = Files.createFile(dir.resolve("plain"));
        Path made = dir.resolve("made.png");
        AtomicFiles.write(made, "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(made),
                "as any new file (the umask), not a temporary file's rw-------");
    }

    @Test
    void stagedFilesAreAllCommittedOrNone() throws IOException {
        Path png = Files.writeString(dir.resolve("o.png"), "old png");
        Path npy = Files.writeString(dir.resolve("o.npy"), "old npy");
        try (AtomicFiles.Staged a = AtomicFiles.stage(npy, out -> out.write("new npy".getBytes()))) {
            assertThrows(IOException.class, () -> AtomicFiles.stage(png, out -> {
                throw new IOException("no PNG writer");
            }));
            assertEquals(npy, a.target());
        }
        assertEquals("old npy", Files.readString(npy));
        assertEquals("old png", Files.readString(png));
        assertEquals(2, entries());
        try (AtomicFiles.Staged a = AtomicFiles.stage(npy, out -> out.write("new npy".getBytes()));
             AtomicFiles.Staged b = AtomicFiles.stage(png, out -> out.write("new png".getBytes()))) {
            a.commit();
            b.commit();
        }
        assertEquals("new npy", Files.readString(npy));
        assertEquals("new png", Files.readString(png));
        assertEquals(2, entries());
    }

    @Test
    void aFolderInTheWayIsAnErrorAndStaysAFolder() throws IOException {
        Path d = Files.createDirectory(dir.resolve("o.png"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(d, "x"));
        assertEquals("is a folder, not a file", IoText.reason(e, Locale.ENGLISH));
        assertTrue(Files.isDirectory(d));
        assertEquals(1, entries(), "no temporary file left behind");
    }

    @Test
    void aFileWhereAFolderShouldBeIsNamedAsSuch() throws IOException {
        Path file = Files.writeString(dir.resolve("file.txt"), "in the way");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(file.resolve("sub/o.png"), "x"));
        assertEquals("a part of the path is a file, not a folder", IoText.reason(e, Locale.ENGLISH));
        assertEquals("in the way", Files.readString(file));
    }
}
