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
            ConvLensApp.launchApp(args);
        } else {
            Cli.main(args);
        }
    }
}
