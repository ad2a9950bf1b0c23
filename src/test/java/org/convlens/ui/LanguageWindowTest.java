package org.convlens.ui;

import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.convlens.ui.files.SettingsStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View > Language in the real window: 繁體中文 rebuilds the window in Traditional Chinese (Taiwan
 * usage) where it stands, with lesson 1's zh-Hant text in the lesson panel, the choice is saved,
 * and English comes back the same way (selecting the radio item, as a click does). The window starts in English whatever the machine's locale.
 */
@ExtendWith(ApplicationExtension.class)
class LanguageWindowTest {
    private WindowFixture app;

    @Start
    void start(Stage stage) throws Exception {
        // The app's own start: lesson 1 open beside the stepper (its state: 4 steps); lessons load
        // on this thread, so the panel is filled when the window shows.
        app = WindowFixture.start(stage, "language-window", false, Runnable::run, List.of(), Locale.ENGLISH);
    }

    private static List<MenuItem> items(List<MenuItem> in) {
        List<MenuItem> all = new ArrayList<>();
        for (MenuItem i : in) {
            all.add(i);
            if (i instanceof Menu m) {
                all.addAll(items(m.getItems()));
            }
        }
        return all;
    }

    /** The item of View > Language called {@code name}, in the window as it is now (it is rebuilt on a switch). */
    private static RadioMenuItem language(FxRobot robot, String name) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        List<MenuItem> all = items(new ArrayList<>(bar.getMenus()));
        return all.stream().filter(i -> i instanceof RadioMenuItem && name.equals(i.getText()))
                .map(RadioMenuItem.class::cast).findFirst().orElseThrow(() -> new AssertionError("no item " + name));
    }

    private static List<String> menus(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(MenuBar.class).getMenus().stream().map(Menu::getText).toList();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static String stepperTab(FxRobot robot) {
        Tab t = robot.lookup("#tabs").queryAs(TabPane.class).getTabs().get(0);
        assertEquals("stepper", t.getId());
        return t.getText();
    }

    private void waitForLesson(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> robot.lookup("#lessonStepTitle").tryQuery().map(n -> !((Label) n).getText().isEmpty()).orElse(false));
    }

    @Test
    void traditionalChineseRebuildsTheWindowLiveAndEnglishComesBack(FxRobot robot) throws Exception {
        waitForLesson(robot);
        assertEquals("Step 1 of 4", text(robot, "#stepLabel"));
        assertEquals("The input and the kernel", text(robot, "#lessonStepTitle"));
        robot.type(KeyCode.RIGHT);
        assertEquals("Step 2 of 4", text(robot, "#stepLabel"));

        robot.interact(() -> language(robot, "繁體中文").setSelected(true));
        assertEquals(Locale.TRADITIONAL_CHINESE, app.shell.windowModel().localeProperty().get());
        assertEquals("第 2 步，共 4 步", text(robot, "#stepLabel"), "the step is kept, its label in Traditional Chinese");
        assertEquals("步進器", stepperTab(robot));
        List<String> menus = menus(robot);
        assertTrue(menus.containsAll(List.of("檔案", "檢視", "播放", "說明", "課程")), menus.toString());
        assertEquals("輸入與卷積核", text(robot, "#lessonStepTitle"), "the lesson's zh-Hant text");
        assertTrue(text(robot, "#lessonMeta").startsWith("入門"), text(robot, "#lessonMeta"));
        assertTrue(language(robot, "繁體中文").isSelected());
        assertFalse(language(robot, "简体中文").isSelected());
        assertFalse(language(robot, "English").isSelected());
        assertEquals("zh-TW", new SettingsStore(app.home).load().getProperty("locale"), "the choice is saved");

        robot.type(KeyCode.RIGHT);
        assertEquals("第 3 步，共 4 步", text(robot, "#stepLabel"), "the rebuilt window takes keys");

        robot.interact(() -> language(robot, "English").setSelected(true));
        assertEquals("Step 3 of 4", text(robot, "#stepLabel"));
        assertEquals("Stepper", stepperTab(robot));
        assertTrue(menus(robot).containsAll(List.of("File", "View", "Playback", "Help", "Lessons")), menus(robot).toString());
        assertEquals("The input and the kernel", text(robot, "#lessonStepTitle"));
        assertTrue(language(robot, "English").isSelected());
        assertFalse(language(robot, "繁體中文").isSelected());
        assertEquals("en", new SettingsStore(app.home).load().getProperty("locale"));
    }

    @Test
    void simplifiedAndTraditionalAreTwoLanguages(FxRobot robot) throws Exception {
        waitForLesson(robot);
        robot.interact(() -> language(robot, "简体中文").setSelected(true));
        assertEquals("逐步演示", stepperTab(robot));
        assertTrue(menus(robot).contains("文件"), menus(robot).toString());
        assertEquals("输入和卷积核", text(robot, "#lessonStepTitle"));
        robot.interact(() -> language(robot, "繁體中文").setSelected(true));
        assertEquals("步進器", stepperTab(robot));
        assertTrue(menus(robot).contains("檔案"), menus(robot).toString());
        assertEquals("輸入與卷積核", text(robot, "#lessonStepTitle"));
        assertTrue(language(robot, "繁體中文").isSelected());
        assertFalse(language(robot, "简体中文").isSelected());
    }
}
