package org.convlens.ui.archfake;

/** Breaks the view-model rule on purpose, through a helper: ArchitectureTest checks that the rule sees it. */
public class FakeViewModel {
    private final FakeFrame frame = new FakeFrame();

    public String title() {
        return frame.title();
    }
}
