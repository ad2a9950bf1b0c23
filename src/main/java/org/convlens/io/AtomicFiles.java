package org.convlens.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that a crash or an error at any moment leaves either the old file or the new
 * one, never a half-written one: the bytes go to a temporary file in the same folder, are forced
 * to the disk, and the temporary file is then moved over the target in one step. Every file
 * ConvLens writes goes through here (scenarios, settings, exports, lesson progress, the command
 * line's PNG and .npy results).
 *
 * <p>A target that is a symbolic link is written through: the file it points to is replaced and the
 * link stays. A target that exists keeps its permissions; a new one gets the usual ones (the
 * user's umask), not a temporary file's owner-only ones.
 *
 * <p>Several files that belong together (a PNG and its .npy) are {@link #stage staged} first and
 * committed only when all of them were written, so an error in the last leaves every one as it was.
 */
public final class AtomicFiles {
    /** Longest part of the target's name kept in the temporary file's name (names are limited to 255 bytes). */
    private static final int NAME_IN_TEMP = 80;
    /** Symbolic links followed before giving up (as the kernel's limit). */
    private static final int MAX_LINKS = 40;

    private AtomicFiles() {
    }

    /** What goes into the file: written to {@code out}, which is buffered and must not be closed. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code target} in one step; on any error the target is as it was. */
    public static void write(Path target, Content content) throws IOException {
        try (Staged s = stage(target, content)) {
            s.commit();
        }
    }

    /**
     * Writes {@code content} to a temporary file beside {@code target} and returns it, not yet in
     * place: {@link Staged#commit} moves it over the target, {@link Staged#close} (without a commit)
     * deletes it. Creates the target's folder if needed.
     */
    public static Staged stage(Path target, Content content) throws IOException {
        Path real = throughLinks(target.toAbsolutePath());
        if (Files.isDirectory(real)) {
            // Found now, so that files staged with this one are not committed and then this one fails.
            throw new InputFiles.NotAFileException(target.toString(), InputFiles.Kind.FOLDER);
        }
        Path dir = real.getParent();
        for (Path up = dir; up != null; up = up.getParent()) {
            if (Files.exists(up)) {
                if (!Files.isDirectory(up)) {
                    throw new NotDirectoryException(up.toString());
                }
                break;
            }
        }
        Files.createDirectories(dir);
        Path tmp = newTemp(dir, real.getFileName().toString());
        boolean written = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            keepPermissions(real, tmp);
            written = true;
            return new Staged(real, tmp);
        } finally {
            if (!written) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** A file written beside its target, waiting to be moved over it. */
    public static final class Staged implements AutoCloseable {
        private final Path target;
        private final Path tmp;
        private boolean committed;

        private Staged(Path target, Path tmp) {
            this.target = target;
            this.tmp = tmp;
        }

        /** The file that {@link #commit} replaces (symbolic links followed). */
        public Path target() {
            return target;
        }

        /** Moves the written file over the target in one step. */
        public void commit() throws IOException {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            committed = true;
        }

        /** Deletes the written file unless it was committed. */
        @Override
        public void close() throws IOException {
            if (!committed) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /** The file a chain of symbolic links ends at (which need not exist yet). */
    static Path throughLinks(Path p) throws IOException {
        Path q = p;
        for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(q); i++) {
            q = q.resolveSibling(Files.readSymbolicLink(q)).normalize();
        }
        return q;
    }

    /** A new empty file {@code .NAME.RANDOM.tmp} in {@code dir}, made with the default permissions. */
    private static Path newTemp(Path dir, String name) throws IOException {
        String stem = name.length() > NAME_IN_TEMP ? name.substring(0, NAME_IN_TEMP) : name;
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + stem + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) {
                    throw e;
                }
            }
        }
    }

    /** Gives {@code tmp} the permissions of {@code target} if it exists (on systems with POSIX permissions). */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Set<PosixFilePermission> perms = view.readAttributes().permissions();
        Files.getFileAttributeView(tmp, PosixFileAttributeView.class).setPermissions(perms);
    }
}
