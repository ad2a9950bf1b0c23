package org.convlens.train;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A dataset from folders of images, one subfolder per class (torchvision's ImageFolder), each
 * image resized to the network's input. Either {@code ROOT/train/CLASS/*} and
 * {@code ROOT/test/CLASS/*} (or {@code val}), or {@code ROOT/CLASS/*}, of which every fifth image of
 * each class (in name order) is kept for testing. Classes are the subfolders in name order.
 *
 * <p>Decoding is not done here (this package reads no image formats): the caller passes a
 * {@link Decoder}, such as the image package's {@code DatasetImages::decode}.
 */
public final class ClassFolders {
    /** File endings read as images. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp", "gif");
    /** The most images read from one dataset folder. */
    public static final int MAX_IMAGES = 200_000;
    /** Every this many images of a class, one goes to the test set (a single folder). */
    public static final int TEST_EVERY = 5;

    private ClassFolders() {
    }

    /** Reads one image file as {@code channels x height x width} 8-bit samples, resized. */
    @FunctionalInterface
    public interface Decoder {
        /**
         * @return {@code channels * height * width} samples in [0, 255]
         * @throws Exception with a message saying what is wrong with the file
         */
        byte[] decode(Path file, int channels, int height, int width) throws Exception;
    }

    /** Reports progress: {@code done} of {@code total} images decoded. */
    @FunctionalInterface
    public interface Progress {
        void update(int done, int total);
    }

    /**
     * Reads the folder.
     *
     * @throws DataException for a missing folder, no classes, a class without images, too many
     *     images, or an image the decoder cannot read (named with its path)
     */
    public static DataSplit read(Path root, int channels, int height, int width, Decoder decoder, Progress progress) {
        if (!Files.isDirectory(root)) {
            throw new DataException(root.toString(), "data.missing");
        }
        Path trainDir = root.resolve("train");
        Path testDir = Files.isDirectory(root.resolve("test")) ? root.resolve("test") : root.resolve("val");
        boolean split = Files.isDirectory(trainDir) && Files.isDirectory(testDir);
        List<String> classes = subfolders(split ? trainDir : root);
        if (classes.size() < 2) {
            throw new DataException(root.toString(), "data.folder.classes", classes.size());
        }
        List<List<Path>> train = new ArrayList<>();
        List<List<Path>> test = new ArrayList<>();
        int total = 0;
        for (String c : classes) {
            if (split) {
                train.add(images(trainDir.resolve(c)));
                if (!Files.isDirectory(testDir.resolve(c))) {
                    throw new DataException(testDir.resolve(c).toString(), "data.missing");
                }
                test.add(images(testDir.resolve(c)));
            } else {
                List<Path> all = images(root.resolve(c));
                List<Path> tr = new ArrayList<>();
                List<Path> te = new ArrayList<>();
                for (int i = 0; i < all.size(); i++) {
                    (i % TEST_EVERY == TEST_EVERY - 1 ? te : tr).add(all.get(i));
                }
                if (te.isEmpty() && !tr.isEmpty()) {
                    te.add(tr.remove(tr.size() - 1));
                }
                train.add(tr);
                test.add(te);
            }
            if (train.get(train.size() - 1).isEmpty()) {
                throw new DataException((split ? trainDir : root).resolve(c).toString(), "data.folder.empty");
            }
            total += train.get(train.size() - 1).size() + test.get(test.size() - 1).size();
            if (total > MAX_IMAGES) {
                throw new DataException(root.toString(), "data.folder.tooMany", MAX_IMAGES);
            }
        }
        int[] done = {0};
        int all = total;
        Dataset tr = load(root.toString(), train, classes, channels, height, width, decoder, done, all, progress);
        Dataset te = load(root.toString(), test, classes, channels, height, width, decoder, done, all, progress);
        return new DataSplit(tr, te);
    }

    private static Dataset load(String name, List<List<Path>> files, List<String> classes, int c, int h, int w,
                                Decoder decoder, int[] done, int total, Progress progress) {
        int n = files.stream().mapToInt(List::size).sum();
        int size = c * h * w;
        if ((long) n * size > Runtime.getRuntime().maxMemory() / 2) {
            throw new DataException(name, "data.memory", (long) n * size);
        }
        byte[] px = new byte[n * size];
        int[] labels = new int[n];
        int i = 0;
        for (int k = 0; k < files.size(); k++) {
            for (Path f : files.get(k)) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new DataException(name, "data.cancelled");
                }
                byte[] s;
                try {
                    s = decoder.decode(f, c, h, w);
                } catch (Exception e) {
                    String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                    throw new DataException(f.toString(), "data.folder.image", why);
                }
                if (s.length != size) {
                    throw new DataException(f.toString(), "data.folder.image", s.length + " samples, not " + size);
                }
                System.arraycopy(s, 0, px, i * size, size);
                labels[i++] = k;
                done[0]++;
                if (progress != null) {
                    progress.update(done[0], total);
                }
            }
        }
        return Dataset.of(name, c, h, w, px, labels, classes);
    }

    private static List<String> subfolders(Path dir) {
        List<String> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                if (Files.isDirectory(p) && !p.getFileName().toString().startsWith(".")) {
                    out.add(p.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new DataException(dir.toString(), "data.unreadable", e.getMessage());
        }
        out.sort(null);
        return out;
    }

    private static List<Path> images(Path dir) {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String n = p.getFileName().toString();
                int dot = n.lastIndexOf('.');
                if (dot > 0 && Files.isRegularFile(p)
                        && EXTENSIONS.contains(n.substring(dot + 1).toLowerCase(Locale.ROOT))) {
                    out.add(p);
                }
            }
        } catch (IOException e) {
            throw new DataException(dir.toString(), "data.unreadable", e.getMessage());
        }
        out.sort(null);
        return out;
    }
}
