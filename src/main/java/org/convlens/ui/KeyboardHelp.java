package org.convlens.ui;

import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;

import java.util.Locale;

/**
 * The keyboard help (F1), from the one table of commands: every key the window answers to now,
 * in three columns (the window's; the stepper's; the lessons' and the Photos tab's).
 */
final class KeyboardHelp {
    private KeyboardHelp() {
    }

    /** Fills {@code grid} (cleared first) with {@code actions}' keys in {@code locale}'s words. */
    static void fill(GridPane grid, Actions actions, Locale locale) {
        grid.getChildren().clear();
        int[] rows = new int[3];
        Command.Scope scope = null;
        for (Actions.HelpRow h : actions.help(locale, UiText::get)) {
            int col = switch (h.scope()) {
                case WINDOW -> 0;
                case STEPPER -> 1;
                default -> 2;
            };
            if (h.scope() != scope) {
                scope = h.scope();
                Label title = new Label(UiText.get(locale, "help.scope." + scope.name().toLowerCase(Locale.ROOT)));
                title.getStyleClass().add("help-scope");
                grid.add(title, 2 * col, rows[col]++, 2, 1);
            }
            line(grid, col, rows, h.keys(), h.action());
            if (h.action().equals(UiText.get(locale, Command.CLEAR_LINKS.textKey()))) {
                line(grid, col, rows, UiText.get(locale, "help.edit.keys"), UiText.get(locale, "help.edit.action"));
            }
        }
    }

    private static void line(GridPane grid, int col, int[] rows, String keyText, String action) {
        Label keys = new Label(keyText);
        keys.getStyleClass().add("help-key");
        keys.setWrapText(true);
        keys.setMaxWidth(180);
        keys.setMinWidth(Math.min(180, keyText.length() * 9 + 20));
        keys.setMinHeight(Region.USE_PREF_SIZE);
        Label what = new Label(action);
        what.setWrapText(true);
        what.setMaxWidth(260);
        what.setMinHeight(Region.USE_PREF_SIZE);
        grid.add(keys, 2 * col, rows[col]);
        grid.add(what, 2 * col + 1, rows[col]);
        rows[col]++;
    }
}
