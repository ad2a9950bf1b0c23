package org.convlens.ui.lesson;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.Node;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;
import org.convlens.lesson.Lesson;
import org.convlens.lesson.ProgressStore;
import org.convlens.ui.TabContribution;
import org.convlens.ui.UiContext;
import org.convlens.ui.actions.Actions;
import org.convlens.ui.actions.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lessons in the main window: a Lessons tab listing every lesson with its progress, the lesson
 * player as a panel beside the tabs, and a Lessons menu (Alt+Right / Alt+Left for the next and
 * previous step, F9 for the panel). At start the lesson open last (else lesson 1) is shown, unless
 * the panel was closed; {@code --lesson FILE} opens that file's lesson, {@code --lesson=none} none.
 */
public final class LessonContribution implements TabContribution {
    /** The tab's id, for {@link UiContext#selectTab}. */
    public static final String ID = "lessons";

    private UiContext ctx;
    private LessonLibraryViewModel library;
    private LessonPlayerViewModel player;
    private FitViewModel fit;
    private LessonPhotoViewModel photo;
    private LessonTabHook tabs;
    private final BooleanProperty panelShown = new SimpleBooleanProperty(this, "panelShown", true);
    private LessonPanel panel;
    private LessonListView list;
    private final List<String> extraFolders = new ArrayList<>();

    @Override
    public String id() {
        return ID;
    }

    @Override
    public int order() {
        return 50;
    }

    private void ensure(UiContext c) {
        this.ctx = c;
        if (player != null) {
            return;
        }
        ProgressStore store = ProgressStore.open();
        player = new LessonPlayerViewModel(c.scenario(), c.stepper(), store, c::showStatus);
        tabs = new LessonTabHook(player, () -> ctx);
        fit = new FitViewModel();
        photo = new LessonPhotoViewModel(c.executor());
        library = new LessonLibraryViewModel(c.parameters());
        panelShown.set(!library.noLessonAtStart() && (player.panelWasShown() || library.wantsLesson()));
        panelShown.addListener((o, a, b) -> player.rememberPanel(b));
        if (library.noLessonAtStart()) {
            c.afterNextFrame(() -> load(false));
        } else {
            // The lesson to open first, alone; every other lesson once the window has painted it.
            // The window's opening waits for it (its settings column comes after the lesson).
            Runnable opened = c.holdOpening();
            library.loadOpening(c.executor(), c.locale(), player.lastKey(), panelShown.get(), first -> {
                if (first != null) {
                    start(first, opened);
                } else {
                    opened.run();
                }
                ctx.afterNextFrame(() -> load(first == null, false));
            });
        }
    }

    private void load(boolean atStart) {
        load(atStart, true);
    }

    /**
     * Loads every lesson; then opens the start's lesson if {@code atStart}, else, if {@code reopen},
     * the open lesson again as loaded now (a reload, another language).
     */
    private void load(boolean atStart, boolean reopen) {
        library.load(ctx.executor(), ctx.locale(), lib -> {
            long bad = lib.problems().stream().filter(p -> !p.warning()).map(p -> p.file()).distinct().count();
            if (bad > 0) {
                ctx.showStatus(LessonText.get(ctx.locale(), "status.lesson.bad", bad));
            }
            if (atStart) {
                start();
            } else if (reopen && player.getLesson() != null) {
                Lesson same = lib.byKey(player.keyProperty().get());
                if (same != null) {
                    player.open(same, lib.keyOf(same));
                }
            }
        });
    }

    /** What the app opens with: the lesson asked for, else the last one, else the first. */
    private void start() {
        Lesson l = library.requested();
        if (l == null && panelShown.get()) {
            String last = player.lastKey();
            l = last == null ? null : library.byKey(last);
            if (l == null && !library.lessons().isEmpty()) {
                l = library.lessons().get(0);
            }
        }
        if (l != null) {
            start(l, () -> { });
        }
    }

    /** Opens {@code first} at start, once the last scenario is back; then runs {@code opened}. */
    private void start(Lesson first, Runnable opened) {
        // The user's own scenario, brought back from the autosave, stays: the lesson's state is one click away.
        ctx.whenScenarioRestored(kept -> {
            try {
                startNow(first, kept);
            } finally {
                opened.run();
            }
        });
    }

    private void startNow(Lesson first, boolean kept) {
        panelShown.set(true);
        player.open(first, library.keyOf(first), kept);
        if (!tabs.showsOtherTab()) {
            ctx.selectTab("stepper");
        }
        if (kept && player.divergedProperty().get()) {
            ctx.showStatus(org.convlens.ui.UiText.get(ctx.locale(), "status.autosave.kept"));
        }
    }

    /** Opens a lesson in the panel beside the stepper. */
    public void open(Lesson l) {
        panelShown.set(true);
        player.open(l, library.keyOf(l));
        if (!tabs.showsOtherTab()) {
            ctx.selectTab("stepper");
        }
    }

    private void nextLesson() {
        List<Lesson> all = library.lessons();
        int i = all.indexOf(player.getLesson());
        if (i >= 0 && i + 1 < all.size()) {
            open(all.get(i + 1));
        } else {
            showList();
        }
    }

    private void showList() {
        ctx.selectTab(ID);
    }

