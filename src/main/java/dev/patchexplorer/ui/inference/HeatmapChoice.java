package dev.patchexplorer.ui.inference;

import dev.patchexplorer.model.CnnModel;
import dev.patchexplorer.model.ViTModel;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;

/**
 * The attention heatmap and the gradient map (effective RF, saliency) cover the same pixels, so
 * only one is drawn at a time: showing one hides the other, and touching a pane's map settings
 * shows that pane's map (the pane used last wins). Loading a model picks the natural default:
 * attention for a ViT, the gradient map for a CNN (which has no attention).
 */
public final class HeatmapChoice {
    private HeatmapChoice() {}

    public static void link(AttentionJob attention, ReceptiveFieldJob gradients) {
        BooleanProperty showAttention = attention.showHeatmapProperty();
        BooleanProperty showGradient = gradients.showMapProperty();
        showAttention.addListener((o, was, now) -> {
            if (now) showGradient.set(false);
        });
        showGradient.addListener((o, was, now) -> {
            if (now) showAttention.set(false);
        });
        for (Observable o : new Observable[] {attention.mapKindProperty(), attention.layerProperty(), attention.headProperty(),
                attention.colorMapProperty(), attention.opacityProperty()}) {
            o.addListener(x -> showAttention.set(true));
        }
        for (Observable o : new Observable[] {gradients.mapKindProperty(), gradients.colorMapProperty(), gradients.opacityProperty()}) {
            o.addListener(x -> showGradient.set(true));
        }
        attention.models().loadedProperty().addListener((o, was, now) -> {
            if (now instanceof ViTModel) showAttention.set(true);
            if (now instanceof CnnModel) showGradient.set(true);
        });
        if (showAttention.get()) showGradient.set(false);
    }
}
