package org.convlens.ui.lesson;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.LessonLibrary;
import org.convlens.lesson.Question;
import org.convlens.lesson.Step;
import org.convlens.ui.WindowViewModel;
import org.convlens.ui.grid.CellFlags;
import org.convlens.ui.grid.GridPicture;
import org.convlens.ui.grid.GridView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12's rule for covers, one test each: what an open question covers stays covered until it
 * is answered, whatever the window does (a language or theme switch, an edit of any cell, a click
 * on the asked cell, a resize, a step), and a cover sits over what it hides and nothing else.
 * "Not shown" is checked on what is on screen: every text of a visible node and every number a
 * visible grid draws, in English (the language these tests set).
 */
@ExtendWith(ApplicationExtension.class)
class CoverRulesWindowTest {
    static {
        LessonWindow.screen();
    }

    private LessonWindow w;
    private Stage stage;
    private Lesson first;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        w = LessonWindow.start(stage, "covers", List.of());
        first = LessonLibrary.shipped(Locale.ROOT).lessons().get(0);
    }

    @AfterEach
    void back(FxRobot r) {
        r.interact(() -> {
            w.shell.windowModel().localeProperty().set(Locale.ENGLISH);
            w.shell.windowModel().themeProperty().set(WindowViewModel.Theme.LIGHT);
        });
    }

    // Finding questions

    private int firstStep(Predicate<Question> kind) {
        List<Step> steps = first.steps();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).question() != null && kind.test(steps.get(i).question())) {
                return i;
            }
        }
        throw new AssertionError("lesson 1 has no such question");
    }

    /** Opens lesson 1's first question about one output cell; returns it. */
    private Question.Value valueQuestion(FxRobot r) {
        int i = firstStep(q -> q instanceof Question.Value);
        r.interact(() -> w.player().goTo(i));
        return (Question.Value) w.player().getStep().question();
    }

    /** Opens lesson 1's first question about the output's shape; returns it. */
    private Question.Shape shapeQuestion(FxRobot r) {
        int i = firstStep(q -> q instanceof Question.Shape);
        r.interact(() -> w.player().goTo(i));
        return (Question.Shape) w.player().getStep().question();
    }

    // What is on screen

    private static boolean shown(Node n) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (!x.isVisible() || x.getOpacity() == 0) {
                return false;
            }
        }
        return n.getScene() != null;
    }

    /** Every text on screen: labels, text nodes, fields, and the numbers visible grids draw. */
    private List<String> screenTexts() {
        List<String> out = new ArrayList<>();
        collect(stage.getScene().getRoot(), out);
        return out;
    }

    private static void collect(Node n, List<String> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null) {
            out.add(l.getText());
        } else if (n instanceof Text t && t.getText() != null) {
            out.add(t.getText());
        } else if (n instanceof TextInputControl f && f.getText() != null) {
            out.add(f.getText());
        } else if (n instanceof GridView g && g.getPicture() != null) {
            GridPicture p = g.getPicture();
            for (int y = 0; y < p.rows(); y++) {
                for (int x = 0; x < p.cols(); x++) {
                    if (!CellFlags.has(p.flags(y, x), CellFlags.PENDING) && p.text(y, x) != null) {
                        out.add(p.text(y, x));
                    }
                }
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                collect(c, out);
            }
        }
    }

    /** True if {@code pattern} (a regex) occurs as a whole in some text on screen. */
    private boolean onScreen(String pattern) {
        Pattern p = Pattern.compile("(?<![\\d.])" + pattern + "(?![\\d.])");
        return screenTexts().stream().anyMatch(t -> p.matcher(t).find());
    }

    private static String number(float v) {
        return Pattern.quote(org.convlens.lesson.Answers.format(v)).replace("-", "[-\u2212]");
    }

    private static String shape(Question.Shape q) {
        int[] e = q.expected();
        return e[e.length - 2] + "\\s*[x\u00d7]\\s*" + e[e.length - 1];
    }

    private Node node(String id) {
        Node n = stage.getScene().lookup("#" + id);
        assertNotNull(n, id);
        return n;
    }

    /** The card over {@code id} is shown, lies exactly on it, and the node under it is hidden. */
    private void assertCovered(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        Node target = node(id);
        Node card = node("cover-" + id);
        assertTrue(shown(card), "a card over " + id);
        assertFalse(target.isVisible(), id + " is hidden under its card");
        Bounds c = card.localToScene(card.getLayoutBounds());
        Bounds t = target.localToScene(target.getLayoutBounds());
        assertEquals(t.getMinX(), c.getMinX(), 1, id + " left");
        assertEquals(t.getMinY(), c.getMinY(), 1, id + " top");
        assertEquals(t.getWidth(), c.getWidth(), 1, id + " width");
        assertEquals(t.getHeight(), c.getHeight(), 1, id + " height");
    }

    private void assertUncovered(String id) {
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(shown(node("cover-" + id)), "no card over " + id);
        assertTrue(node(id).isVisible());
    }

    /** The value question's cell and arithmetic never show its answer. */
    private void assertValueHidden(Question.Value q) {
        WaitForAsyncUtils.waitForFxEvents();
        GridPicture out = ((GridView) node("outputGrid")).getPicture();
        assertEquals("?", out.text(q.cell().y(), q.cell().x()), "the asked cell shows ?");
        assertFalse(onScreen(number(q.expected())), "the answer " + q.expected() + " is nowhere on screen: "
                + screenTexts());
    }

    private void assertShapeHidden(Question.Shape q) {
        assertCovered("outputBox");
        assertCovered("shapePane");
        assertCovered("stepLabel");
        assertFalse(onScreen(shape(q)), "the shape is nowhere on screen: " + screenTexts());
    }

    // The rules

    @Test
    void aLanguageSwitchKeepsTheCover(FxRobot r) {
        Question.Shape q = shapeQuestion(r);
        assertShapeHidden(q);
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertShapeHidden(q);
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.ENGLISH));
        assertShapeHidden(q);
        Question.Value v = valueQuestion(r);
        r.interact(() -> w.shell.windowModel().localeProperty().set(Locale.SIMPLIFIED_CHINESE));
        assertValueHidden(v);
    }

    @Test
    void aThemeSwitchKeepsTheCover(FxRobot r) {
        Question.Shape q = shapeQuestion(r);
        for (WindowViewModel.Theme t : WindowViewModel.Theme.values()) {
            r.interact(() -> w.shell.windowModel().themeProperty().set(t));
            assertShapeHidden(q);
        }
        r.interact(() -> w.shell.windowModel().togglePresentation());
        assertShapeHidden(q);
        r.interact(() -> w.shell.windowModel().togglePresentation());
        assertShapeHidden(q);
    }

    @Test
    void anEditOfAnyCellKeepsTheCover(FxRobot r) {
        Question.Shape q = shapeQuestion(r);
        GridView input = (GridView) node("inputGrid");
        r.interact(() -> {
            assertTrue(input.startEdit(0, 0, "0"));
            input.commitEdit();
        });
        assertTrue(w.player().divergedProperty().get(), "the edit took");
        assertShapeHidden(q);
        Question.Value v = valueQuestion(r);
        GridView kernel = (GridView) node("kernelGrid");
        r.interact(() -> {
            assertTrue(kernel.startEdit(0, 0, "0"));
            kernel.commitEdit();
        });
        assertTrue(w.player().divergedProperty().get());
        assertValueHidden(v);
    }

    @Test
    void aClickOnTheAskedCellKeepsItHidden(FxRobot r) {
        Question.Value q = valueQuestion(r);
        GridView out = (GridView) node("outputGrid");
        r.clickOn(out.cellCenterOnScreen(q.cell().y(), q.cell().x()));
        WaitForAsyncUtils.waitForFxEvents();
        int at = (q.cell().channel() * out.getPicture().rows() + q.cell().y()) * out.getPicture().cols()
                + q.cell().x();
        assertEquals(at, w.shell.stepper().getStep(), "the click went to the step that computes the cell");
        assertCovered("arithmeticPane");
        assertValueHidden(q);
    }

    @Test
    void aResizeKeepsTheCoverOnItsPanel(FxRobot r) {
        Question.Shape q = shapeQuestion(r);
        double width = stage.getWidth();
        double height = stage.getHeight();
        try {
            r.interact(() -> {
                stage.setWidth(1000);
                stage.setHeight(700);
            });
            assertShapeHidden(q);
            r.interact(() -> {
                stage.setWidth(1500);
                stage.setHeight(950);
            });
            assertShapeHidden(q);
        } finally {
            r.interact(() -> {
                stage.setWidth(width);
                stage.setHeight(height);
            });
        }
    }

    @Test
    void aStepKeepsTheCover(FxRobot r) {
        Question.Value q = valueQuestion(r);
        r.clickOn("#lessonStepTitle");
        int total = w.shell.stepper().totalStepsProperty().get();
        for (int i = 0; i < total; i++) {
            r.type(KeyCode.RIGHT);
            assertValueHidden(q);
        }
        r.type(KeyCode.HOME);
        assertValueHidden(q);
        Question.Shape s = shapeQuestion(r);
        r.type(KeyCode.END);
        assertShapeHidden(s);
    }

    @Test
    void aCoverSitsOverWhatItHidesAndNothingElse(FxRobot r) {
        shapeQuestion(r);
        Node scroll = node("stageScroll");
        for (String id : List.of("outputBox", "shapePane")) {
            assertCovered(id);
            Node card = node("cover-" + id);
            assertTrue(isInside(card, scroll), id + "'s card scrolls and clips with the stage");
            Bounds c = card.localToScene(card.getLayoutBounds());
            for (String other : List.of("inputBox", "kernelBox", "playbackBar", "lessonPanel", "arithmeticPane")) {
                Bounds o = node(other).localToScene(node(other).getLayoutBounds());
                assertFalse(overlap(c, o), id + "'s card stays off " + other);
            }
        }
        assertCovered("stepLabel");
        Bounds step = node("cover-stepLabel").localToScene(node("cover-stepLabel").getLayoutBounds());
        for (String button : List.of("firstButton", "backButton", "playButton", "forwardButton", "lastButton",
                "jumpField")) {
            assertFalse(overlap(step, node(button).localToScene(node(button).getLayoutBounds())),
                    "the step counter's card leaves " + button + " free");
        }
    }

    @Test
    void theAnswerLiftsTheCover(FxRobot r) {
        Question.Shape q = shapeQuestion(r);
        int[] e = q.expected();
        r.interact(() -> {
            w.player().answerProperty().set(e[e.length - 2] + " x " + e[e.length - 1]);
            w.player().check();
        });
        assertUncovered("outputBox");
        assertUncovered("shapePane");
        assertUncovered("stepLabel");
        assertTrue(onScreen(shape(q)));
    }

    private static boolean isInside(Node n, Node ancestor) {
        for (Node x = n; x != null; x = x.getParent()) {
            if (x == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** True if the two rectangles share more than a pixel's edge. */
    private static boolean overlap(Bounds a, Bounds b) {
        return a.getMinX() < b.getMaxX() - 1 && b.getMinX() < a.getMaxX() - 1 && a.getMinY() < b.getMaxY() - 1
                && b.getMinY() < a.getMaxY() - 1;
    }
}
