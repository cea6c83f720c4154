package dev.patchexplorer.ui.export;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/** Asks where to save and at what scale; the window's native dialogs, or a stand-in that tests set. */
public interface ExportChooser {
    /** One file type: the filter's message key and its extensions without the dot. */
    record FileType(String filterKey, List<String> extensions) {}

    /** The file to write, or null when the user cancels. The first type is the default. */
    Path saveFile(Window owner, String titleKey, String suggestedName, List<FileType> types);

    /** 1, 2 or 4, or empty when the user cancels. */
    OptionalInt scale(Window owner);
}
