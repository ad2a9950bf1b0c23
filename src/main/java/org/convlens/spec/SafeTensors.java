package org.convlens.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.convlens.io.InputFiles;
import org.convlens.network.NetworkException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors format, as {@code safetensors.torch.save_file} writes it: an 8-byte
 * little-endian header length N, N bytes of JSON header ({@code {"NAME": {"dtype": "F32",
 * "shape": [...], "data_offsets": [begin, end]}, ..., "__metadata__": {...}}}, padded with spaces
 * to a multiple of 8), then the tensors' raw little-endian bytes, offsets counted from the end of
 * the header. Only float32 ({@code F32}) tensors are read and written. Reading checks every size
 * against the file before allocating, and says what is wrong in one line naming the tensor.
 */
public final class SafeTensors {
    /** The largest weights file read: 1 GiB. */
    public static final long FILE_LIMIT = 1L << 30;
    /** The largest header read: 100 MB, as the safetensors library's own limit. */
    public static final long HEADER_LIMIT = 100_000_000L;

    private SafeTensors() {
    }

    /**
     * One tensor.
     *
     * @param name its key (a PyTorch state_dict name such as {@code 0.weight})
     * @param shape its dimensions
     * @param data its values, row-major
     */
    public record Entry(String name, int[] shape, float[] data) {
        public Entry {
            long n = 1;
            for (int d : shape) {
                if (d < 0) {
                    throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
                }
                n *= d;
            }
            if (n != data.length) {
                throw new IllegalArgumentException(name + ": " + data.length + " values for " + Arrays.toString(shape));
            }
        }
    }

    /** The file's bytes: entries in the order given, {@code metadata} (may be empty) under {@code __metadata__}. */
    public static byte[] write(List<Entry> entries, Map<String, String> metadata) {
        ObjectNode h = JsonNodeFactory.instance.objectNode();
        if (!metadata.isEmpty()) {
            ObjectNode m = h.putObject("__metadata__");
            metadata.forEach(m::put);
        }
        long offset = 0;
        for (Entry e : entries) {
            ObjectNode o = h.putObject(e.name());
            o.put("dtype", "F32");
            var shape = o.putArray("shape");
            for (int d : e.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * e.data().length;
            o.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] header = h.toString().getBytes(StandardCharsets.UTF_8);
        int padded = (header.length + 7) / 8 * 8;
        ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(8 + padded + offset)).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(padded);
        b.put(header);
        for (int i = header.length; i < padded; i++) {
            b.put((byte) ' ');
        }
        for (Entry e : entries) {
            for (float v : e.data()) {
                b.putFloat(v);
            }
        }
        return b.array();
    }

    /**
     * Reads a weights file (a regular file up to {@link #FILE_LIMIT}).
     *
     * @throws NetworkException on {@code $} or the tensor's name, for a file that is not safetensors
     */
    public static Map<String, Entry> read(Path file) throws IOException {
        return read(InputFiles.readBytes(file, FILE_LIMIT));
    }

    /** Reads a weights file's bytes: the tensors by name, in the header's order. */
    public static Map<String, Entry> read(byte[] bytes) {
        if (bytes.length < 8) {
            throw new NetworkException("$", "error.weights.short", bytes.length);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        long n = b.getLong(0);
        if (n < 2 || n > HEADER_LIMIT || n > bytes.length - 8) {
            throw new NetworkException("$", "error.weights.headerLength", Long.toUnsignedString(n), bytes.length);
        }
        JsonNode header;
        try {
            header = new ObjectMapper().readTree(new String(bytes, 8, (int) n, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new NetworkException("$", "error.weights.header");
        }
        if (header == null || !header.isObject()) {
            throw new NetworkException("$", "error.weights.header");
        }
        long data = bytes.length - 8 - n;
        Map<String, Entry> out = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            if (name.equals("__metadata__")) {
                continue;
            }
            JsonNode t = f.getValue();
            JsonNode dtype = t.get("dtype");
            if (dtype == null || !dtype.isTextual()) {
                throw new NetworkException(name, "error.weights.entry");
            }
            if (!dtype.asText().equals("F32")) {
                throw new NetworkException(name, "error.weights.dtype", dtype.asText());
            }
            JsonNode shape = t.get("shape");
            JsonNode offsets = t.get("data_offsets");
            if (shape == null || !shape.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2) {
                throw new NetworkException(name, "error.weights.entry");
            }
            int[] dims = new int[shape.size()];
            long count = 1;
            for (int i = 0; i < dims.length; i++) {
                JsonNode d = shape.get(i);
                if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 0) {
                    throw new NetworkException(name, "error.weights.entry");
                }
                dims[i] = d.asInt();
                count *= dims[i];
                if (count > Integer.MAX_VALUE) {
                    throw new NetworkException(name, "error.weights.entry");
                }
            }
            JsonNode a = offsets.get(0);
            JsonNode z = offsets.get(1);
            if (!a.isIntegralNumber() || !z.isIntegralNumber() || !a.canConvertToLong() || !z.canConvertToLong()) {
                throw new NetworkException(name, "error.weights.entry");
            }
            long begin = a.asLong();
            long end = z.asLong();
            if (begin < 0 || end < begin || end > data) {
                throw new NetworkException(name, "error.weights.offsets", begin, end, data);
            }
            if (end - begin != 4 * count) {
                throw new NetworkException(name, "error.weights.size", end - begin, Arrays.toString(dims), 4 * count);
            }
            ranges.add(new long[] {begin, end});
            float[] v = new float[(int) count];
            ByteBuffer d = ByteBuffer.wrap(bytes, (int) (8 + n + begin), (int) (end - begin))
                    .order(ByteOrder.LITTLE_ENDIAN);
            d.asFloatBuffer().get(v);
            out.put(name, new Entry(name, dims, v));
        }
        ranges.sort((p, q) -> Long.compare(p[0], q[0]));
        for (int i = 1; i < ranges.size(); i++) {
            if (ranges.get(i)[0] < ranges.get(i - 1)[1]) {
                throw new NetworkException("$", "error.weights.overlap");
            }
        }
        return out;
    }
}
