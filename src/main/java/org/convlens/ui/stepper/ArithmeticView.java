package org.convlens.ui.stepper;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The current step's arithmetic: one wrapping line per input channel (each product lit as it is
 * read), the sum, the bias, the activation and the output value. Labels are reused from frame to
 * frame, so playback at 60 steps a second does not churn the scene graph.
 */
public class ArithmeticView extends VBox {
    private static final PseudoClass READ = PseudoClass.getPseudoClass("read");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FUTURE = PseudoClass.getPseudoClass("future");
    private static final PseudoClass CHOSEN = PseudoClass.getPseudoClass("chosen");

    private final List<FlowPane> lines = new ArrayList<>();
    private List<List<Token>> shown = List.of();

    public ArithmeticView() {
        getStyleClass().add("arithmetic");
        setSpacing(4);
    }

    /** Shows these lines of tokens. */
    public void setLines(List<List<Token>> tokens) {
        if (tokens.equals(shown)) {
            return;
        }
        shown = tokens;
        while (lines.size() < tokens.size()) {
            FlowPane f = new FlowPane();
            f.getStyleClass().add("arithmetic-line");
            lines.add(f);
        }
        getChildren().setAll(lines.subList(0, tokens.size()));
        for (int i = 0; i < tokens.size(); i++) {
            fill(lines.get(i), tokens.get(i));
        }
    }

    public List<List<Token>> getLines() {
        return shown;
    }

    private static void fill(FlowPane pane, List<Token> tokens) {
        List<javafx.scene.Node> kids = pane.getChildren();
        while (kids.size() > tokens.size()) {
            kids.remove(kids.size() - 1);
        }
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            Label l;
            if (i < kids.size()) {
                l = (Label) kids.get(i);
            } else {
                l = new Label();
                kids.add(l);
            }
            l.setText(t.text());
            String role = "token-" + t.role().name().toLowerCase(Locale.ROOT);
            if (l.getStyleClass().size() != 3 || !l.getStyleClass().get(2).equals(role)) {
                l.getStyleClass().setAll("label", "token", role);
            }
            l.pseudoClassStateChanged(READ, t.state() == Token.State.READ);
            l.pseudoClassStateChanged(CURRENT, t.state() == Token.State.CURRENT);
            l.pseudoClassStateChanged(FUTURE, t.state() == Token.State.FUTURE);
            l.pseudoClassStateChanged(CHOSEN, t.state() == Token.State.CHOSEN);
        }
    }
}
