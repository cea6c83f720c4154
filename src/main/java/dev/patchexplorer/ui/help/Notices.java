package dev.patchexplorer.ui.help;

import java.util.List;

/**
 * What the About box credits: the software in the package, the bundled sample pictures
 * (assets/samples/ATTRIBUTION.md) and the models users may download. Keys into help.properties.
 */
final class Notices {
    /** One credited item: its description key and the key of its licence. */
    record Notice(String key, String licenceKey) {
        String text() {
            return HelpText.text(key, HelpText.text(licenceKey));
        }
    }

    /** Everything in the app-image's lib/ folder and runtime, by licence. */
    static final List<Notice> SOFTWARE = List.of(
            new Notice("software.jdk", "licence.gpl2ce"),
            new Notice("software.javafx", "licence.gpl2ce"),
            new Notice("software.controlsfx", "licence.bsd3"),
            new Notice("software.atlantafx", "licence.mit"),
            new Notice("software.djl", "licence.apache2"),
            new Notice("software.pytorch", "licence.bsd3"),
            new Notice("software.gson", "licence.apache2"),
            new Notice("software.slf4j", "licence.mit"),
            new Notice("software.jna", "licence.jna"),
            new Notice("software.commons", "licence.apache2"),
            new Notice("software.errorprone", "licence.apache2"));

    static final List<Notice> SAMPLE_IMAGES = List.of(
            new Notice("image.astronaut", "licence.publicDomain"),
            new Notice("image.chelsea", "licence.cc0"),
            new Notice("image.coffee", "licence.cc0"),
            new Notice("image.rocket", "licence.publicDomain"),
            new Notice("image.ihc", "licence.noKnownRestrictions"),
            new Notice("image.retina", "licence.cc0"),
            new Notice("image.hubble", "licence.publicDomain"));

    static final List<Notice> MODELS = List.of(
            new Notice("model.vitAugreg", "licence.apache2"),
            new Notice("model.timm", "licence.apache2"),
            new Notice("model.torchvision", "licence.bsd3"));

    private Notices() {}
}
