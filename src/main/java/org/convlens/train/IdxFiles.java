package org.convlens.train;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Datasets in the IDX format of MNIST, EMNIST, KMNIST and Fashion-MNIST: a magic number
 * ({@code 0x0000 08 nd}: unsigned bytes, {@code nd} dimensions), the dimensions as big-endian
 * 32-bit sizes, then the samples; gzip-compressed or not (told by the first two bytes). Images
 * are {@code N x H x W}, labels {@code N}.
 *
 * <p>A folder holds one set: {@code PREFIX(train|t10k|test)-images-idx3-ubyte[.gz]} and the
 * matching labels. A folder with several sets (EMNIST's balanced, digits, letters...) is opened by
 * naming the prefix: {@code DIR/emnist-digits-}. EMNIST stores its images transposed; files whose
 * prefix starts with {@code emnist} are transposed back. Class names come from {@code classes.txt}
 * (one per line) or EMNIST's {@code PREFIX-mapping.txt} (label, character code) when present; else
 * the labels' numbers.
 *
 * <p>Everything is checked before it is allocated: the header's sizes against a limit and, for an
 * uncompressed file, against the file's length.
 */
public final class IdxFiles {
    /** The most samples one file may declare (1 GiB). */
    public static final long MAX_SAMPLES = 1L << 30;
    /** The most classes a label file may use. */
    public static final int MAX_CLASSES = 1000;
    private static final Pattern NAME = Pattern.compile(
            "(.*?)(train|t10k|test)[-_.](images|labels)[-_.]idx([13])[-_.]ubyte(\\.gz)?");

    private IdxFiles() {
    }

    /** One IDX file's contents. */
    record Idx(int[] dims, byte[] samples) {
    }

    /** The shipped Fashion-MNIST subset (10,000 training and 2,000 test images; see datasets/fashion/LICENSE.txt). */
    public static DataSplit fashion() {
        String base = "/datasets/fashion/";
        Dataset train = pair("fashion", resource(base + "train-images-idx3-ubyte.gz"),
                resource(base + "train-labels-idx1-ubyte.gz"), false, null, "class.fashion.");
        Dataset test = pair("fashion", resource(base + "t10k-images-idx3-ubyte.gz"),
                resource(base + "t10k-labels-idx1-ubyte.gz"), false, null, "class.fashion.");
        return new DataSplit(train, test);
    }

    private static Idx resource(String name) {
        try (InputStream in = IdxFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new DataException(name, "data.resource.missing");
            }
            return read(in, name, -1);
        } catch (java.util.zip.ZipException e) {
            throw new DataException(name, "data.gzip", e.getMessage());
        } catch (IOException e) {
            throw new DataException(name, "data.unreadable", e.getMessage());
        }
    }

    /**
     * Opens the training and test set in a folder, or the set whose files start with
     * {@code path}'s last part ({@code DIR/emnist-digits-}).
     *
     * @throws DataException naming the folder or file for anything missing, ambiguous or malformed
     */
    public static DataSplit open(Path path) {
        Path dir;
        String prefix;
        if (Files.isDirectory(path)) {
            dir = path;
            prefix = "";
        } else {
            dir = path.toAbsolutePath().getParent();
            prefix = path.getFileName() == null ? "" : path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            if (dir == null || !Files.isDirectory(dir)) {
                throw new DataException(path.toString(), "data.missing");
            }
        }
        Map<String, Path[]> sets = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                Matcher m = NAME.matcher(f.getFileName().toString().toLowerCase(java.util.Locale.ROOT));
                if (!m.matches() || !Files.isRegularFile(f) || !m.group(1).startsWith(prefix)) {
                    continue;
                }
                boolean images = m.group(3).equals("images");
                if (images != m.group(4).equals("3")) {
                    continue;
                }
                int slot = (m.group(2).equals("train") ? 0 : 2) + (images ? 0 : 1);
                sets.computeIfAbsent(m.group(1), k -> new Path[4])[slot] = f;
            }
        } catch (IOException e) {
            throw new DataException(path.toString(), "data.unreadable", e.getMessage());
        }
        List<String> complete = new ArrayList<>();
        sets.forEach((p, f) -> {
            if (f[0] != null && f[1] != null && f[2] != null && f[3] != null) {
                complete.add(p);
            }
        });
        if (complete.isEmpty()) {
            throw new DataException(path.toString(), "data.idx.none");
        }
        if (complete.size() > 1) {
            List<String> names = complete.stream().map(p -> dir.resolve(p).toString()).toList();
            throw new DataException(path.toString(), "data.idx.several", String.join(", ", names));
        }
        String set = complete.get(0);
        Path[] f = sets.get(set);
        boolean transpose = set.startsWith("emnist");
        List<String> names = classNames(dir, set);
        String label = path.toString();
        Dataset train = pair(label, readFile(f[0]), readFile(f[1]), transpose, names, null, f[0], f[1]);
        Dataset test = pair(label, readFile(f[2]), readFile(f[3]), transpose, names, null, f[2], f[3]);
        if (train.classCount() != test.classCount()) {
            // One split may not use the last labels: name the classes by the larger count.
            int k = Math.max(train.classCount(), test.classCount());
            train = withClasses(train, k, names);
            test = withClasses(test, k, names);
        }
        return new DataSplit(train, test);
    }

    private static Dataset withClasses(Dataset d, int k, List<String> names) {
        int[] labels = new int[d.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = d.label(i);
        }
        byte[] px = new byte[d.size() * d.imageSize()];
        for (int i = 0; i < d.size(); i++) {
            System.arraycopy(d.samples(i), 0, px, i * d.imageSize(), d.imageSize());
        }
        return Dataset.of(d.name(), d.channels(), d.height(), d.width(), px, labels, classList(k, names));
    }

    private static List<String> classNames(Path dir, String set) {
        try {
            Path classes = dir.resolve("classes.txt");
            if (Files.isRegularFile(classes)) {
                return Files.readAllLines(classes, StandardCharsets.UTF_8).stream().map(String::strip)
                        .filter(s -> !s.isEmpty()).toList();
            }
            Path mapping = dir.resolve(set + "mapping.txt");
            if (Files.isRegularFile(mapping)) {
                TreeMap<Integer, String> m = new TreeMap<>();
                for (String line : Files.readAllLines(mapping, StandardCharsets.US_ASCII)) {
                    String[] p = line.trim().split("\\s+");
                    if (p.length >= 2) {
                        m.put(Integer.parseInt(p[0]), new String(Character.toChars(Integer.parseInt(p[1]))));
                    }
                }
                List<String> names = new ArrayList<>();
                for (int k = 0; k <= (m.isEmpty() ? -1 : m.lastKey()); k++) {
                    names.add(m.getOrDefault(k, Integer.toString(k)));
                }
                return names;
            }
        } catch (IOException | RuntimeException e) {
            throw new DataException(dir.toString(), "data.classes.bad", e.getMessage());
        }
        return null;
    }

    private static List<String> classList(int k, List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            out.add(names != null && i < names.size() ? names.get(i) : Integer.toString(i));
        }
        return out;
    }

    private static Dataset pair(String name, Idx images, Idx labels, boolean transpose, List<String> names,
                                String keyPrefix) {
        return pair(name, images, labels, transpose, names, keyPrefix, null, null);
    }

    private static Dataset pair(String name, Idx images, Idx labels, boolean transpose, List<String> names,
                                String keyPrefix, Path imageFile, Path labelFile) {
        String imagesWhere = imageFile == null ? name : imageFile.toString();
        String labelsWhere = labelFile == null ? name : labelFile.toString();
        if (images.dims().length != 3) {
            throw new DataException(imagesWhere, "data.idx.imageDims", images.dims().length);
        }
        if (labels.dims().length != 1) {
            throw new DataException(labelsWhere, "data.idx.labelDims", labels.dims().length);
        }
        int n = images.dims()[0];
        int h = images.dims()[1];
        int w = images.dims()[2];
        if (labels.dims()[0] != n) {
            throw new DataException(labelsWhere, "data.idx.count", labels.dims()[0], n);
        }
        if (n < 1 || h < 1 || w < 1) {
            throw new DataException(imagesWhere, "data.empty");
        }
        int[] lab = new int[n];
        int max = 0;
        for (int i = 0; i < n; i++) {
            lab[i] = labels.samples()[i] & 0xff;
            max = Math.max(max, lab[i]);
        }
        if (max + 1 > MAX_CLASSES) {
            throw new DataException(labelsWhere, "data.classes.tooMany", max + 1, MAX_CLASSES);
        }
        if (names != null && names.size() < max + 1) {
            throw new DataException(labelsWhere, "data.classes.short", names.size(), max + 1);
        }
        byte[] px = images.samples();
        if (transpose) {
            px = transposed(px, n, h, w);
            int t = h;
            h = w;
            w = t;
        }
        int k = names != null ? names.size() : keyPrefix != null ? 10 : max + 1;
        return Dataset.of(name, 1, h, w, px, lab, classList(k, names), keyPrefix);
    }

    private static byte[] transposed(byte[] px, int n, int h, int w) {
        byte[] t = new byte[px.length];
        int plane = h * w;
        for (int i = 0; i < n; i++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    t[i * plane + x * h + y] = px[i * plane + y * w + x];
                }
            }
        }
        return t;
    }

    /** Reads one IDX file, gzip-compressed or not. */
    static Idx readFile(Path file) {
        long length;
        try {
            length = Files.size(file);
        } catch (IOException e) {
            throw new DataException(file.toString(), "data.unreadable", e.getMessage());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), length);
        } catch (java.util.zip.ZipException e) {
            throw new DataException(file.toString(), "data.gzip", e.getMessage());
        } catch (IOException e) {
            throw new DataException(file.toString(), "data.unreadable", e.getMessage());
        }
    }

    /**
     * Reads IDX from {@code raw}.
     *
     * @param length the file's length, or -1 when unknown; an uncompressed file must be exactly header + samples
     */
    static Idx read(InputStream raw, String where, long length) throws IOException {
        BufferedInputStream b = new BufferedInputStream(raw, 1 << 16);
        b.mark(2);
        int m0 = b.read();
        int m1 = b.read();
        b.reset();
        boolean gzip = m0 == 0x1f && m1 == 0x8b;
        InputStream in = b;
        if (gzip) {
            try {
                in = new BufferedInputStream(new GZIPInputStream(b, 1 << 16), 1 << 16);
            } catch (IOException e) {
                throw new DataException(where, "data.gzip", e.getMessage());
            }
        }
        DataInputStream d = new DataInputStream(in);
        int[] magic = new int[4];
        try {
            for (int i = 0; i < 4; i++) {
                magic[i] = d.readUnsignedByte();
            }
        } catch (EOFException e) {
            throw new DataException(where, "data.idx.short");
        }
        if (magic[0] != 0 || magic[1] != 0 || magic[3] < 1 || magic[3] > 4) {
            throw new DataException(where, "data.idx.magic", String.format("%02x %02x %02x %02x",
                    magic[0], magic[1], magic[2], magic[3]));
        }
        if (magic[2] != 0x08) {
            throw new DataException(where, "data.idx.type", String.format("0x%02x", magic[2]));
        }
        int[] dims = new int[magic[3]];
        long count = 1;
        try {
            for (int i = 0; i < dims.length; i++) {
                dims[i] = d.readInt();
                if (dims[i] < 0) {
                    throw new DataException(where, "data.idx.tooLarge", Integer.toUnsignedString(dims[i]), MAX_SAMPLES);
                }
                count *= dims[i];
                if (count > MAX_SAMPLES) {
                    throw new DataException(where, "data.idx.tooLarge", count, MAX_SAMPLES);
                }
            }
        } catch (EOFException e) {
            throw new DataException(where, "data.idx.short");
        }
        long header = 4 + 4L * dims.length;
        if (!gzip && length >= 0 && length != header + count) {
            throw new DataException(where, "data.idx.length", length, header + count);
        }
        if (count > Runtime.getRuntime().maxMemory() / 2) {
            throw new DataException(where, "data.memory", count);
        }
        byte[] samples = new byte[(int) count];
        try {
            d.readFully(samples);
        } catch (EOFException e) {
            throw new DataException(where, "data.idx.truncated", count);
        }
        if (gzip && d.read() >= 0) {
            throw new DataException(where, "data.idx.trailing", count);
        }
        return new Idx(dims, samples);
    }
}
