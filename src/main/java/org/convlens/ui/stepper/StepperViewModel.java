package org.convlens.ui.stepper;

import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import org.convlens.engine.ConvPlan;

import java.util.Locale;

/**
 * The stepper's state: one step index (and a term index for term-by-term pace) over the current
 * computation; everything shown is the {@link #frameProperty() frame} rendered from it. Playing
 * only advances the index ({@link #tick()}, called by a Timeline in the view), so playing,
 * stepping, scrubbing and jumping show a step the same way. No JavaFX nodes.
 */
public final class StepperViewModel {
    /** Playback speeds offered, in steps (or terms) per second. */
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 60;

    private final ScenarioViewModel scenario;

    // Properties
    private final IntegerProperty step = new SimpleIntegerProperty(this, "step", 0);
    private final IntegerProperty term = new SimpleIntegerProperty(this, "term", 0);
    private final BooleanProperty termPace = new SimpleBooleanProperty(this, "termPace", false);
    private final BooleanProperty playing = new SimpleBooleanProperty(this, "playing", false);
    private final DoubleProperty speed = new SimpleDoubleProperty(this, "speed", 2);
    private final BooleanProperty loop = new SimpleBooleanProperty(this, "loop", false);
    private final IntegerProperty pinnedSlice = new SimpleIntegerProperty(this, "pinnedSlice", -1);
    private final ObjectProperty<Link> hover = new SimpleObjectProperty<>(this, "hover");
    private final ObjectProperty<Link> pinnedLink = new SimpleObjectProperty<>(this, "pinnedLink");
    private final ObjectProperty<Marks> marks = new SimpleObjectProperty<>(this, "marks", Marks.NONE);
    private final ObjectProperty<Covers> covers = new SimpleObjectProperty<>(this, "covers", Covers.NONE);
    private final BooleanProperty quiz = new SimpleBooleanProperty(this, "quiz", false);
    private final Pen pen = new Pen();
    private final ReadOnlyIntegerWrapper totalSteps = new ReadOnlyIntegerWrapper(this, "totalSteps", 1);
    private final ReadOnlyObjectWrapper<Frame> frame = new ReadOnlyObjectWrapper<>(this, "frame");
    private final ReadOnlyObjectWrapper<ShapeInfo> shape = new ReadOnlyObjectWrapper<>(this, "shape");
    private final BooleanProperty allChannels = new SimpleBooleanProperty(this, "allChannels", false);
    private final ReadOnlyObjectWrapper<ChannelOverview> overview = new ReadOnlyObjectWrapper<>(this, "overview");
    private final BooleanBinding canGoBack;
    private final BooleanBinding canGoForward;
    private boolean moving;

    public StepperViewModel(ScenarioViewModel scenario) {
        this.scenario = scenario;
        Observable[] inputs = {step, term, termPace, pinnedSlice, hover, pinnedLink, marks, covers, quiz,
            allChannels, scenario.computationProperty(), scenario.localeProperty()};
        for (Observable o : inputs) {
            o.addListener(x -> refresh());
        }
        scenario.computationProperty().addListener((o, a, b) -> {
            if (a != null && b != null && a.plan().outChannels() != b.plan().outChannels()) {
                pinnedSlice.set(-1);
            }
            hover.set(null);
            pinnedLink.set(null);
        });
        canGoBack = Bindings.createBooleanBinding(() -> step.get() > 0 || (termPace.get() && term.get() > 0),
                step, term, termPace);
        canGoForward = Bindings.createBooleanBinding(() -> {
            Computation c = scenario.getComputation();
            int last = c.totalSteps() - 1;
            return step.get() < last || (termPace.get() && term.get() < c.termsIn(Math.min(step.get(), last)));
        }, step, term, termPace, scenario.computationProperty());
        scenario.computationProperty().addListener(o -> refreshShape());
        scenario.localeProperty().addListener(o -> refreshShape());
        refreshShape();
        refresh();
    }

