package org.convlens.spec;

import org.convlens.engine.SpecException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of a spec file from its bytes. JSON is UTF-8, but editors on Windows save UTF-16 with
 * a byte-order mark, and the first JSON standard (RFC 4627) let a reader tell UTF-16 and UTF-32
 * from where the zero bytes fall in the first four: both are read. Anything else is refused
 * saying what it is: binary (an image, say), or text in another encoding (with the line of the
 * first byte that is not UTF-8).
 */
final class SpecText {
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");

    private SpecText() {
    }

    /** @throws SpecException on {@code $} if the bytes are not text in one of the encodings JSON allows */
    static String decode(byte[] b) {
        int n = b.length;
        if (starts(b, 0xEF, 0xBB, 0xBF)) {
            return strict(b, 3, StandardCharsets.UTF_8, "UTF-8");
        }
        if (starts(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return strict(b, 4, UTF_32BE, "UTF-32");
        }
        if (starts(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return strict(b, 4, UTF_32LE, "UTF-32");
        }
        if (starts(b, 0xFE, 0xFF)) {
            return strict(b, 2, StandardCharsets.UTF_16BE, "UTF-16");
        }
        if (starts(b, 0xFF, 0xFE)) {
            return strict(b, 2, StandardCharsets.UTF_16LE, "UTF-16");
        }
        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0) {
            return strict(b, 0, UTF_32BE, "UTF-32");
        }
        if (n >= 4 && b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0) {
            return strict(b, 0, UTF_32LE, "UTF-32");
        }
        if (n >= 2 && b[0] == 0 && b[1] != 0) {
            return strict(b, 0, StandardCharsets.UTF_16BE, "UTF-16");
        }
        if (n >= 2 && b[0] != 0 && b[1] == 0) {
            return strict(b, 0, StandardCharsets.UTF_16LE, "UTF-16");
        }
        for (byte x : b) {
            if (x == 0) {
                throw new SpecException("$", "error.file.notText");
            }
        }
        return strict(b, 0, StandardCharsets.UTF_8, "UTF-8");
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(byte[] b, int skip, Charset cs, String name) {
        try {
            return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, skip, b.length - skip)).toString();
        } catch (CharacterCodingException e) {
            if (!name.equals("UTF-8")) {
                throw new SpecException("$", "error.file.notText");
            }
            throw notUtf8(b);
        }
    }

    /** Binary, or text in another encoding: which byte, on which line. */
    private static SpecException notUtf8(byte[] b) {
        int controls = 0;
        for (byte x : b) {
            int c = x & 0xFF;
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                controls++;
            }
        }
        if (controls > 0) {
            return new SpecException("$", "error.file.notText");
        }
        // the first byte that breaks UTF-8, found by decoding growing prefixes line by line
        int line = 1;
        int i = 0;
        while (i < b.length) {
            int c = b[i] & 0xFF;
            int len = c < 0x80 ? 1 : c >= 0xC2 && c < 0xE0 ? 2 : c >= 0xE0 && c < 0xF0 ? 3 : c >= 0xF0 && c < 0xF5 ? 4 : 0;
            boolean ok = len > 0 && i + len <= b.length;
            for (int j = 1; ok && j < len; j++) {
                ok = (b[i + j] & 0xC0) == 0x80;
            }
            if (!ok) {
                return new SpecException("$", "error.file.notUtf8", String.format("%02X", c), line);
            }
            if (c == '\n') {
                line++;
            }
            i += len;
        }
        return new SpecException("$", "error.file.notText");
    }
}
