package org.convlens.ui.stepper;

/**
 * One piece of a step's arithmetic as the window shows it.
 *
 * @param role what the piece is
 * @param text its text, numbers with a true minus sign
 * @param state how it is lit
 * @param term the term index it belongs to (for linking to the grids), or -1
 */
public record Token(Role role, String text, State state, int term) {
    /** What a token is. */
    public enum Role {
        /** A label such as "in 0:". */
        LABEL,
        /** value x weight, or a pooled cell's value. */
        TERM,
        /** +, =, (, ) and so on. */
        OPERATOR,
        /** An intermediate value (partial sum, sum, sum + bias). */
        VALUE,
        /** The value written to the output. */
        RESULT
    }

    /** How a token is lit. */
    public enum State {
        NORMAL,
        /** Already read (term-by-term pace). */
        READ,
        /** Being read now. */
        CURRENT,
        /** Not reached yet (term-by-term pace): shown faint. */
        FUTURE,
        /** The value a max pool chose. */
        CHOSEN
    }

    static Token label(String t) {
        return new Token(Role.LABEL, t, State.NORMAL, -1);
    }

    static Token op(String t) {
        return new Token(Role.OPERATOR, t, State.NORMAL, -1);
    }
}
