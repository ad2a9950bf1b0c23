package org.convlens.ui.archfake;

/** A helper that holds a node: what a view-model must not reach. */
class FakeFrame {
    private final javafx.scene.control.Label label = null;

    String title() {
        System.out.println("printing outside the command line");
        return label == null ? "" : label.getText();
    }
}
