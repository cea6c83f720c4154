package dev.patchexplorer.ui.inference;

/** Which input-gradient map the receptive-field pane shows. */
public enum GradientMapKind {
    /** No gradient: the theoretical box only. */
    NONE("rf.map.none"),
    /**
     * Effective receptive field (Luo et al. 2016): the gradient with respect to the input of the
     * clicked unit of the picked CNN layer, or of the clicked ViT token after the picked block,
     * summed over channels.
     */
    ERF("rf.map.erf"),
    /** Saliency (Simonyan et al. 2014): the gradient of the top-1 logit with respect to the input. */
    SALIENCY("rf.map.saliency");

    private final String messageKey;

    GradientMapKind(String messageKey) {
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
