package org.convlens.ui.actions;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.convlens.ui.UiText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionsTest {
    private static KeyEvent press(KeyCode code, boolean shift, boolean shortcut, boolean alt) {
        boolean mac = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("mac");
        return new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, shift, shortcut && !mac, alt, shortcut && mac);
    }

    @Test
    void noTwoCommandsShareAKeyWhereBothWork() {
        List<String> clashes = new ArrayList<>();
        for (Command a : Command.values()) {
            for (Command b : Command.values()) {
                if (a.ordinal() >= b.ordinal()) {
                    continue;
                }
                boolean overlap = a.worksIn(b.scope()) || b.worksIn(a.scope());
                for (KeyCombination ka : a.keys()) {
                    for (KeyCombination kb : b.keys()) {
                        if (overlap && ka.equals(kb)) {
                            clashes.add(a + " and " + b + ": " + Actions.keyText(ka));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void modifiedKeysUseShortcutSoAMacGetsCmd() {
        for (Command c : Command.values()) {
            for (KeyCombination k : c.keys()) {
                assertTrue(k.getControl() != KeyCombination.ModifierValue.DOWN, c + " uses Control, not Shortcut");
            }
        }
    }

    @Test
    void aKeyRunsTheCommandOfTheTabShownAndTypesInAFieldInstead() {
        Actions a = new Actions();
        int[] played = new int[1];
        int[] opened = new int[1];
        a.on(Command.PLAY, () -> played[0]++);
        a.on(Command.OPEN, () -> opened[0]++);
        assertEquals(Command.PLAY, a.handle(press(KeyCode.SPACE, false, false, false), Command.Scope.STEPPER, false));
        assertNull(a.handle(press(KeyCode.SPACE, false, false, false), Command.Scope.PHOTOS, false), "another tab");
        assertNull(a.handle(press(KeyCode.SPACE, false, false, false), Command.Scope.STEPPER, true), "typed in a field");
        assertEquals(Command.OPEN, a.handle(press(KeyCode.O, false, true, false), Command.Scope.PHOTOS, true));
        assertEquals(1, played[0]);
        assertEquals(1, opened[0]);
    }

    @Test
    void aDisabledCommandDoesNotRun() {
        Actions a = new Actions();
        int[] undone = new int[1];
        javafx.beans.property.SimpleBooleanProperty off = new javafx.beans.property.SimpleBooleanProperty(true);
        a.on(Command.UNDO, () -> undone[0]++, off);
        assertNull(a.handle(press(KeyCode.Z, false, true, false), Command.Scope.STEPPER, false));
        off.set(false);
        assertEquals(Command.UNDO, a.handle(press(KeyCode.Z, false, true, false), Command.Scope.STEPPER, false));
        assertEquals(1, undone[0]);
    }

    @Test
    void theHelpListsEveryHandledCommandWithItsKeysInEveryLanguage() {
        Actions a = new Actions();
        for (Command c : Command.values()) {
            a.on(c, () -> { });
        }
        for (Locale l : UiText.LOCALES) {
            List<Actions.HelpRow> rows = a.help(l, UiText::get);
            long withKeys = java.util.Arrays.stream(Command.values()).filter(c -> !c.keys().isEmpty()).count();
            assertEquals(withKeys, rows.size());
            assertTrue(rows.stream().anyMatch(r -> r.keys().equals("Shift + \u2192")), "arrows as arrows");
            assertTrue(rows.stream().anyMatch(r -> r.keys().startsWith("F1") && r.keys().endsWith("?")));
            assertTrue(rows.stream().anyMatch(r -> r.scope() == Command.Scope.PHOTOS));
            assertTrue(rows.stream().anyMatch(r -> r.scope() == Command.Scope.LESSON));
        }
    }
}
