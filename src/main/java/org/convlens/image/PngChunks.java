package org.convlens.image;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksums of a PNG file's chunks before its pixels (IHDR, PLTE, text, profile...), checked
 * as PIL checks them: Java's PNG reader ignores them, so a file PIL refuses as broken was read.
 * The pixel data itself is checked by its zlib stream, as in PIL.
 */
final class PngChunks {
    /** Chunks before the pixels are metadata: past this many bytes of them, the rest is not checked. */
    private static final long MAX_CHECKED = 64L << 20;

    private PngChunks() {
    }

    /**
     * Checks the chunks from the signature up to the first IDAT.
     *
     * @param in the file from its first byte (read, not closed)
     * @return null if all checksums match (or the file ends first: the decoder says truncated),
     *     else a phrase saying which chunk, at which byte, is wrong
     */
    static Object firstBadChecksum(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(in);
        long offset = 8;
        try {
            d.readFully(new byte[8]);
            CRC32 crc = new CRC32();
            byte[] buffer = new byte[1 << 16];
            while (offset < MAX_CHECKED) {
                long length = d.readInt() & 0xFFFFFFFFL;
                byte[] type = new byte[4];
                d.readFully(type);
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (name.equals("IDAT") || length > MAX_CHECKED) {
                    return null;
                }
                crc.reset();
                crc.update(type);
                for (long left = length; left > 0; ) {
                    int n = (int) Math.min(buffer.length, left);
                    d.readFully(buffer, 0, n);
                    crc.update(buffer, 0, n);
                    left -= n;
                }
                long stored = d.readInt() & 0xFFFFFFFFL;
                if (stored != crc.getValue()) {
                    return ImageText.TEXT.phraseOf("corrupt.checksum", printable(name), offset);
                }
                if (name.equals("IEND")) {
                    return null;
                }
                offset += 12 + length;
            }
            return null;
        } catch (EOFException e) {
            return null;
        }
    }

    private static String printable(String type) {
        return type.chars().allMatch(c -> c >= 'A' && c <= 'z') ? type : "?";
    }
}
