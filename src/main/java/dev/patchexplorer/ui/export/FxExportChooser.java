package dev.patchexplorer.ui.export;

import dev.patchexplorer.render.ViewRenderer;
import dev.patchexplorer.ui.Messages;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/** The native save dialog and a small scale chooser (1x, 2x, 4x). */
public final class FxExportChooser implements ExportChooser {
    private File lastFolder;

    @Override
    public Path saveFile(Window owner, String titleKey, String suggestedName, List<FileType> types) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(Messages.get(titleKey));
        chooser.setInitialFileName(suggestedName);
        for (FileType t : types) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get(t.filterKey()),
                    t.extensions().stream().map(e -> "*." + e).toList()));
        }
        if (lastFolder != null && lastFolder.isDirectory()) chooser.setInitialDirectory(lastFolder);
        File f = chooser.showSaveDialog(owner);
        if (f == null) return null;
        lastFolder = f.getParentFile();
        // some platforms return the name as typed: add the chosen filter's extension
        FileChooser.ExtensionFilter chosen = chooser.getSelectedExtensionFilter();
        String name = f.getName().toLowerCase(Locale.ROOT);
        if (chosen != null && chosen.getExtensions().stream().noneMatch(e -> name.endsWith(e.substring(1)))) {
            f = new File(f.getPath() + chosen.getExtensions().get(0).substring(1));
        }
        return f.toPath();
    }

    @Override
    public OptionalInt scale(Window owner) {
        List<String> choices = ViewRenderer.SCALES.stream().map(k -> Messages.format("export.scale.choice", k)).toList();
        ChoiceDialog<String> d = new ChoiceDialog<>(choices.get(0), choices);
        d.initOwner(owner);
        d.setTitle(Messages.get("export.scale.title"));
        d.setHeaderText(Messages.get("export.scale.header"));
        d.setContentText(Messages.get("export.scale.label"));
        return d.showAndWait().map(c -> OptionalInt.of(ViewRenderer.SCALES.get(choices.indexOf(c)))).orElse(OptionalInt.empty());
    }
}
