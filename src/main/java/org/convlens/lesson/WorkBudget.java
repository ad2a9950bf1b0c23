package org.convlens.lesson;

/**
 * What checking one lesson may cost: every run of the engine while loading (a step's state, a
 * choice option's state, a training demonstration's iterations) is estimated from its plan and
 * charged here <em>before</em> it runs. A lesson that would go over is refused at the line that
 * took it over, so a small file asking for hours of work ({@code fit} with 5000 iterations on
 * 1000 x 1000) never blocks loading the others.
 *
 * <p>The unit is a multiply-add, plus one per value read or written (a run over a large grid
 * with a 1 x 1 kernel still costs its memory traffic). {@link #LESSON} is one or two seconds of
 * the engine on a 2-core machine; the costliest shipped lesson uses a five-hundredth of it.
 */
final class WorkBudget {
    /** Work one lesson may take to load. */
    static final long LESSON = 1L << 29;

    /** Thrown when a charge would go over the budget; the reader stops at once. */
    static final class Exceeded extends RuntimeException {
        private final int line;
        private final long wanted;

        Exceeded(int line, long wanted) {
            super(null, null, false, false);
            this.line = line;
            this.wanted = wanted;
        }

        int line() {
            return line;
        }

        long wanted() {
            return wanted;
        }
    }

    private final long limit;
    private long spent;

    WorkBudget(long limit) {
        this.limit = limit;
    }

    /**
     * Takes {@code work} from the budget.
     *
     * @param line the line of what asks for it, for the message
     * @throws Exceeded if the budget does not cover it (nothing is taken)
     */
    void charge(long work, int line) {
        long total = work < 0 || spent > Long.MAX_VALUE - work ? Long.MAX_VALUE : spent + work;
        if (total > limit) {
            throw new Exceeded(line, total);
        }
        spent = total;
    }

    long spent() {
        return spent;
    }

    long limit() {
        return limit;
    }

    /** {@code a * b}, or {@link Long#MAX_VALUE} if that does not fit (all factors are sizes, never negative). */
    static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }

    /** {@code a + b}, saturating. */
    static long plus(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }
}
