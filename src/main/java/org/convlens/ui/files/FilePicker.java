package org.convlens.ui.files;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Asks the user for a file or folder. The window uses the platform's file choosers
 * ({@link #dialogs}); tests put in their own, so the file commands run without a dialog.
 */
public interface FilePicker {
    /**
     * A file to write.
     *
     * @param extension without the dot, e.g. {@code png}
     * @return the file, or null if the user cancelled
     */
    Path saveFile(String title, String description, String extension, String initialName);

    /** A file to read, or null. */
    Path openFile(String title, String description, String extension);

    /** A file to read with any of {@code extensions} (a photo: png, jpg, ...), or null. */
    default Path openFile(String title, String description, List<String> extensions) {
        return openFile(title, description, extensions.get(0));
    }

    /** A folder, or null. */
    Path folder(String title);

    /** The platform's file choosers over the window {@code owner} gives, remembering the last folder used. */
    static FilePicker dialogs(Supplier<Window> owner) {
        return new FilePicker() {
            private File lastDir;

            private FileChooser chooser(String title, String description, String extension) {
                return chooser(title, description, List.of(extension));
            }

            private FileChooser chooser(String title, String description, List<String> extensions) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                        extensions.stream().map(e -> "*." + e).toList()));
                if (lastDir != null && lastDir.isDirectory()) {
                    c.setInitialDirectory(lastDir);
                }
                return c;
            }

            private Path remember(File f) {
                if (f == null) {
                    return null;
                }
                lastDir = f.isDirectory() ? f : f.getParentFile();
                return f.toPath();
            }

            @Override
            public Path saveFile(String title, String description, String extension, String initialName) {
                FileChooser c = chooser(title, description, extension);
                c.setInitialFileName(initialName);
                File f = c.showSaveDialog(owner.get());
                if (f != null && !f.getName().contains(".")) {
                    f = new File(f.getParentFile(), f.getName() + "." + extension);
                }
                return remember(f);
            }

            @Override
            public Path openFile(String title, String description, String extension) {
                return remember(chooser(title, description, extension).showOpenDialog(owner.get()));
            }

            @Override
            public Path openFile(String title, String description, List<String> extensions) {
                return remember(chooser(title, description, extensions).showOpenDialog(owner.get()));
            }

            @Override
            public Path folder(String title) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                if (lastDir != null && lastDir.isDirectory()) {
                    c.setInitialDirectory(lastDir);
                }
                return remember(c.showDialog(owner.get()));
            }
        };
    }
}
