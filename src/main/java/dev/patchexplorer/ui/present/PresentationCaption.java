package dev.patchexplorer.ui.present;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import dev.patchexplorer.ui.inference.ModelViewModel;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;

/**
 * The line a projector audience reads from the back of the room: image · model · patch · tokens ·
 * GMACs. The model is the loaded checkpoint, else the architecture the readouts estimate for.
 */
public final class PresentationCaption extends Label {
    public PresentationCaption(ExplorerViewModel model, ModelViewModel models) {
        setId("presentation-caption");
        getStyleClass().add("presentation-caption");
        setWrapText(true);
        setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // two lines rather than "..." on a narrow screen
        textProperty().bind(Bindings.createStringBinding(() -> text(model, models),
                model.imageProperty(), model.patchProperty(), model.tradeOffsProperty(), model.architectureProperty(),
                models.loadedProperty()));
    }

    static String text(ExplorerViewModel model, ModelViewModel models) {
        String image = model.getImage() == null ? Messages.get("presentation.noImage") : model.getImage().name();
        String name = models.getLoaded() != null ? models.getLoaded().config().architecture()
                : model.architectureProperty().get() == null ? "" : model.architectureProperty().get().name();
        TradeOffs t = model.getTradeOffs();
        if (t == null) return Messages.format("presentation.caption.noGrid", image, name, model.getPatch());
        return Messages.format("presentation.caption", image, name, model.getPatch(), t.patchTokens(), Units.giga(t.totalMacs()));
    }
}
