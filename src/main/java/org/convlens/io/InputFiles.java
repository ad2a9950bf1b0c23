package org.convlens.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Every file ConvLens reads from the user goes through here first: only a regular file (a link to
 * one is followed) and only up to a size limit. A named pipe would block a read forever and
 * {@code /dev/zero} would fill the memory; a folder, a device or a socket is refused with a
 * {@link NotAFileException} saying what it is, a file over the limit with a
 * {@link TooLargeException} giving both sizes. {@link IoText} turns any of them into words.
 */
public final class InputFiles {
    /** Spec, kernel and other text files: a 64 MB spec is a 2048 x 4096 input written out in JSON. */
    public static final long TEXT_LIMIT = 64L << 20;
    /** Photo files: over 1 GB is no photo ConvLens could hold as float32 (the decoder's pixel limits come first). */
    public static final long PHOTO_LIMIT = 1L << 30;

    private InputFiles() {
    }

    /** What a path is when it is not a regular file. */
    public enum Kind {
        FOLDER, PIPE, DEVICE, SOCKET, OTHER
    }

    /** The path exists but is not a regular file. */
    public static final class NotAFileException extends FileSystemException {
        private final Kind kind;

        public NotAFileException(String file, Kind kind) {
            super(file, null, "not a regular file: " + kind.name().toLowerCase(java.util.Locale.ROOT));
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }
    }

    /** The file is larger than the limit for its kind. */
    public static final class TooLargeException extends FileSystemException {
        private final long size;
        private final long limit;

        public TooLargeException(String file, long size, long limit) {
            super(file, null, size + " bytes, over the limit of " + limit);
            this.size = size;
            this.limit = limit;
        }

        /** The size in bytes, or -1 if only "more than the limit" is known (a stream). */
        public long size() {
            return size;
        }

        public long limit() {
            return limit;
        }
    }

    /** The bytes are neither UTF-8 nor UTF-16 with a byte-order mark. */
    public static final class NotTextException extends FileSystemException {
        public NotTextException(String file) {
            super(file, null, "not UTF-8 or UTF-16 text");
        }
    }

    /**
     * Checks that {@code file} is a regular file of at most {@code maxBytes}, for readers that open
     * it themselves; returns its size.
     *
     * @throws NoSuchFileException if nothing is there
     * @throws NotAFileException for a folder, pipe, device or socket
     * @throws TooLargeException over the limit
     */
    public static long check(Path file, long maxBytes) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        if (!a.isRegularFile()) {
            throw new NotAFileException(file.toString(), a.isDirectory() ? Kind.FOLDER : kind(file));
        }
        if (a.size() > maxBytes) {
            throw new TooLargeException(file.toString(), a.size(), maxBytes);
        }
        return a.size();
    }

    /** The bytes of a regular file of at most {@code maxBytes} (checked before opening, and again while reading). */
    public static byte[] readBytes(Path file, long maxBytes) throws IOException {
        long size = check(file, maxBytes);
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(size, Integer.MAX_VALUE - 8));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            long total = 0;
            int n;
            while ((n = ch.read(buf)) >= 0) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(file.toString(), -1, maxBytes);
                }
                out.write(buf.array(), 0, n);
                buf.clear();
            }
            return out.toByteArray();
        }
    }

    /** At most {@code maxBytes} of a stream (standard input), which {@code name} stands for in messages. */
    public static byte[] readBytes(InputStream in, String name, long maxBytes) throws IOException {
        byte[] b = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (b.length > maxBytes) {
            throw new TooLargeException(name, -1, maxBytes);
        }
        return b;
    }

    /** A regular file's text: UTF-8 (a byte-order mark is dropped), or UTF-16 with its byte-order mark. */
    public static String readText(Path file, long maxBytes) throws IOException {
        return text(readBytes(file, maxBytes), file.toString());
    }

    /** Bytes as text, as {@link #readText} decodes them. */
    public static String text(byte[] b, String name) throws NotTextException {
        Charset cs = StandardCharsets.UTF_8;
        int skip = 0;
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            cs = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            cs = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            skip = 3;
        }
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw new NotTextException(name);
        }
    }

    /** Pipe, device or socket, from the Unix file mode where the system has one. */
    private static Kind kind(Path file) {
        try {
            int mode = (Integer) Files.getAttribute(file, "unix:mode");
            switch (mode & 0170000) {
                case 0010000:
                    return Kind.PIPE;
                case 0020000:
                case 0060000:
                    return Kind.DEVICE;
                case 0140000:
                    return Kind.SOCKET;
                default:
                    return Kind.OTHER;
            }
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return Kind.OTHER;
        }
    }
}
