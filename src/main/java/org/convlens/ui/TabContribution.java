package org.convlens.ui;

import javafx.scene.control.Menu;
import javafx.scene.control.Tab;

import java.util.List;

/**
 * A tab (and optionally menus) another part of ConvLens adds to the main window, such as photos
 * or lessons. The window makes the tab with its {@link #title} and calls {@link #fill} when the
 * tab is first shown, and again after each language switch (the window is rebuilt with the new
 * texts), so a contribution keeps its state in its own view-model and makes fresh nodes each time.
 *
 * <p>Register one either by listing its class in
 * {@code META-INF/services/org.convlens.ui.TabContribution} (found with {@link java.util.ServiceLoader};
 * it needs a public no-argument constructor), or by calling {@link Shell#addContribution}.
 */
public interface TabContribution {
    /** A stable id, e.g. {@code "photos"}; {@link UiContext#selectTab(String)} selects by it. */
    String id();

    /** Where the tab goes: lower first. The stepper is 0. */
    default int order() {
        return 100;
    }

    /** The tab's title, in {@link UiContext#locale()}. */
    String title(UiContext context);

    /**
     * Puts the tab's content (and whatever listens to it) into {@code tab}, with its texts in
     * {@link UiContext#locale()}. The window calls it the first time the tab is shown, so a tab
     * nobody opens costs nothing at start, and again after a language switch if it had been shown
     * (the window is rebuilt with the new texts: keep state in your view-model).
     */
    void fill(Tab tab, UiContext context);

    /**
     * A panel beside the tabs (at the window's right), shown whichever tab is selected, such as a
     * lesson beside the stepper; none by default. Made afresh at every rebuild, like the tab.
     */
    default javafx.scene.Node createSidePanel(UiContext context) {
        return null;
    }

    /**
     * Shows {@code what}, which another part of the window asked for through
     * {@link UiContext#show(String, Object)} (the tab is selected, and filled, first).
     *
     * @return false if this tab does not show that kind of thing (the default)
     */
    default boolean show(Object what, UiContext context) {
        return false;
    }

    /** Menus to add to the menu bar (between View and Help); none by default. */
    default List<Menu> createMenus(UiContext context) {
        return List.of();
    }
}
