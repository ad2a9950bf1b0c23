package org.convlens.image;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A JPEG stream with its embedded ICC colour profile left out. Java's JPEG reader converts the
 * decoded colours through the profile (a Lab or XYZ profile gives quite different numbers),
 * which PIL, OpenCV and torchvision never do; without the profile it hands over the decoded
 * samples as they are. Only APP2 segments holding {@code ICC_PROFILE} are dropped, and only
 * before the image data; every other byte passes unchanged.
 */
final class JpegWithoutProfile extends FilterInputStream {
    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);
    private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();
    private byte[] ready = new byte[0];
    private int at;
    private boolean headerDone;

    JpegWithoutProfile(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (at == ready.length) {
            if (headerDone) {
                return in.read(b, off, len);
            }
            if (!nextSegment()) {
                headerDone = true;
            }
        }
        int n = Math.min(len, ready.length - at);
        System.arraycopy(ready, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int r = read(sink, 0, sink.length);
        return Math.max(r, 0);
    }

    @Override
    public int available() {
        return ready.length - at;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    /** Reads the next marker segment into {@code ready} (nothing for a dropped profile); false from the image data on. */
    private boolean nextSegment() throws IOException {
        pending.reset();
        int first = in.read();
        if (first < 0) {
            return false;
        }
        if (first != 0xFF) {
            ready = new byte[] {(byte) first};
            at = 0;
            return false;
        }
        int marker = in.read();
        while (marker == 0xFF) {
            pending.write(0xFF); // fill bytes
            marker = in.read();
        }
        if (marker < 0) {
            ready = new byte[] {(byte) 0xFF};
            at = 0;
            return false;
        }
        pending.write(0xFF);
        pending.write(marker);
        boolean standalone = marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7);
        if (standalone) {
            ready = pending.toByteArray();
            at = 0;
            return true;
        }
        int hi = in.read();
        int lo = in.read();
        if (hi < 0 || lo < 0) {
            ready = pending.toByteArray();
            at = 0;
            return false;
        }
        int length = (hi << 8) | lo;
        byte[] body = in.readNBytes(Math.max(0, length - 2));
        boolean profile = marker == 0xE2 && body.length >= ICC.length
                && java.util.Arrays.equals(body, 0, ICC.length, ICC, 0, ICC.length);
        if (profile) {
            ready = new byte[0];
            at = 0;
            return true;
        }
        pending.write(hi);
        pending.write(lo);
        pending.write(body);
        ready = pending.toByteArray();
        at = 0;
        // start of scan: the image data follows, passed through as it is
        return marker != 0xDA;
    }
}
