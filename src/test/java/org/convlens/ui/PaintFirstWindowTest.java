package org.convlens.ui;

import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The app's start paints the window before it fills the stepper's settings column, and fills it
 * once what the opening waits for (a lesson asked for) is in, or a few seconds after the first frame.
 */
@ExtendWith(ApplicationExtension.class)
class PaintFirstWindowTest {
    private Stage stage;

    @Start
    void start(Stage s) {
        this.stage = s;
    }

    @AfterEach
    void waitAsUsual() {
        Shell.openingWaitProperty().set(Duration.seconds(3));
    }

    private WindowFixture open(FxRobot robot, String name, Runnable[] hold) {
        return open(robot, name, hold, List.of("--lesson=none"));
    }

    private WindowFixture open(FxRobot robot, String name, Runnable[] hold, List<String> args) {
        WindowFixture[] f = new WindowFixture[1];
        robot.interact(() -> {
            try {
                f[0] = WindowFixture.start(stage, name, false, WindowFixture.BACKGROUND, args,
                        Locale.ENGLISH, shell -> {
                            shell.paintFirst();
                            if (hold != null) {
                                hold[0] = shell.holdOpening();
                            }
                        });
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return f[0];
    }

    private ScrollPane settings(FxRobot robot) {
        return robot.lookup("#settingsScroll").queryAs(ScrollPane.class);
    }

    private static void frames(FxRobot robot, int n) {
        for (int i = 0; i < n; i++) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.sleep(50);
        }
    }

    @Test
    void theSettingsWaitForTheOpeningThenArriveBound(FxRobot robot) throws Exception {
        Runnable[] hold = new Runnable[1];
        WindowFixture f = open(robot, "paint-first-held", hold);
        frames(robot, 10);
        assertNull(settings(robot).getContent(), "held: the column is empty after the first frames");
        assertNotNull(robot.lookup("#backButton").tryQuery().orElse(null), "the rest of the stepper is there");
        // What the window held when whenOpened ran: set on the JavaFX thread, the flag last.
        boolean[] settingsWhenOpened = new boolean[1];
        List<String> sectionsWhenOpened = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean ran = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> f.shell.whenOpened(() -> {
            settingsWhenOpened[0] = settings(robot).getContent() != null;
            sectionsWhenOpened.addAll(sections(robot));
            ran.set(true);
        }));
        frames(robot, 4);
        org.junit.jupiter.api.Assertions.assertFalse(ran.get(), "whenOpened waits for the opening too");
        robot.interact(hold[0]);
        robot.interact(hold[0]); // a second run does nothing
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> settings(robot).getContent() != null);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, ran::get);
        assertTrue(settingsWhenOpened[0], "then it ran, the settings in");
        assertEquals(SECTIONS, sectionsWhenOpened, "every section of them");
        // the controls were bound before they were shown: an edit reaches the scenario and back
        @SuppressWarnings("unchecked")
        Spinner<Integer> height = robot.lookup("#inHeight").queryAs(Spinner.class);
        assertTrue(height.isVisible());
        robot.interact(() -> height.getValueFactory().setValue(6));
        assertEquals(6, f.shell.scenario().inHeightProperty().get());
        robot.interact(() -> f.shell.scenario().inHeightProperty().set(5));
        assertEquals(5, height.getValue());
    }

    /** The settings column's sections, top to bottom. */
    private static final List<String> SECTIONS = List.of("inputPane", "kernelPane", "stridePane", "paddingPane",
            "biasPane", "poolPane", "transposedPane");

    /** The ids of the sections in the settings column now, top to bottom (a section not in the window is left out). */
    private static List<String> sections(FxRobot robot) {
        return robot.lookup(".settings .titled-pane").queryAllAs(javafx.scene.control.TitledPane.class).stream()
                .filter(p -> p.getScene() != null && SECTIONS.contains(p.getId()))
                .sorted(java.util.Comparator.comparingDouble(p -> p.localToScene(0, 0).getY()))
                .map(javafx.scene.Node::getId)
                .toList();
    }

    @Test
    void theSettingsComeASectionAFrameTopToBottom(FxRobot robot) throws Exception {
        Runnable[] hold = new Runnable[1];
        open(robot, "paint-first-sections", hold);
        frames(robot, 4);
        // After every pulse, how many sections the column shows.
        List<Integer> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable count = () -> seen.add(settings(robot).getContent() == null ? 0 : sections(robot).size());
        robot.interact(() -> stage.getScene().addPostLayoutPulseListener(count));
        robot.interact(hold[0]);
        // Until a pulse has laid out the whole column (the last section may be in before its pulse).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> !seen.isEmpty() && seen.get(seen.size() - 1) == SECTIONS.size());
        robot.interact(() -> stage.getScene().removePostLayoutPulseListener(count));
        assertEquals(SECTIONS, sections(robot), "every section, in its order");
        List<Integer> steps = seen.stream().distinct().toList();
        // One at a time: the counts seen only go up, by one a frame, through every count.
        assertTrue(steps.size() >= 1 + SECTIONS.size(), "frames showing sections: " + seen);
        for (int i = 1; i < steps.size(); i++) {
            int up = steps.get(i) - steps.get(i - 1);
            assertTrue(up == 1, "from one frame to the next: " + seen);
        }
        assertTrue(robot.lookup("#generalMessage").tryQuery().map(n -> n.getScene() != null).orElse(false),
                "the message under the sections is in too");
    }

    @Test
    void aHoldNeverReleasedStillGetsTheSettingsWithinSeconds(FxRobot robot) throws Exception {
        open(robot, "paint-first-never", new Runnable[1]);
        frames(robot, 4);
        assertNull(settings(robot).getContent());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> settings(robot).getContent() != null);
    }

    @Test
    void aLessonAskedForIsOpenBeforeTheSettingsArrive(FxRobot robot) throws Exception {
        // no fallback within the test's time: the settings come because the lesson let them
        Shell.openingWaitProperty().set(Duration.minutes(5));
        WindowFixture f = open(robot, "paint-first-lesson", null, List.of("--lesson", "2"));
        boolean[] lessonFirst = new boolean[1];
        robot.interact(() -> f.shell.whenOpened(() -> lessonFirst[0] = robot.lookup("#lessonPanel").tryQuery()
                .map(n -> n.getProperties().get(org.convlens.ui.lesson.LessonPlayerViewModel.class))
                .map(vm -> ((org.convlens.ui.lesson.LessonPlayerViewModel) vm).getLesson() != null).orElse(false)));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> settings(robot).getContent() != null);
        frames(robot, 2);
        assertTrue(lessonFirst[0], "the lesson was open when the opening was done");
    }

    @Test
    void withNothingToWaitForTheSettingsFollowTheFirstFrame(FxRobot robot) throws Exception {
        open(robot, "paint-first-free", null);
        WaitForAsyncUtils.waitFor(2500, TimeUnit.MILLISECONDS, () -> settings(robot).getContent() != null);
    }
}
