package org.convlens.ui;

import javafx.fxml.FXML;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.convlens.ui.actions.Command;

import java.util.Locale;
import java.util.Map;

/**
 * The main window's controller (fxml/MainWindow.fxml): a menu bar, the tabs ({@code fx:id="tabs"},
 * the stepper first), a status bar and the keyboard help overlay. Menu actions go to the
 * {@link Shell}; radio and check items are bound to the {@link WindowViewModel}.
 */
public class MainWindow {
    private final Shell shell;

    @FXML private BorderPane root;
    @FXML private MenuBar menuBar;
    @FXML private Menu fileMenu;
    @FXML private Menu viewMenu;
    @FXML private Menu playMenu;
    @FXML private Menu helpMenu;
    @FXML private TabPane tabs;
    @FXML private Tab stepperTab;
    @FXML private StackPane center;
    @FXML private StackPane helpOverlay;
    @FXML private VBox helpCard;
    @FXML private javafx.scene.control.ScrollPane helpScroll;
    @FXML private GridPane helpKeys;
    @FXML private Label status;
    @FXML private Label fpsLabel;
    @FXML private ToggleGroup themeGroup;
    @FXML private RadioMenuItem themeLight;
    @FXML private RadioMenuItem themeDark;
    @FXML private RadioMenuItem themeContrast;
    @FXML private ToggleGroup paletteGroup;
    @FXML private RadioMenuItem paletteBlueOrange;
    @FXML private RadioMenuItem palettePurpleOrange;
    @FXML private RadioMenuItem paletteNone;
    @FXML private ToggleGroup languageGroup;
    @FXML private RadioMenuItem languageEnglish;
    @FXML private RadioMenuItem languageChinese;
    @FXML private RadioMenuItem languageTraditional;
    @FXML private CheckMenuItem presentationItem;
    @FXML private CheckMenuItem fullScreenItem;
    @FXML private CheckMenuItem fpsItem;
    @FXML private CheckMenuItem termPaceItem;
    @FXML private CheckMenuItem loopItem;
    @FXML private CheckMenuItem quizItem;
    @FXML private CheckMenuItem penItem;
    @FXML private CheckMenuItem allChannelsItem;

    public MainWindow(Shell shell) {
        this.shell = shell;
    }

    @FXML
    private void initialize() {
        WindowViewModel w = shell.windowModel();
        radios(themeGroup, Map.of(themeLight, WindowViewModel.Theme.LIGHT, themeDark, WindowViewModel.Theme.DARK,
                themeContrast, WindowViewModel.Theme.CONTRAST), w.themeProperty());
        radios(paletteGroup, Map.of(paletteBlueOrange, WindowViewModel.Palette.BLUE_ORANGE, palettePurpleOrange,
                WindowViewModel.Palette.PURPLE_ORANGE, paletteNone, WindowViewModel.Palette.NONE), w.paletteProperty());
        radios(languageGroup, Map.of(languageEnglish, Locale.ENGLISH, languageChinese, Locale.SIMPLIFIED_CHINESE,
                languageTraditional, Locale.TRADITIONAL_CHINESE), w.localeProperty());
        presentationItem.setSelected(w.presentationProperty().get());
        presentationItem.selectedProperty().addListener((o, a, b) -> w.setPresentation(b));
        w.presentationProperty().addListener((o, a, b) -> presentationItem.setSelected(b));
        fpsItem.selectedProperty().bindBidirectional(w.showFpsProperty());
        fullScreenItem.setSelected(shell.stage().isFullScreen());
        fullScreenItem.selectedProperty().addListener((o, a, b) -> shell.stage().setFullScreen(b));
        shell.stage().fullScreenProperty().addListener((o, a, b) -> fullScreenItem.setSelected(b));
        termPaceItem.selectedProperty().bindBidirectional(shell.stepper().termPaceProperty());
        loopItem.selectedProperty().bindBidirectional(shell.stepper().loopProperty());
        quizItem.selectedProperty().bindBidirectional(shell.stepper().quizProperty());
        penItem.selectedProperty().bindBidirectional(shell.stepper().pen().activeProperty());
        allChannelsItem.selectedProperty().bindBidirectional(shell.stepper().allChannelsProperty());
        fpsLabel.visibleProperty().bind(w.showFpsProperty());
        for (Menu m : menuBar.getMenus()) {
            bindCommands(m);
        }
    }

    /** Every item whose {@code userData} names a {@link Command} runs it, with the table's key. */
    private void bindCommands(Menu menu) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof Menu sub) {
                bindCommands(sub);
            } else if (item.getUserData() instanceof String name && item instanceof CheckMenuItem) {
                shell.actions().showKey(item, Command.valueOf(name));
            } else if (item.getUserData() instanceof String name) {
                shell.actions().bind(item, Command.valueOf(name));
            }
        }
    }

    private static <T> void radios(ToggleGroup g, Map<RadioMenuItem, T> items, javafx.beans.property.Property<T> p) {
        items.forEach((item, value) -> {
            item.setUserData(value);
            item.setSelected(value.equals(p.getValue()));
        });
        g.selectedToggleProperty().addListener((o, a, b) -> {
            if (b != null) {
                @SuppressWarnings("unchecked")
                T v = (T) b.getUserData();
                p.setValue(v);
            }
        });
        p.addListener((o, a, b) -> {
            for (Toggle t : g.getToggles()) {
                t.setSelected(b.equals(t.getUserData()));
            }
        });
    }

    public BorderPane root() {
        return root;
    }

    public MenuBar menuBar() {
        return menuBar;
    }

    /** The menu contributed menus go before. */
    public Menu helpMenu() {
        return helpMenu;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Tab stepperTab() {
        return stepperTab;
    }

    /** What holds the tabs (and the help over them). */
    public StackPane center() {
        return center;
    }

    public StackPane helpOverlay() {
        return helpOverlay;
    }

    public GridPane helpKeys() {
        return helpKeys;
    }

    /** Scrolls the help back to its top-left corner (it opens there, not where it was last left). */
    public void helpFromTop() {
        helpScroll.setVvalue(helpScroll.getVmin());
        helpScroll.setHvalue(helpScroll.getHmin());
    }

    public Label status() {
        return status;
    }

    public Label fpsLabel() {
        return fpsLabel;
    }

    /** A click anywhere on the help closes it, except on its scroll bars. */
    @FXML
    private void toggleHelp(javafx.scene.input.MouseEvent e) {
        for (Object n = e.getTarget(); n instanceof javafx.scene.Node node; n = node.getParent()) {
            if (node instanceof javafx.scene.control.ScrollBar) {
                return;
            }
        }
        shell.toggleHelp();
    }
}
