package dev.patchexplorer.ui.views.compare;

import dev.patchexplorer.core.classify.Prediction;
import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.ui.Messages;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The readouts of panes A and B in two columns (tokens, compute, attention memory, top-1 and the
 * top-5), then how far the two predictions agree. Each value is a label with id
 * {@code compare-<row>-a} / {@code -b}; agreement rows have one value.
 */
final class CompareTable extends GridPane {
    static final String NONE = "\u2014";
    private final Map<String, Label> values = new HashMap<>();
    private int row;

    CompareTable() {
        setId("compare-table");
        getStyleClass().add("compare-table");
        setHgap(10);
        setVgap(4);
        ColumnConstraints names = new ColumnConstraints();
        ColumnConstraints a = new ColumnConstraints();
        ColumnConstraints b = new ColumnConstraints();
        a.setHgrow(Priority.ALWAYS);
        b.setHgrow(Priority.ALWAYS);
        a.setPercentWidth(36);
        b.setPercentWidth(36);
        getColumnConstraints().addAll(names, a, b);
        add(header(""), 0, row);
        add(header("A"), 1, row);
        add(header("B"), 2, row++);
        pair("model", "compare.row.model");
        pair("tokens", "readout.tokens");
        pair("gmacs", "compare.row.gmacs");
        pair("memory", "readout.attentionAll");
        pair("top1", "compare.row.top1");
        single("same-top1", "compare.row.sameTop1");
        single("top5-overlap", "compare.row.top5Overlap");
        single("kl", "compare.row.kl");
        Label top5 = header(Messages.get("attention.predictions"));
        add(top5, 0, row++, 3, 1);
        for (int i = 0; i < 5; i++) {
            add(new Label(String.valueOf(i + 1)), 0, row);
            add(value("top5-a-" + i), 1, row);
            add(value("top5-b-" + i), 2, row++);
        }
    }

    private static Label header(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("readout-name");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }

    private void pair(String id, String nameKey) {
        add(name(nameKey), 0, row);
        add(value(id + "-a"), 1, row);
        add(value(id + "-b"), 2, row++);
    }

    private void single(String id, String nameKey) {
        add(name(nameKey), 0, row);
        add(value(id), 1, row++, 2, 1);
    }

    private static Label name(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("readout-name");
        l.setWrapText(true);
        return l;
    }

    private Label value(String id) {
        Label l = new Label(NONE);
        l.setId("compare-" + id);
        l.getStyleClass().add("readout-value");
        l.setWrapText(true);
        GridPane.setHalignment(l, HPos.LEFT);
        values.put(id, l);
        return l;
    }

    void show(Comparison c) {
        both("tokens", c, t -> Units.count(t.patchTokens()));
        both("gmacs", c, t -> Messages.format("readout.gmacs.value", Units.giga(t.totalMacs())));
        both("memory", c, t -> Units.bytes(t.attentionBytesAllLayers()));
        set("top1-a", c.topA().isEmpty() ? NONE : prediction(c.topA().get(0)));
        set("top1-b", c.topB().isEmpty() ? NONE : prediction(c.topB().get(0)));
        set("same-top1", c.top1Same() == null ? NONE : Messages.get(c.top1Same() ? "compare.yes" : "compare.no"));
        set("top5-overlap", c.top5Overlap() < 0 ? NONE : Messages.format("compare.overlap.value", c.top5Overlap()));
        set("model-a", c.modelA() == null ? NONE : c.modelA());
        set("model-b", c.modelB() == null ? NONE : c.modelB());
        set("kl", Double.isNaN(c.kl()) ? NONE : Messages.format("compare.kl.value", String.format(Locale.ROOT, "%.3f", c.kl())));
        // a dash alone would read as "not computed yet"
        values.get("kl").setTooltip(c.classesDiffer() ? new Tooltip(Messages.get("compare.kl.classesDiffer")) : null);
        for (int i = 0; i < 5; i++) {
            set("top5-a-" + i, i < c.topA().size() ? prediction(c.topA().get(i)) : NONE);
            set("top5-b-" + i, i < c.topB().size() ? prediction(c.topB().get(i)) : NONE);
        }
    }

    private void both(String id, Comparison c, Function<TradeOffs, String> format) {
        set(id + "-a", c.a() == null ? NONE : format.apply(c.a()));
        set(id + "-b", c.b() == null ? NONE : format.apply(c.b()));
    }

    /** "label  63.2 %", the probability as the Attention view's top-5 writes it. */
    static String prediction(Prediction p) {
        return p.label() + "  " + Messages.format("attention.probability",
                String.format(Locale.ROOT, "%.1f", 100 * p.probability()));
    }

    private void set(String id, String text) {
        values.get(id).setText(text);
    }

    /** For tests: the tooltip shown for {@code id}, or null. */
    String tip(String id) {
        Tooltip t = values.get(id).getTooltip();
        return t == null ? null : t.getText();
    }

    /** For tests: the text shown for {@code id} (without the "compare-" prefix). */
    String text(String id) {
        return values.get(id).getText();
    }

    List<String> ids() {
        return List.copyOf(values.keySet());
    }
}