    private void refreshShape() {
        Computation c = scenario.getComputation();
        if (c != null) {
            shape.set(ShapeInfo.of(c, scenario.localeProperty().get()));
        }
    }

    public ScenarioViewModel scenario() {
        return scenario;
    }

    // Properties (accessors)

    /** The current step, 0-based: convolution steps first, then pooling steps. */
    public IntegerProperty stepProperty() {
        return step;
    }

    public int getStep() {
        return step.get();
    }

    /** The term being read in term-by-term pace; the term count means the step is finished. */
    public IntegerProperty termProperty() {
        return term;
    }

    public BooleanProperty termPaceProperty() {
        return termPace;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Steps (or terms, in term-by-term pace) per second while playing. */
    public DoubleProperty speedProperty() {
        return speed;
    }

    /** Start again from the first step after the last while playing. */
    public BooleanProperty loopProperty() {
        return loop;
    }

    /** The kernel slice (input channel in the group) to show, or -1 to follow the step. */
    public IntegerProperty pinnedSliceProperty() {
        return pinnedSlice;
    }

    /** The cell under the mouse. */
    public ObjectProperty<Link> hoverProperty() {
        return hover;
    }

    /** The cell last clicked: its links stay lit while the mouse is elsewhere. */
    public ObjectProperty<Link> pinnedLinkProperty() {
        return pinnedLink;
    }

    /** Cells another part of the app points at (a lesson step), drawn marked in every frame. */
    public ObjectProperty<Marks> marksProperty() {
        return marks;
    }

    /**
     * What another part of the app keeps covered until it lifts it (a lesson's open question):
     * nothing the stepper does (a step, an edit, a new language) takes it away.
     */
    public ObjectProperty<Covers> coversProperty() {
        return covers;
    }

    /** Quiz the class: the output and the arithmetic covered until revealed ({@link #toggleQuiz()}). */
    public BooleanProperty quizProperty() {
        return quiz;
    }

    public ReadOnlyIntegerProperty totalStepsProperty() {
        return totalSteps.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Frame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public Frame getFrame() {
        return frame.get();
    }

    /** Output sizes, never-read rows and parameter counts of the current computation. */
    public ReadOnlyObjectProperty<ShapeInfo> shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    /** The all-channels overview is on (every input channel and kernel slice at once). */
    public BooleanProperty allChannelsProperty() {
        return allChannels;
    }

    /** The all-channels overview of the current frame while it is on, else null. */
    public ReadOnlyObjectProperty<ChannelOverview> overviewProperty() {
        return overview.getReadOnlyProperty();
    }

    /** Shows the kernel slice joining output channel {@code co} and input channel {@code ci}, at the same output cell. */
    public void showSlice(int co, int ci) {
        Computation c = scenario.getComputation();
        ConvPlan plan = c.plan();
        if (co < 0 || co >= plan.outChannels() || ci < 0 || ci >= plan.inChannels()
                || plan.groupOf(co) != ci / plan.inPerGroup()) {
            return;
        }
        Frame f = getFrame();
        pinnedSlice.set(ci % plan.inPerGroup());
        if (f != null && f.outChannel() != co) {
            int oy = f.convStep() != null ? f.convStep().outY() : 0;
            int ox = f.convStep() != null ? f.convStep().outX() : 0;
            jumpToOutput(co, oy, ox);
        }
    }

    public BooleanBinding canGoBackProperty() {
        return canGoBack;
    }

    public BooleanBinding canGoForwardProperty() {
        return canGoForward;
    }

    // Commands

    /** One term forward in term-by-term pace, else one step. */
    public void forward() {
        Computation c = scenario.getComputation();
        int last = c.totalSteps() - 1;
        if (termPace.get()) {
            int terms = c.termsIn(step.get());
            if (term.get() < terms) {
                go(step.get(), term.get() + 1);
            } else if (step.get() < last) {
                go(step.get() + 1, 0);
            }
        } else if (step.get() < last) {
            go(step.get() + 1, 0);
        }
    }

    /** One term back in term-by-term pace, else one step. */
    public void back() {
        Computation c = scenario.getComputation();
        if (termPace.get()) {
            if (term.get() > 0) {
                go(step.get(), term.get() - 1);
            } else if (step.get() > 0) {
                go(step.get() - 1, c.termsIn(step.get() - 1));
            }
        } else if (step.get() > 0) {
            go(step.get() - 1, 0);
        }
    }

    /** A whole step forward whatever the pace (to the step's start in term-by-term pace). */
    public void forwardStep() {
        jumpTo(step.get() + 1);
    }

    public void backStep() {
        jumpTo(step.get() - 1);
    }

    public void first() {
        go(0, 0);
    }

    /** The last step, finished. */
    public void last() {
        Computation c = scenario.getComputation();
        int l = c.totalSteps() - 1;
        go(l, c.termsIn(l));
    }

    /** Step {@code i} (clamped), from its first term. */
    public void jumpTo(int i) {
        Computation c = scenario.getComputation();
        go(Math.max(0, Math.min(i, c.totalSteps() - 1)), 0);
    }

    /** Shows output cell (co, oy, ox) being computed: jumps to its step. */
    public void jumpToOutput(int co, int oy, int ox) {
        Computation c = scenario.getComputation();
        jumpTo((co * c.plan().outHeight() + oy) * c.plan().outWidth() + ox);
    }

    public void togglePlay() {
        if (!playing.get() && !canGoForward.get()) {
            first();
        }
        playing.set(!playing.get());
    }

    /** What the playback timer calls: one position forward; stops (or loops) at the end. */
    public void tick() {
        if (!playing.get()) {
            return;
        }
        if (canGoForward.get()) {
            forward();
        } else if (loop.get()) {
            first();
        } else {
            playing.set(false);
        }
    }

    /** The teacher's pen over the grids (its strokes are not part of the scenario). */
    public Pen pen() {
        return pen;
    }

    /** Covers the output and the sum for the class to predict, or reveals them. */
    public void toggleQuiz() {
        quiz.set(!quiz.get());
    }

    /** What the quiz covers. */
    public static final Covers QUIZ = Covers.of(java.util.EnumSet.of(Covers.Panel.OUTPUT, Covers.Panel.POOLED,
            Covers.Panel.SUM));

    public void faster() {
        speed.set(Math.min(MAX_SPEED, speed.get() * 2));
    }

    public void slower() {
        speed.set(Math.max(MIN_SPEED, speed.get() / 2));
    }

    private void go(int s, int t) {
        moving = true;
        try {
            step.set(s);
            term.set(t);
        } finally {
            moving = false;
        }
        refresh();
    }

    private void refresh() {
        if (moving) {
            return;
        }
        Computation c = scenario.getComputation();
        if (c == null) {
            return;
        }
        totalSteps.set(c.totalSteps());
        int s = Math.max(0, Math.min(step.get(), c.totalSteps() - 1));
        int terms = c.termsIn(s);
        int t = Math.max(0, Math.min(term.get(), terms));
        if (s != step.get() || t != term.get()) {
            go(s, t);
            return;
        }
        Link link = hover.get() != null ? hover.get() : pinnedLink.get();
        Locale locale = scenario.localeProperty().get();
        Frame f = FrameRenderer.render(c, s, t, termPace.get(), pinnedSlice.get(), link, locale);
        f = marks.get() == null ? f : marks.get().apply(f, c);
        Covers cover = covers.get() == null ? Covers.NONE : covers.get();
        if (quiz.get()) {
            cover = cover.union(QUIZ);
        }
        frame.set(cover.apply(f, c));
        overview.set(allChannels.get() ? ChannelOverview.of(c, frame.get(), locale) : null);
    }
}
