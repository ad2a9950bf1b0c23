package org.convlens.ui.network;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.convlens.engine.Activation;
import org.convlens.image.Samples;
import org.convlens.network.AxisReach;
import org.convlens.network.MapInfo;
import org.convlens.network.NetworkMaps;
import org.convlens.network.NetworkPlan;
import org.convlens.network.Region;
import org.convlens.spec.Problem;
import org.convlens.ui.Controls;
import org.convlens.ui.Views;
import org.convlens.ui.settings.LayerSettingsView;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Network tab's controller ({@code fxml/NetworkView.fxml}): binds the stack, the layer editor
 * (the stepper's own settings view), the input, the maps of every layer, the blocks and the summary
 * tables to a {@link NetworkViewModel}, and turns clicks on cells into traces. Binds and draws only.
 */
public final class NetworkView {
    private final NetworkViewModel vm;
    private final Locale locale;
    private Consumer<Problem> toStepper = p -> { };
    private final List<MapTiles> tiles = new ArrayList<>();

    @FXML private BorderPane root;
    @FXML private MenuButton presetButton;
    @FXML private MenuButton addButton;
    @FXML private ListView<LayerItem> layerList;
    @FXML private Button removeButton;
    @FXML private Button upButton;
    @FXML private Button downButton;
    @FXML private Button stepperButton;
    @FXML private Label layerError;
    @FXML private VBox editorHolder;
    @FXML private ComboBox<InputSource> sourceBox;
    @FXML private Spinner<Integer> inChannels;
    @FXML private Spinner<Integer> inHeight;
    @FXML private Spinner<Integer> inWidth;
    @FXML private BlocksView blocks;
    @FXML private Label traceLabel;
    @FXML private Label errorBanner;
    @FXML private VBox mapsBox;
    @FXML private Label summaryTitle;
    @FXML private TableView<SummaryRow> summary;
    @FXML private ComboBox<String> compareBox;
    @FXML private TableView<SummaryRow> compare;

    private NetworkView(NetworkViewModel vm, Locale locale) {
        this.vm = vm;
        this.locale = locale;
    }

    /** Loads the view for {@code vm}, texts in {@code locale}. */
    public static NetworkView load(NetworkViewModel vm, Locale locale) {
        NetworkView v = Views.<NetworkView>load("NetworkView", NetworkText.bundle(locale),
                c -> new NetworkView(vm, locale)).controller();
        v.root.getStylesheets().add(Views.css("NetworkView"));
        v.root.getProperties().put(NetworkViewModel.class, vm);
        return v;
    }

    public BorderPane root() {
        return root;
    }

    /** Where "open in the stepper" sends a layer's scenario (the main window's stepper). */
    public void setToStepper(Consumer<Problem> sink) {
        this.toStepper = sink;
    }

    private String text(String key, Object... args) {
        return NetworkText.get(locale, key, args);
    }

    @FXML
    private void initialize() {
        for (NetworkPresets.Preset p : NetworkPresets.all()) {
            MenuItem it = new MenuItem(text("network.preset." + p.id()));
            it.setId("network-preset-" + p.id());
            it.setOnAction(e -> vm.usePreset(p.id()));
            presetButton.getItems().add(it);
        }
        for (LayerItem.Kind k : LayerItem.Kind.values()) {
            MenuItem it = new MenuItem(text("network.kind." + k.id()));
            it.setId("network-add-" + k.id());
            it.setOnAction(e -> vm.add(k));
            addButton.getItems().add(it);
        }
        layerList.setItems(vm.layers());
        layerList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(LayerItem item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("layer-error");
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                int i = getIndex();
                NetworkPlan p = vm.planProperty().get();
                String out = p != null && i < p.layers().size() && !vm.numbersHiddenProperty().get()
                        ? " \u2192 " + times(p.layer(i).out().toString()) : "";
                setText((i + 1) + ". " + item.label(locale) + out);
                NetworkViewModel.LayerError e = vm.errorProperty().get();
                if (e != null && e.layer() == i) {
                    getStyleClass().add("layer-error");
                }
            }
        });
        layerList.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.selectedProperty().get()) {
                vm.selectedProperty().set(b);
            }
        });
        vm.selectedProperty().addListener((o, a, b) -> showEditor(b));
        showEditor(vm.selectedProperty().get());
        removeButton.disableProperty().bind(vm.selectedProperty().isNull());
        upButton.disableProperty().bind(vm.selectedProperty().isNull());
        downButton.disableProperty().bind(vm.selectedProperty().isNull());

        List<InputSource> sources = new ArrayList<>();
        for (String s : Samples.names()) {
            sources.add(InputSource.sample(s));
        }
        sources.add(InputSource.random(1));
        Controls.bindChoice(sourceBox, sources, vm.sourceProperty(),
                s -> s.given() != null ? text("network.input.given") : s.sample() == null ? text("network.input.random")
                        : text("network.input.photo", s.sample()));
        Controls.bindInt(inChannels, vm.inChannelsProperty(), 1, 64, () -> locale);
        Controls.bindInt(inHeight, vm.inHeightProperty(), 1, 512, () -> locale);
        Controls.bindInt(inWidth, vm.inWidthProperty(), 1, 512, () -> locale);

        List<String> compareChoices = new ArrayList<>();
        compareChoices.add("");
        NetworkPresets.all().forEach(p -> compareChoices.add(p.id()));
        Controls.bindChoice(compareBox, compareChoices, vm.compareWithProperty(),
                id -> id == null || id.isEmpty() ? text("network.compare.none") : text("network.preset." + id));
        columns(summary);
        columns(compare);
        vm.comparePlanProperty().addListener((o, a, p) -> compare.getItems().setAll(
                vm.numbersHiddenProperty().get() ? List.of() : NetworkViewModel.summary(p)));
        compare.getItems().setAll(NetworkViewModel.summary(vm.comparePlanProperty().get()));

        vm.mapsProperty().addListener((o, a, m) -> showMaps(m));
        vm.litProperty().addListener((o, a, b) -> showLit());
        vm.errorProperty().addListener((o, a, b) -> {
            layerList.refresh();
            showLayerError();
        });
        errorBanner.textProperty().bind(vm.errorText().property());
        errorBanner.visibleProperty().bind(errorBanner.textProperty().isNotEmpty());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        vm.numbersHiddenProperty().addListener((o, a, b) -> showMaps(vm.mapsProperty().get()));
        showMaps(vm.mapsProperty().get());
        showLayerError();
    }

    private void showLayerError() {
        NetworkViewModel.LayerError e = vm.errorProperty().get();
        layerError.setText(e == null ? "" : text("network.error.layer", e.layer() + 1, e.error().message(locale)));
        layerError.setVisible(e != null);
        layerError.setManaged(e != null);
    }

    private static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u2009');
    }

    private void columns(TableView<SummaryRow> t) {
        t.getColumns().clear();
        // Widths in proportion to what each column holds: a shape needs room, an index very little.
        t.getColumns().add(column(text("network.col.index"), 30, r -> r.index() == 0 ? "" : Integer.toString(r.index())));
        t.getColumns().add(column(text("network.col.layer"), 70, r -> r.index() == 0 ? text("network.total")
                : text("network.short." + r.type())));
        t.getColumns().add(column(text("network.col.shape"), 120, r -> times(r.shape())));
        t.getColumns().add(column(text("network.col.params"), 80, r -> grouped(r.params())));
        t.getColumns().add(column(text("network.col.macs"), 95, r -> grouped(r.macs())));
        t.getColumns().add(column(text("network.col.field"), 70, SummaryRow::fieldSize));
        t.getColumns().add(column(text("network.col.jump"), 55, SummaryRow::fieldJump));
        t.getColumns().add(column(text("network.col.start"), 75, SummaryRow::fieldStart));
        t.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        t.setPlaceholder(new Label(text(t == compare ? "network.compare.empty" : "network.summary.empty")));
    }

    /** {@code 6 x 28 x 28} as {@code 6 × 28 × 28}. */
    private static String times(String shape) {
        return shape.replace(" x ", " \u00d7 ");
    }

    private static TableColumn<SummaryRow, String> column(String title, double width, Function<SummaryRow, String> f) {
        TableColumn<SummaryRow, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 40));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** The editor of the selected layer: the stepper's settings view for conv and pool layers. */
    private void showEditor(LayerItem item) {
        if (item != null && layerList.getSelectionModel().getSelectedItem() != item) {
            layerList.getSelectionModel().select(item);
        }
        editorHolder.getChildren().clear();
        if (item == null) {
            return;
        }
        switch (item.kind()) {
            case CONV -> editorHolder.getChildren().add(
                    LayerSettingsView.load(item.settings(), vm.messagesOf(item), locale, "net-").root());
            case POOL -> editorHolder.getChildren().add(
                    LayerSettingsView.load(item.settings(), vm.messagesOf(item), locale, "net-").poolOnly().root());
            case ACTIVATION -> {
                ComboBox<Activation.Type> box = new ComboBox<>();
                box.setId("net-activation");
                Controls.bindChoice(box, List.of(Activation.Type.values()), item.settings().activationProperty(),
                        a -> org.convlens.ui.UiText.get(locale, "activation." + a.id()));
                editorHolder.getChildren().add(row(text("network.activation"), box));
            }
            case LINEAR -> {
                Spinner<Integer> out = new Spinner<>();
                out.setId("net-outFeatures");
                Controls.bindInt(out, item.outFeaturesProperty(), 1, 4096, () -> locale);
                ComboBox<Activation.Type> box = new ComboBox<>();
                box.setId("net-linearActivation");
                Controls.bindChoice(box, List.of(Activation.Type.values()), item.linearActivationProperty(),
                        a -> org.convlens.ui.UiText.get(locale, "activation." + a.id()));
                editorHolder.getChildren().addAll(row(text("network.outFeatures"), out),
                        row(text("network.activation"), box));
            }
            case FLATTEN -> {
                Label l = new Label(text("network.flatten.note"));
                l.setWrapText(true);
                editorHolder.getChildren().add(l);
            }
        }
        stepperButton.setDisable(item.kind() != LayerItem.Kind.CONV);
    }

    private static HBox row(String label, Node control) {
        HBox h = new HBox(6, new Label(label), control);
        h.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return h;
    }

    /** One block of small multiples per map, titled with its shape and field. */
    private void showMaps(NetworkMaps m) {
        NetworkPlan p = m == null ? null : m.plan();
        boolean hidden = vm.numbersHiddenProperty().get();
        blocks.setPlan(p);
        blocks.setLabelsShown(!hidden);
        layerList.refresh();
        mapsBox.getChildren().clear();
        tiles.clear();
        summary.setPlaceholder(new Label(text(hidden ? "network.hidden" : "network.summary.empty")));
        compare.setPlaceholder(new Label(text(hidden ? "network.hidden" : "network.compare.empty")));
        compare.getItems().setAll(hidden ? List.of() : NetworkViewModel.summary(vm.comparePlanProperty().get()));
        if (m == null) {
            summary.getItems().clear();
            return;
        }
        summaryTitle.setText(hidden ? text("network.hidden") : text("network.summary", grouped(p.parameters()),
                grouped(p.macs())));
        summary.getItems().setAll(hidden ? List.of() : NetworkViewModel.summary(p));
        for (MapInfo info : p.maps()) {
            Label title = new Label(mapTitle(p, info));
            title.getStyleClass().add("grid-title");
            MapTiles t = new MapTiles();
            t.setId("network-map-" + info.index());
            t.setMap(m.map(info.index()), info.shape().flat());
            int mi = info.index();
            t.setOnCell((cell, click) -> {
                NetworkViewModel.Cell c = new NetworkViewModel.Cell(mi, cell[0], cell[1], cell[2]);
                if (click) {
                    vm.pickedProperty().set(c.equals(vm.pickedProperty().get()) ? null : c);
                } else if (mi == 0) {
                    vm.pointedProperty().set(c);
                }
            });
            if (mi == 0) {
                t.setOnMouseExited(e -> vm.pointedProperty().set(null));
            }
            tiles.add(t);
            mapsBox.getChildren().add(new VBox(3, title, t));
        }
        showLit();
    }

    private String mapTitle(NetworkPlan p, MapInfo info) {
        if (vm.numbersHiddenProperty().get()) {
            return info.index() == 0 ? text("network.map.input") : text("network.map.layer", info.layer() + 1,
                    text("network.stage." + info.made().name().toLowerCase(Locale.ROOT)));
        }
        String what = info.index() == 0 ? text("network.map.input")
                : text("network.map.layer", info.layer() + 1, text("network.stage." + info.made().name()
                .toLowerCase(Locale.ROOT)));
        String field = info.field() == null || info.index() == 0 ? "" : "  \u00b7  " + text("network.map.field",
                info.field().rows().size() + " \u00d7 " + info.field().cols().size(),
                info.field().rows().jump() + " \u00d7 " + info.field().cols().jump());
        return what + ": " + times(info.shape().toString()) + field;
    }

    private void showLit() {
        List<Region> lit = vm.litProperty().get();
        NetworkViewModel.Cell picked = vm.pickedProperty().get();
        // While a lesson's question is open, the lit field would show its answer: only the cell is marked.
        boolean hidden = vm.numbersHiddenProperty().get();
        for (int m = 0; m < tiles.size(); m++) {
            Region r = m < lit.size() && !hidden ? lit.get(m) : null;
            int[] cell = picked != null && picked.map() == m ? new int[] {picked.channel(), picked.y(), picked.x()}
                    : null;
            tiles.get(m).setLit(r, cell);
        }
        blocks.setSelectedMap(picked == null ? -1 : picked.map());
        traceLabel.setText(traceText(lit, picked));
    }

    /** The numbers of a trace: the rectangle the cell reads in the input, its size, the gaps. */
    private String traceText(List<Region> lit, NetworkViewModel.Cell picked) {
        if (vm.numbersHiddenProperty().get()) {
            return text("network.hidden");
        }
        if (lit.isEmpty() || lit.get(0) == null) {
            return text("network.trace.hint");
        }
        Region in = lit.get(0);
        AxisReach rows = in.rows();
        AxisReach cols = in.cols();
        if (picked == null) {
            Region last = lit.get(lit.size() - 1);
            return text("network.trace.reach", last == null ? 0 : last.cellCount(), lit.size() - 1);
        }
        return text("network.trace.reads", picked.map(), picked.channel(), picked.y(), picked.x(),
                rows.lo(), rows.hi(), cols.lo(), cols.hi(), rows.size() + " \u00d7 " + cols.size(),
                in.cellCount(), rows.gaps() + cols.gaps());
    }

    @FXML
    private void remove() {
        vm.removeSelected();
    }

    @FXML
    private void up() {
        vm.move(-1);
    }

    @FXML
    private void down() {
        vm.move(1);
    }

    @FXML
    private void openInStepper() {
        LayerItem it = vm.selectedProperty().get();
        int i = vm.layers().indexOf(it);
        Problem p = vm.layerInStepper(i);
        if (p != null) {
            toStepper.accept(p);
        }
    }

    /** The map tiles of map {@code m} (for tests and tools). */
    public MapTiles tiles(int m) {
        return tiles.get(m);
    }
}
