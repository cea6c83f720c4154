package dev.patchexplorer.ui.inference;

/** Which attention map the heatmap shows. */
public enum MapKind {
    /** Attention rollout of the class token through all layers (Abnar and Zuidema, 2020). */
    ROLLOUT("attention.kind.rollout"),
    /** What the class token attends to in one layer. */
    CLASS_TOKEN("attention.kind.classToken"),
    /** What the clicked patch attends to in one layer. */
    SELECTED_PATCH("attention.kind.selectedPatch");

    private final String messageKey;

    MapKind(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
