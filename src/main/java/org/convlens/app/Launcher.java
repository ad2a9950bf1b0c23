package org.convlens.app;

import org.convlens.cli.Cli;

/**
 * The jar's main class. With no arguments it opens the window; with a subcommand it runs the
 * command line, which never touches JavaFX (so it works with no display). A plain class, not an
 * {@code Application}, so the app starts from a plain classpath.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || Tools.isWindowOption(args[0])) {
            if (noDisplay()) {
                System.err.println(Cli.message("error.noDisplay"));
                System.exit(Cli.BAD_INPUT);
            }
            ClassPreload.start();
            ConvLensApp.launchApp(args);
        } else {
            Cli.main(args);
        }
    }

    /**
     * True on Linux and other X11 systems when there is no display to open a window on (and the
     * headless Monocle platform was not asked for): say so in one line rather than let GTK fail
     * with a stack trace.
     */
    static boolean noDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (os.contains("win") || os.contains("mac") || "Monocle".equals(System.getProperty("glass.platform"))) {
            return false;
        }
        return isBlank(System.getenv("DISPLAY")) && isBlank(System.getenv("WAYLAND_DISPLAY"));
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
