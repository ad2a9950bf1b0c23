package org.convlens.app;

import org.convlens.ui.Shell;

import java.util.List;

/** Command-line options that drive the running window (screenshots, frame-rate measurement). */
final class Tools {
    private Tools() {
    }

    static void run(Shell shell, List<String> args) {
    }
}
