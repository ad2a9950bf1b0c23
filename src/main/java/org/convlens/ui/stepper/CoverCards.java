package org.convlens.ui.stepper;

import javafx.beans.InvalidationListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The cards the stepper lays over covered panels ({@link Covers}): each card lives in the same
 * parent as the panel it hides, outside the layout, kept on the panel's bounds, so it moves,
 * scrolls and clips with it and covers nothing else. A covered panel is made invisible under its
 * card (no colours showing through, no tooltips, no clicks) and keeps its place in the layout.
 */
final class CoverCards {
    /** Style class of a card; {@code small} is added for one over a line of text. */
    static final String STYLE = "stepper-cover";

    private record Card(Node target, Label label) {
    }

    private final Map<Covers.Panel, List<Card>> cards = new EnumMap<>(Covers.Panel.class);
    /** Whether a panel's node is part of the stepper now (the pooled map without pooling is not). */
    private final Predicate<Node> present;

    /** @param present whether a target node is shown at all at the moment (covered or not) */
    CoverCards(Predicate<Node> present) {
        this.present = present;
    }

    /** Adds a card over {@code target} for {@code panel}; {@code small} for a card over one line of text. */
    void add(Covers.Panel panel, Node target, boolean small) {
        if (!(target.getParent() instanceof Pane parent)) {
            throw new IllegalStateException("a covered node needs a pane as parent: " + target.getId());
        }
        Label card = new Label(Covers.HIDDEN_TEXT);
        card.getStyleClass().add(STYLE);
        if (small) {
            card.getStyleClass().add("small");
        }
        card.setId("cover-" + target.getId());
        card.setManaged(false);
        card.setVisible(false);
        card.setFocusTraversable(false);
        // last among the parent's children: drawn over the panel
        parent.getChildren().add(card);
        InvalidationListener place = o -> place(target, card);
        target.boundsInParentProperty().addListener(place);
        place(target, card);
        cards.computeIfAbsent(panel, p -> new java.util.ArrayList<>()).add(new Card(target, card));
    }

    private static void place(Node target, Label card) {
        Bounds b = target.getBoundsInParent();
        card.resizeRelocate(b.getMinX(), b.getMinY(), Math.max(0, b.getWidth()), Math.max(0, b.getHeight()));
    }

    /** Shows the cards of what {@code f} covers and hides the others; covered panels are made invisible. */
    void show(Frame f) {
        for (Map.Entry<Covers.Panel, List<Card>> e : cards.entrySet()) {
            boolean covered = f != null && f.covered(e.getKey());
            for (Card c : e.getValue()) {
                boolean here = present.test(c.target());
                c.label().setVisible(covered && here);
                if (here) {
                    c.target().setVisible(!covered);
                }
                if (covered) {
                    place(c.target(), c.label());
                }
            }
        }
    }

    /** The card over {@code target} if it is shown (for tests and the pen). */
    Label cardOver(Node target) {
        for (List<Card> l : cards.values()) {
            for (Card c : l) {
                if (c.target() == target) {
                    return c.label();
                }
            }
        }
        return null;
    }
}
