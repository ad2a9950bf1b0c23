package org.convlens.spec;

import org.convlens.network.NetworkException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safetensors reader: what it writes reads back; a bad file is one line naming what is wrong. */
class SafeTensorsTest {
    @Test
    void writtenReadsBack() {
        byte[] b = SafeTensors.write(List.of(new SafeTensors.Entry("0.weight", new int[] {2, 1, 1, 2}, new float[] {1, -2, 3.5f, -0f}),
                new SafeTensors.Entry("0.bias", new int[] {2}, new float[] {0.25f, 7})), Map.of("format", "pt"));
        assertEquals(0, ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong(0) % 8);
        Map<String, SafeTensors.Entry> m = SafeTensors.read(b);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(m.keySet()));
        assertArrayEquals(new int[] {2, 1, 1, 2}, m.get("0.weight").shape());
        assertArrayEquals(new float[] {1, -2, 3.5f, -0f}, m.get("0.weight").data());
        assertArrayEquals(new float[] {0.25f, 7}, m.get("0.bias").data());
    }

    @Test
    void badFilesAreRefusedSayingWhat() {
        assertKey("error.weights.short", new byte[3]);
        assertKey("error.weights.headerLength", file(Long.MAX_VALUE, "{}", 0));
        assertKey("error.weights.headerLength", file(1000, "{}", 0));
        assertKey("error.weights.header", file(-1, "[1, 2]", 0));
        assertKey("error.weights.header", file(-1, "{\"a\": ", 0));
        assertKey("error.weights.dtype", file(-1, "{\"w\": {\"dtype\": \"F16\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 4));
        assertKey("error.weights.entry", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [-2], \"data_offsets\": [0, 8]}}", 8));
        assertKey("error.weights.entry", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [2]}}", 8));
        assertKey("error.weights.offsets", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}}", 4));
        assertKey("error.weights.size", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [3], \"data_offsets\": [0, 8]}}", 8));
        assertKey("error.weights.overlap", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]},"
                + " \"v\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 8));
        assertKey("error.weights.entry", file(-1, "{\"w\": {\"dtype\": \"F32\", \"shape\": [65536, 65536], \"data_offsets\": [0, 8]}}", 8));
    }

    private static void assertKey(String key, byte[] bytes) {
        NetworkException e = assertThrows(NetworkException.class, () -> SafeTensors.read(bytes));
        assertEquals(key, e.key());
        String line = e.message(Locale.ENGLISH);
        assertTrue(!line.contains("\n") && !line.isBlank(), line);
    }

    /** A file with {@code header} (its length as given, or its real length for -1) and {@code data} zero bytes. */
    private static byte[] file(long length, String header, int data) {
        byte[] h = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + h.length + data).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(length < 0 ? h.length : length);
        b.put(h);
        return b.array();
    }
}
