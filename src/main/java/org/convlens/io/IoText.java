package org.convlens.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Why a file could not be read or written, in words and in the given language: the reason alone,
 * without the file name (which the caller puts where it belongs, once).
 */
public final class IoText {
    private static final String BUNDLE = "org.convlens.io.messages";
    /** The system's reasons that are common enough to translate (Linux and macOS spell them so). */
    private static final Map<String, String> SYSTEM_REASONS = Map.of(
            "No space left on device", "io.diskFull",
            "Read-only file system", "io.readOnly",
            "Is a directory", "io.folder",
            "Not a directory", "io.notFolder",
            "File name too long", "io.nameTooLong",
            "Permission denied", "io.denied",
            "Operation not permitted", "io.denied",
            "Disk quota exceeded", "io.diskFull");

    private IoText() {
    }

    /** The reason {@code e} happened, e.g. "permission denied", "is a named pipe (FIFO), not a file". */
    public static String reason(IOException e, Locale locale) {
        if (e instanceof InputFiles.NotAFileException n) {
            return text(locale, "io.notAFile." + n.kind().name().toLowerCase(Locale.ROOT));
        }
        if (e instanceof InputFiles.TooLargeException t) {
            return t.size() < 0 ? text(locale, "io.tooLargeStream", megabytes(t.limit()))
                    : text(locale, "io.tooLarge", megabytes(t.size()), megabytes(t.limit()));
        }
        if (e instanceof InputFiles.NotTextException) {
            return text(locale, "io.notText");
        }
        if (e instanceof NoSuchFileException) {
            return text(locale, "io.missing");
        }
        if (e instanceof AccessDeniedException) {
            return text(locale, "io.denied");
        }
        if (e instanceof NotDirectoryException) {
            return text(locale, "io.notFolder");
        }
        if (e instanceof DirectoryNotEmptyException || e instanceof FileAlreadyExistsException) {
            return text(locale, "io.inTheWay");
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            String key = SYSTEM_REASONS.get(f.getReason());
            return key != null ? text(locale, key) : f.getReason();
        }
        String m = e.getMessage();
        if (m != null && !m.isBlank()) {
            String key = SYSTEM_REASONS.get(m.replaceFirst(" \\(.*", "").strip());
            return key != null ? text(locale, key) : m;
        }
        return e.getClass().getSimpleName();
    }

    /** Bytes as megabytes with one decimal ("0.1", "64.0", "1024.0"). */
    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static String text(Locale locale, String key, Object... args) {
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String pattern = b.getString(key);
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
