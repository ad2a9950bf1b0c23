package org.convlens.ui.lesson;

import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's pictures of lessons, taken from the real window: into target/screenshots, or into
 * the folder named by the system property {@code convlens.screenshots} (the README's are made with
 * {@code mvn -B test -Dtest=LessonScreenshotsTest -Dconvlens.screenshots=docs/screenshots}).
 */
@ExtendWith(ApplicationExtension.class)
class LessonScreenshotsTest {
    static {
        LessonWindow.screen();
    }

    private static final List<Lesson> LESSONS = LessonLibrary.shipped(Locale.ROOT).lessons();
    private LessonWindow w;

    @Start
    void start(Stage stage) throws Exception {
        w = LessonWindow.start(stage, "screenshots", List.of());
    }

    private static Path out(String name) {
        return Path.of(System.getProperty("convlens.screenshots", "target/screenshots"), name);
    }

    private void shoot(FxRobot r, String name) {
        r.interact(() -> w.snapshot(out(name)));
        assertTrue(Files.isRegularFile(out(name)), name);
    }

    private void open(FxRobot r, int lesson, int step) {
        r.interact(() -> {
            w.player().open(LESSONS.get(lesson - 1), LESSONS.get(lesson - 1).id());
            w.player().goTo(step - 1);
        });
    }

    @Test
    void pictures(FxRobot r) {
        open(r, 1, 3);
        r.interact(() -> w.player().answerProperty().set("46"));
        r.clickOn("#lessonCheck");
        shoot(r, "lesson-01-question.png");

        open(r, 2, 6);
        shoot(r, "lesson-02-hidden-kernel.png");

        open(r, 8, 5);
        r.interact(() -> r.lookup("#lessonScroll").queryAs(ScrollPane.class).setVvalue(0.6));
        shoot(r, "lesson-06-photo.png");

        open(r, 14, 3);
        r.clickOn("#fitEnd");
        r.interact(() -> r.lookup("#lessonScroll").queryAs(ScrollPane.class).setVvalue(0.55));
        shoot(r, "lesson-14-training.png");

        // The rate step answered, then twenty times the rate: the loss blows up.
        open(r, 14, 4);
        r.interact(() -> w.player().choose(1));
        r.interact(() -> r.lookup("#lessonScroll").queryAs(ScrollPane.class).setVvalue(0));
        r.clickOn("#fitRate20");
        r.clickOn("#fitEnd");
        r.interact(() -> r.lookup("#lessonScroll").queryAs(ScrollPane.class).setVvalue(0.5));
        shoot(r, "lesson-14-rate.png");

        // Training a classifier: the Training tab set up by the step, Start waiting for the prediction.
        open(r, 20, 1);
        shoot(r, "lesson-20-training.png");
        r.clickOn("#stepper");

        r.clickOn("#lessons");
        shoot(r, "lesson-list.png");

        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        r.clickOn("#stepper");
        open(r, 1, 2);
        shoot(r, "lesson-01-chinese.png");
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.ENGLISH));
    }
}
