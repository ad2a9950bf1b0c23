package org.convlens.ui.actions;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * What each {@link Command} does in this window: the views register their handlers, and the
 * menus, the key handling and the keyboard help all go through here, so a command's key is the
 * same in the menu, on the keyboard and in the help.
 */
public final class Actions {
    private final Map<Command, Runnable> handlers = new EnumMap<>(Command.class);
    private final Map<Command, ObservableBooleanValue> disabled = new EnumMap<>(Command.class);

    /** {@code c} runs {@code r} from now on (replacing what it ran before, e.g. after a rebuild). */
    public void on(Command c, Runnable r) {
        handlers.put(c, r);
        disabled.remove(c);
    }

    /** As {@link #on(Command, Runnable)}, not run while {@code off} is true (its menu item greyed). */
    public void on(Command c, Runnable r, ObservableBooleanValue off) {
        handlers.put(c, r);
        disabled.put(c, off);
    }

    /** True if something handles {@code c} now. */
    public boolean has(Command c) {
        return handlers.containsKey(c);
    }

    /**
     * Runs {@code c} if it is handled and enabled.
     *
     * @return true if it ran
     */
    public boolean run(Command c) {
        Runnable r = handlers.get(c);
        ObservableBooleanValue off = disabled.get(c);
        if (r == null || off != null && off.get()) {
            return false;
        }
        r.run();
        return true;
    }

    /**
     * The command a key press means where the window is now, run.
     *
     * @param shown the scope of the tab shown
     * @param inTextField true while a text field has the focus: keys that type there stay there
     * @return the command run, or null (the key is left to the focused control)
     */
    public Command handle(KeyEvent e, Command.Scope shown, boolean inTextField) {
        for (Command c : Command.values()) {
            if (!c.worksIn(shown)) {
                continue;
            }
            if (inTextField && c.typesInFields() || !handlers.containsKey(c)) {
                continue;
            }
            for (KeyCombination k : c.keys()) {
                if (k.match(e) && run(c)) {
                    return c;
                }
            }
        }
        return null;
    }

    /**
     * Makes {@code item} run {@code c}, greyed while it cannot, showing its key when the key is one
     * a menu can hold (a plain letter or arrow is listed in the help instead, so that typing in a
     * field never triggers a menu).
     */
    public void bind(MenuItem item, Command c) {
        item.setOnAction(e -> run(c));
        showKey(item, c);
        ObservableBooleanValue off = disabled.get(c);
        if (off != null) {
            item.disableProperty().bind(off);
        }
    }

    /**
     * Shows {@code c}'s key on {@code item} (a check item whose own action stays): as its
     * accelerator when a menu can hold it, else after its text, {@code Loop  (L)}.
     */
    public void showKey(MenuItem item, Command c) {
        if (c.keys().isEmpty()) {
            return;
        }
        if (c.typesInFields()) {
            item.setText(item.getText() + "  (" + keyText(c.keys().get(0)) + ")");
        } else {
            item.setAccelerator(c.keys().get(0));
        }
    }

    /** One line of the keyboard help: the scope it belongs to, the keys as text, and what they do. */
    public record HelpRow(Command.Scope scope, String keys, String action) {
    }

    /**
     * The keyboard help: every command with a key, in the table's order (a tab's commands are
     * listed before the tab has been opened: they work as soon as it is).
     *
     * @param text the window's texts: bundle key and locale to text
     */
    public List<HelpRow> help(Locale locale, BiFunction<Locale, String, String> text) {
        List<HelpRow> rows = new ArrayList<>();
        for (Command c : Command.values()) {
            if (c.keys().isEmpty()) {
                continue;
            }
            List<String> keys = new ArrayList<>();
            for (KeyCombination k : c.keys()) {
                String t = keyText(k);
                if (!keys.contains(t)) {
                    keys.add(t);
                }
            }
            if (c == Command.HELP) {
                keys.add("?");
            }
            rows.add(new HelpRow(c.scope(), String.join(text.apply(locale, "help.or"), keys),
                    text.apply(locale, c.textKey())));
        }
        return rows;
    }

    /** A key as the keyboard shows it: {@code Ctrl + Shift + E} (Cmd on a Mac), {@code →}, {@code ]}. */
    public static String keyText(KeyCombination k) {
        List<String> parts = new ArrayList<>();
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        if (k.getShortcut() == KeyCombination.ModifierValue.DOWN) {
            parts.add(mac ? "\u2318" : "Ctrl");
        }
        if (k.getControl() == KeyCombination.ModifierValue.DOWN) {
            parts.add("Ctrl");
        }
        if (k.getAlt() == KeyCombination.ModifierValue.DOWN) {
            parts.add(mac ? "\u2325" : "Alt");
        }
        if (k.getShift() == KeyCombination.ModifierValue.DOWN) {
            parts.add("Shift");
        }
        if (k instanceof KeyCodeCombination kc) {
            parts.add(name(kc.getCode()));
        } else {
            parts.add(k.getDisplayText());
        }
        return String.join(" + ", parts);
    }

    private static String name(KeyCode c) {
        return switch (c) {
            case RIGHT -> "\u2192";
            case LEFT -> "\u2190";
            case UP -> "\u2191";
            case DOWN -> "\u2193";
            case CLOSE_BRACKET -> "]";
            case OPEN_BRACKET -> "[";
            case EQUALS -> "=";
            case MINUS, SUBTRACT -> "\u2212";
            case PLUS, ADD -> "+";
            case ESCAPE -> "Esc";
            case DIGIT0, NUMPAD0 -> "0";
            case DIGIT1, NUMPAD1 -> "1";
            default -> c.getName();
        };
    }
}
