package org.convlens.ui.lesson;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.convlens.lesson.RichText;

import java.util.List;

/**
 * Lesson narration as nodes: a paragraph is a {@link TextFlow} of styled {@link Text} runs
 * ({@code .rt-strong}, {@code .rt-emphasis}, {@code .rt-code}, {@code .rt-math}), a list is a
 * column of such paragraphs behind bullets or numbers. Styled by css/LessonPanel.css.
 */
public final class RichTextView extends VBox {
    public static final String DEFAULT_STYLE_CLASS = "rich-text";

    public RichTextView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        setSpacing(8);
        setFillWidth(true);
    }

    public RichTextView(RichText text) {
        this();
        setText(text);
    }

    /** Replaces what is shown. */
    public void setText(RichText text) {
        getChildren().clear();
        if (text == null) {
            return;
        }
        for (RichText.Block b : text.blocks()) {
            if (b.kind() == RichText.BlockKind.PARAGRAPH) {
                getChildren().add(flow(b.items().get(0)));
                continue;
            }
            VBox list = new VBox(4);
            list.getStyleClass().add("rt-list");
            for (int i = 0; i < b.items().size(); i++) {
                Label mark = new Label(b.kind() == RichText.BlockKind.BULLETS ? "\u2022" : (i + 1) + ".");
                mark.getStyleClass().add("rt-mark");
                mark.setMinWidth(22);
                TextFlow f = flow(b.items().get(i));
                HBox.setHgrow(f, Priority.ALWAYS);
                HBox row = new HBox(4, mark, f);
                row.setPadding(new Insets(0, 0, 0, 6));
                list.getChildren().add(row);
            }
            getChildren().add(list);
        }
    }

    private static TextFlow flow(List<RichText.Span> spans) {
        TextFlow f = new TextFlow();
        f.getStyleClass().add("rt-paragraph");
        for (RichText.Span s : spans) {
            f.getChildren().add(text(s));
        }
        return f;
    }

    private static Node text(RichText.Span s) {
        Text t = new Text(s.style() == RichText.Style.MATH ? math(s.text()) : s.text());
        t.getStyleClass().add("rt-text");
        switch (s.style()) {
            case STRONG -> t.getStyleClass().add("rt-strong");
            case EMPHASIS -> t.getStyleClass().add("rt-emphasis");
            case CODE -> t.getStyleClass().add("rt-code");
            case MATH -> t.getStyleClass().add("rt-math");
            default -> { }
        }
        return t;
    }

    /** Math as typed, with true minus signs and a centred dot for {@code *}. */
    static String math(String s) {
        return s.replace('-', '\u2212').replace('*', '\u00B7');
    }
}
