package org.convlens.ui.actions;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

import java.util.List;

/**
 * Every command of the window with its keys, written once (as JabRef's StandardActions and
 * KeyBindingRepository): the menus take their accelerators from here, the key handling runs
 * commands by these keys, and the keyboard help (F1) lists them all. Keys with a modifier use
 * {@code Shortcut}, which is Ctrl on Linux and Windows and Cmd on a Mac.
 *
 * <p>The text of command {@code X} is the bundle key {@code command.X} ({@link #textKey()}).
 */
public enum Command {
    // The window, whatever tab is shown.
    OPEN(Scope.WINDOW, shortcut(KeyCode.O)),
    SAVE(Scope.WINDOW, shortcut(KeyCode.S)),
    RESET(Scope.WINDOW),
    EXPORT_PNG(Scope.WINDOW, shortcut(KeyCode.E)),
    EXPORT_GIF(Scope.WINDOW, shortcutShift(KeyCode.E)),
    EXPORT_CSV(Scope.WINDOW),
    EXPORT_JSON(Scope.WINDOW),
    EXPORT_LATEX(Scope.WINDOW),
    EXPORT_PYTORCH(Scope.WINDOW),
    QUIT(Scope.WINDOW, shortcut(KeyCode.Q)),
    UNDO(Scope.WINDOW, shortcut(KeyCode.Z)),
    REDO(Scope.WINDOW, shortcutShift(KeyCode.Z)),
    ZOOM_IN(Scope.WINDOW, new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN,
            KeyCombination.SHIFT_ANY)),
    ZOOM_OUT(Scope.WINDOW, shortcut(KeyCode.MINUS)),
    ZOOM_RESET(Scope.WINDOW, shortcut(KeyCode.DIGIT0)),
    HELP(Scope.WINDOW, key(KeyCode.F1)),
    PRESENTATION(Scope.WINDOW, key(KeyCode.F5)),
    FULL_SCREEN(Scope.WINDOW, key(KeyCode.F11)),
    ABOUT(Scope.WINDOW),

    // The stepper.
    PLAY(Scope.STEPPER, key(KeyCode.SPACE)),
    FORWARD(Scope.STEPPER, key(KeyCode.RIGHT)),
    BACK(Scope.STEPPER, key(KeyCode.LEFT)),
    FORWARD_STEP(Scope.STEPPER, new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.SHIFT_DOWN)),
    BACK_STEP(Scope.STEPPER, new KeyCodeCombination(KeyCode.LEFT, KeyCombination.SHIFT_DOWN)),
    TEN_FORWARD(Scope.STEPPER, key(KeyCode.PAGE_DOWN)),
    TEN_BACK(Scope.STEPPER, key(KeyCode.PAGE_UP)),
    FIRST(Scope.STEPPER, key(KeyCode.HOME)),
    LAST(Scope.STEPPER, key(KeyCode.END)),
    TERM_PACE(Scope.STEPPER, key(KeyCode.T)),
    LOOP(Scope.STEPPER, key(KeyCode.L)),
    GO_TO(Scope.STEPPER, key(KeyCode.G)),
    FASTER(Scope.STEPPER, key(KeyCode.CLOSE_BRACKET)),
    SLOWER(Scope.STEPPER, key(KeyCode.OPEN_BRACKET)),
    SETTINGS(Scope.STEPPER, key(KeyCode.S)),
    CLEAR_LINKS(Scope.STEPPER, key(KeyCode.ESCAPE)),
    QUIZ(Scope.STEPPER, key(KeyCode.Q)),
    PEN(Scope.STEPPER, key(KeyCode.P)),
    PEN_CLEAR(Scope.STEPPER, key(KeyCode.C)),
    PEN_TOOL(Scope.STEPPER, new KeyCodeCombination(KeyCode.P, KeyCombination.SHIFT_DOWN)),
    ALL_CHANNELS(Scope.STEPPER, key(KeyCode.A)),

    // The lesson beside the stepper.
    LESSON_NEXT(Scope.LESSON, new KeyCodeCombination(KeyCode.RIGHT, KeyCombination.ALT_DOWN)),
    LESSON_BACK(Scope.LESSON, new KeyCodeCombination(KeyCode.LEFT, KeyCombination.ALT_DOWN)),
    LESSON_PANEL(Scope.LESSON, key(KeyCode.F9)),
    LESSON_HINT(Scope.LESSON, new KeyCodeCombination(KeyCode.H, KeyCombination.ALT_DOWN)),
    LESSON_REVEAL(Scope.LESSON, new KeyCodeCombination(KeyCode.R, KeyCombination.ALT_DOWN)),

    // The Photos tab.
    PHOTO_ZOOM_IN(Scope.PHOTOS, key(KeyCode.PLUS), key(KeyCode.ADD), new KeyCodeCombination(KeyCode.EQUALS,
            KeyCombination.SHIFT_ANY)),
    PHOTO_ZOOM_OUT(Scope.PHOTOS, key(KeyCode.MINUS), key(KeyCode.SUBTRACT)),
    PHOTO_FIT(Scope.PHOTOS, key(KeyCode.DIGIT0), key(KeyCode.NUMPAD0)),
    PHOTO_ONE(Scope.PHOTOS, key(KeyCode.DIGIT1), key(KeyCode.NUMPAD1)),
    PHOTO_CANCEL(Scope.PHOTOS, key(KeyCode.ESCAPE)),

    // The Compare tab: both sides step together.
    COMPARE_FORWARD(Scope.COMPARE, key(KeyCode.RIGHT)),
    COMPARE_BACK(Scope.COMPARE, key(KeyCode.LEFT)),
    COMPARE_FIRST(Scope.COMPARE, key(KeyCode.HOME)),
    COMPARE_LAST(Scope.COMPARE, key(KeyCode.END));

    /** Where a command's keys work. */
    public enum Scope {
        /** Anywhere in the window. */
        WINDOW,
        /** While the stepper's tab is shown. */
        STEPPER,
        /** Anywhere in the window, for the lesson beside the stepper. */
        LESSON,
        /** While the Photos tab is shown. */
        PHOTOS,
        /** While the Compare tab is shown. */
        COMPARE
    }

    private final Scope scope;
    private final List<KeyCombination> keys;

    Command(Scope scope, KeyCombination... keys) {
        this.scope = scope;
        this.keys = List.of(keys);
    }

    private static KeyCombination key(KeyCode c) {
        return new KeyCodeCombination(c);
    }

    private static KeyCombination shortcut(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN);
    }

    private static KeyCombination shortcutShift(KeyCode c) {
        return new KeyCodeCombination(c, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN);
    }

    public Scope scope() {
        return scope;
    }

    /** True if the command's keys work while {@code shown} is the tab on screen. */
    public boolean worksIn(Scope shown) {
        return scope == Scope.WINDOW || scope == Scope.LESSON || scope == shown;
    }

    /** The keys that run the command, the first the one menus show. */
    public List<KeyCombination> keys() {
        return keys;
    }

    /** The bundle key of what the command does. */
    public String textKey() {
        return "command." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /**
     * True if the key is one a text field also uses (a letter, a digit, an arrow, Space...):
     * while a field has the focus it types there instead of running the command.
     */
    public boolean typesInFields() {
        for (KeyCombination k : keys) {
            if (k.getShortcut() == KeyCombination.ModifierValue.DOWN || k.getAlt() == KeyCombination.ModifierValue.DOWN
                    || k.getControl() == KeyCombination.ModifierValue.DOWN) {
                return false;
            }
            if (k instanceof KeyCodeCombination kc && kc.getCode().isFunctionKey()) {
                return false;
            }
        }
        return true;
    }
}
