package org.convlens.lesson;

import java.util.ArrayList;
import java.util.List;

/**
 * Narration with the little formatting a lesson needs: paragraphs, bullet and numbered lists, and
 * inside them {@code *emphasis*}, {@code **strong**}, {@code `code`} and {@code $inline math$}.
 * Immutable; made by {@link RichTextParser}.
 *
 * @param blocks paragraphs and lists in order
 */
public record RichText(List<Block> blocks) {
    /** An empty text. */
    public static final RichText EMPTY = new RichText(List.of());

    public RichText {
        blocks = List.copyOf(blocks);
    }

    /** How a run of characters is shown. */
    public enum Style {
        PLAIN, EMPHASIS, STRONG, CODE, MATH
    }

    /**
     * A run of characters in one style.
     *
     * @param style how to show it
     * @param text the characters, markers removed
     */
    public record Span(Style style, String text) {
    }

    /** What kind of block. */
    public enum BlockKind {
        PARAGRAPH, BULLETS, NUMBERED
    }

    /**
     * A paragraph (one item) or a list (one item per entry).
     *
     * @param kind paragraph or list
     * @param items the spans of each item
     */
    public record Block(BlockKind kind, List<List<Span>> items) {
        public Block {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The text without formatting: paragraphs separated by blank lines, list items as
     * "- item" or "1. item" lines. Used for tooltips, tests and plain output.
     */
    public String plain() {
        StringBuilder sb = new StringBuilder();
        for (Block b : blocks) {
            if (sb.length() > 0) {
                sb.append("\n\n");
            }
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < b.items().size(); i++) {
                StringBuilder item = new StringBuilder();
                switch (b.kind()) {
                    case BULLETS -> item.append("- ");
                    case NUMBERED -> item.append(i + 1).append(". ");
                    default -> { }
                }
                for (Span s : b.items().get(i)) {
                    item.append(s.text());
                }
                lines.add(item.toString());
            }
            sb.append(String.join("\n", lines));
        }
        return sb.toString();
    }
}