    private void setPanel(boolean shown) {
        if (shown == panelShown.get() && (shown == (player.getLesson() != null))) {
            return;
        }
        panelShown.set(shown);
        if (!shown) {
            player.close();
        } else if (player.getLesson() == null) {
            String last = player.lastKey();
            Lesson l = last == null ? null : library.byKey(last);
            if (l == null && !library.lessons().isEmpty()) {
                l = library.lessons().get(0);
            }
            if (l != null) {
                open(l);
            }
        }
    }

    // The window's parts

    @Override
    public String title(UiContext c) {
        return LessonText.get(c.locale(), "tab.lessons");
    }

    @Override
    public void fill(Tab t, UiContext c) {
        ensure(c);
        if (list != null) {
            list.dispose();
        }
        list = LessonListView.load(library, player, c.locale(), this::open, () -> load(false));
        t.setContent(list.root());
    }

    @Override
    public Node createSidePanel(UiContext c) {
        ensure(c);
        if (panel != null) {
            panel.dispose();
        }
        panel = LessonPanel.load(player, fit, photo, c.locale(), this::showList, () -> setPanel(false),
                this::nextLesson);
        StackPane side = new StackPane(panel.root());
        side.setId("lessonSide");
        side.visibleProperty().bind(panelShown);
        side.managedProperty().bind(panelShown);
        return side;
    }

    @Override
    public List<Menu> createMenus(UiContext c) {
        ensure(c);
        Locale l = c.locale();
        Menu m = new Menu(LessonText.get(l, "menu.lessons"));
        m.setId("lessonsMenu");
        MenuItem all = item(l, "menu.lessons.list", this::showList, null);
        Actions actions = c.actions();
        actions.on(Command.LESSON_PANEL, () -> setPanel(!panelShown.get()));
        actions.on(Command.LESSON_NEXT, player::next);
        actions.on(Command.LESSON_BACK, player::back);
        actions.on(Command.LESSON_HINT, player::showHint);
        actions.on(Command.LESSON_REVEAL, player::reveal);
        CheckMenuItem shown = new CheckMenuItem(LessonText.get(l, "menu.lessons.panel"));
        shown.setId("lessonPanelItem");
        shown.setSelected(panelShown.get());
        shown.setOnAction(e -> setPanel(shown.isSelected()));
        actions.showKey(shown, Command.LESSON_PANEL);
        panelShown.addListener((o, a, b) -> shown.setSelected(b));
        MenuItem next = item(l, "menu.lessons.next", actions, Command.LESSON_NEXT);
        MenuItem back = item(l, "menu.lessons.back", actions, Command.LESSON_BACK);
        MenuItem hint = item(l, "menu.lessons.hint", actions, Command.LESSON_HINT);
        MenuItem reveal = item(l, "menu.lessons.reveal", actions, Command.LESSON_REVEAL);
        CheckMenuItem teacher = new CheckMenuItem(LessonText.get(l, "menu.lessons.teacher"));
        teacher.setId("lessonTeacherItem");
        teacher.setSelected(player.modeProperty().get() == LessonPlayerViewModel.Mode.TEACHER);
        teacher.setOnAction(e -> player.modeProperty().set(teacher.isSelected()
                ? LessonPlayerViewModel.Mode.TEACHER : LessonPlayerViewModel.Mode.SELF_STUDY));
        player.modeProperty().addListener((o, a, b) -> teacher.setSelected(b == LessonPlayerViewModel.Mode.TEACHER));
        MenuItem restart = item(l, "menu.lessons.restart", player::restart, null);
        Menu open = new Menu(LessonText.get(l, "menu.lessons.open"));
        Runnable fill = () -> {
            open.getItems().clear();
            int n = 0;
            for (Lesson x : library.lessons()) {
                MenuItem it = new MenuItem((++n) + ". " + x.title().get(l));
                it.setOnAction(e -> open(x));
                open.getItems().add(it);
            }
        };
        fill.run();
        library.lessons().addListener((javafx.collections.ListChangeListener<Lesson>) ch -> fill.run());
        MenuItem reload = item(l, "menu.lessons.reload", () -> load(false), null);
        MenuItem folder = item(l, "menu.lessons.folder", this::chooseFolder, null);
        m.getItems().addAll(all, open, shown, new SeparatorMenuItem(), next, back, hint, reveal, teacher, restart,
                new SeparatorMenuItem(), folder, reload);
        return List.of(m);
    }

    private static MenuItem item(Locale l, String key, Runnable r, KeyCombination k) {
        MenuItem it = new MenuItem(LessonText.get(l, key));
        it.setId(key.replace('.', '-'));
        it.setOnAction(e -> r.run());
        return it;
    }

    /** A menu item running one of the window's commands, with the table's key. */
    private static MenuItem item(Locale l, String key, Actions actions, Command c) {
        MenuItem it = new MenuItem(LessonText.get(l, key));
        it.setId(key.replace('.', '-'));
        actions.bind(it, c);
        return it;
    }

    private void chooseFolder() {
        java.nio.file.Path f = ctx.picker().folder(LessonText.get(ctx.locale(), "menu.lessons.folder"));
        if (f != null) {
            library.addFolder(f);
            load(false);
        }
    }

    /** The player, for tests. */
    public LessonPlayerViewModel player() {
        return player;
    }

    public LessonLibraryViewModel library() {
        return library;
    }

    public FitViewModel fit() {
        return fit;
    }

    public BooleanProperty panelShownProperty() {
        return panelShown;
    }
}
