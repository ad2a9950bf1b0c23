package org.convlens.ui;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;

/** Asks the user for a file or folder. The window uses file choosers; tests put in their own. */
public interface FilePicker {
    /**
     * A file to write.
     *
     * @param extension without the dot, e.g. {@code png}
     * @return the file, or null if the user cancelled
     */
    Path saveFile(Window owner, String title, String description, String extension, String initialName);

    /** A file to read, or null. */
    Path openFile(Window owner, String title, String description, String extension);

    /** A folder, or null. */
    Path folder(Window owner, String title);

    /** The platform's file choosers, remembering the last folder used. */
    static FilePicker dialogs() {
        return new FilePicker() {
            private File lastDir;

            private FileChooser chooser(String title, String description, String extension) {
                FileChooser c = new FileChooser();
                c.setTitle(title);
                c.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
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
            public Path saveFile(Window owner, String title, String description, String extension, String initialName) {
                FileChooser c = chooser(title, description, extension);
                c.setInitialFileName(initialName);
                File f = c.showSaveDialog(owner);
                if (f != null && !f.getName().contains(".")) {
                    f = new File(f.getParentFile(), f.getName() + "." + extension);
                }
                return remember(f);
            }

            @Override
            public Path openFile(Window owner, String title, String description, String extension) {
                return remember(chooser(title, description, extension).showOpenDialog(owner));
            }

            @Override
            public Path folder(Window owner, String title) {
                DirectoryChooser c = new DirectoryChooser();
                c.setTitle(title);
                if (lastDir != null && lastDir.isDirectory()) {
                    c.setInitialDirectory(lastDir);
                }
                return remember(c.showDialog(owner));
            }
        };
    }
}
