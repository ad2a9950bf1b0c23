package org.convlens.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;
import org.convlens.spec.Numbers;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Binding helpers shared by views: spinners and combo boxes to view-model properties, typed
 * values checked as they are typed, and a message label under a setting that shows only when
 * there is something to say.
 */
public final class Controls {
    /** Set on a control whose typed text cannot be used. */
    public static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private Controls() {
    }

    /**
     * Binds an editable integer spinner to {@code p} within [min, max]. Typed text is taken as it
     * is typed; text that is not a whole number in range marks the spinner invalid and puts a
     * message in the returned property (empty when fine).
     */
    public static StringProperty bindInt(Spinner<Integer> s, IntegerProperty p, int min, int max,
                                         Supplier<Locale> locale) {
        StringProperty message = new SimpleStringProperty("");
        // A value loaded from elsewhere (a spec file, a lesson) may lie past the range offered for
        // editing: the range widens to hold it rather than clamping it and changing the scenario.
        SpinnerValueFactory.IntegerSpinnerValueFactory f = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                Math.min(min, p.get()), Math.max(max, p.get()), p.get());
        // The spinner commits its text itself when it loses the focus: text that is not a whole
        // number keeps the value it had (and the message says why) instead of throwing.
        f.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : String.valueOf(v);
            }

            @Override
            public Integer fromString(String text) {
                Integer v = Numbers.parseWhole(text);
                return v == null ? f.getValue() : v;
            }
        });
        s.setValueFactory(f);
        s.setEditable(true);
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                p.set(b);
            }
        });
        p.addListener((o, a, b) -> {
            int v = b.intValue();
            if (f.getValue() == null || f.getValue() != v) {
                f.setMin(Math.min(min, v));
                f.setMax(Math.max(max, v));
                f.setValue(v);
            }
        });
        TextField editor = s.getEditor();
        editor.textProperty().addListener((o, a, text) -> {
            String t = text.trim();
            Integer v = Numbers.parseWhole(t);
            if (v != null && v >= f.getMin() && v <= f.getMax()) {
                s.pseudoClassStateChanged(INVALID, false);
                message.set("");
                if (!v.equals(f.getValue())) {
                    f.setValue(v);
                }
            } else {
                s.pseudoClassStateChanged(INVALID, true);
                message.set(UiText.get(locale.get(), "error.wholeNumber", t, f.getMin(), f.getMax()));
            }
        });
        editor.focusedProperty().addListener((o, was, is) -> {
            if (!is && !message.get().isEmpty()) {
                editor.setText(String.valueOf(f.getValue()));
            }
        });
        return message;
    }

    /** A combo box choosing among {@code values}, bound both ways to {@code p}, items named by {@code name}. */
    public static <T> void bindChoice(ComboBox<T> box, List<T> values, ObjectProperty<T> p, Function<T, String> name) {
        box.getItems().setAll(values);
        StringConverter<T> conv = new StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : name.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
        box.setConverter(conv);
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : name.apply(item));
            }
        });
        box.setValue(p.get());
        box.valueProperty().addListener((o, a, b) -> {
            if (b != null && b != p.get()) {
                p.set(b);
            }
        });
        p.addListener((o, a, b) -> box.setValue(b));
    }

    /**
     * Shows the first non-empty of {@code messages} in {@code label}, hiding the label (and the
     * space it takes) when all are empty.
     */
    @SafeVarargs
    public static void showMessages(Label label, ObservableValue<String>... messages) {
        StringExpression text = Bindings.createStringBinding(() -> {
            for (ObservableValue<String> m : messages) {
                String v = m.getValue();
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return "";
        }, messages);
        label.textProperty().bind(text);
        label.visibleProperty().bind(text.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    /**
     * Turns off the bitmap that ScrollPane's skin keeps of its viewport, now and for any later
     * skin: with content that changes often, the software renderer re-rendered the whole content
     * into it and drew it whole again on every change (the stepper's grids every frame, measured
     * with --measure-fps; the Photos tab's settings, some 240 nodes and 20 ms of painting, on each
     * typed kernel value, while the run of that edit wanted the same two cores).
     */
    public static void uncacheViewport(ScrollPane sp) {
        Runnable off = () -> {
            if (sp.getSkin() != null) {
                for (Node n : sp.lookupAll(".viewport")) {
                    n.setCache(false);
                }
            }
        };
        sp.skinProperty().addListener((o, a, b) -> off.run());
        off.run();
    }
}
