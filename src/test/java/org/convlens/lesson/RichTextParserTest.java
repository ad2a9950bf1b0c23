package org.convlens.lesson;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RichTextParserTest {
    private final List<String> errors = new ArrayList<>();

    private RichText parse(String s) {
        return RichTextParser.parse(s, 10, (line, key, args) -> errors.add(line + " " + key));
    }

    private static RichText.Span span(RichText.Style st, String t) {
        return new RichText.Span(st, t);
    }

    @Test
    void paragraphsListsAndMarkers() {
        RichText t = parse("""
                A **kernel** slides;
                each *position* is `one` sum: $out = (n + 2p - k) / s + 1$.

                - first
                - second
                  continued
                1. one
                2. two""");
        assertEquals(List.of(), errors);
        assertEquals(3, t.blocks().size());
        assertEquals(List.of(span(RichText.Style.PLAIN, "A "), span(RichText.Style.STRONG, "kernel"),
                span(RichText.Style.PLAIN, " slides; each "), span(RichText.Style.EMPHASIS, "position"),
                span(RichText.Style.PLAIN, " is "), span(RichText.Style.CODE, "one"),
                span(RichText.Style.PLAIN, " sum: "), span(RichText.Style.MATH, "out = (n + 2p - k) / s + 1"),
                span(RichText.Style.PLAIN, ".")), t.blocks().get(0).items().get(0));
        assertEquals(RichText.BlockKind.BULLETS, t.blocks().get(1).kind());
        assertEquals("second continued", t.blocks().get(1).items().get(1).get(0).text());
        assertEquals(RichText.BlockKind.NUMBERED, t.blocks().get(2).kind());
        assertEquals("A kernel slides; each position is one sum: out = (n + 2p - k) / s + 1.\n\n- first\n"
                + "- second continued\n\n1. one\n2. two", t.plain());
    }

    @Test
    void starsInArithmeticStayStars() {
        RichText t = parse("3*12*9 + 12 = 336 and 2 * 3 = 6, math $3*12*9$");
        assertEquals(List.of(), errors);
        assertEquals("3*12*9 + 12 = 336 and 2 * 3 = 6, math 3*12*9", t.plain());
    }

    @Test
    void chineseLinesJoinWithoutASpace() {
        assertEquals("卷积核在输入上滑动。 It slides", parse("卷积核在输入\n上滑动。\nIt slides").plain());
    }

    @Test
    void markersWorkBetweenChineseCharacters() {
        RichText t = parse("数学家把这叫做**互相关**，把卷积核*原样*放上");
        assertEquals(List.of(), errors);
        assertEquals(List.of(span(RichText.Style.PLAIN, "数学家把这叫做"), span(RichText.Style.STRONG, "互相关"),
                span(RichText.Style.PLAIN, "，把卷积核"), span(RichText.Style.EMPHASIS, "原样"),
                span(RichText.Style.PLAIN, "放上")), t.blocks().get(0).items().get(0));
    }

    @Test
    void escapesMakeMarkersPlain() {
        assertEquals("costs \\$5 * and `x`".replace("\\$", "$"), parse("costs \\$5 \\* and \\`x\\`").plain());
        assertEquals(List.of(), errors);
    }

    @Test
    void unclosedMarkerIsReportedAtItsLine() {
        parse("fine\nthe *start\nand $x\n\n`code");
        assertEquals(List.of("11 error.text.unclosed", "12 error.text.unclosed", "14 error.text.unclosed"), errors);
    }
}
