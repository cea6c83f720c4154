package dev.patchexplorer.ui.export;

import dev.patchexplorer.core.grid.PatchGrid;
import dev.patchexplorer.core.grid.WorkingResolution;
import dev.patchexplorer.core.tradeoff.ReadoutFields;
import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.render.GridSvg;
import dev.patchexplorer.render.PngFiles;
import dev.patchexplorer.render.ReadoutFiles;
import dev.patchexplorer.render.ViewRenderer;
import dev.patchexplorer.ui.ExplorerView;
import dev.patchexplorer.ui.ExplorerViewModel;
import dev.patchexplorer.ui.Messages;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Window;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * File > Export: the view as PNG (1x, 2x, 4x) through the same renderer as the {@code render} command, the
 * grid as SVG, the readouts as CSV or JSON (the {@code tradeoffs} fields), and the view to the clipboard.
 * The inputs are taken on the FX thread; drawing and writing run on a background thread (a 4x view of a
 * large working size is tens of megabytes); failures go to the window's problem banner.
 */
public final class ExportActions {
    private static final Logger LOG = Logger.getLogger(ExportActions.class.getName());
    private static final ExportChooser.FileType PNG = new ExportChooser.FileType("export.filter.png", List.of("png"));
    private static final ExportChooser.FileType SVG = new ExportChooser.FileType("export.filter.svg", List.of("svg"));
    private static final ExportChooser.FileType CSV = new ExportChooser.FileType("export.filter.csv", List.of("csv"));
    private static final ExportChooser.FileType JSON = new ExportChooser.FileType("export.filter.json", List.of("json"));

    private final ExplorerView view;
    private ExportChooser chooser = new FxExportChooser();
    private Executor executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "export");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>(this, "lastWritten");

    public ExportActions(ExplorerView view) {
        this.view = view;
    }

    /** Tests answer the dialogs themselves. */
    public void useChooser(ExportChooser c) {
        this.chooser = c;
    }

    public void useExecutor(Executor e) {
        this.executor = e;
    }

    /** The file the latest export wrote. */
    public ReadOnlyObjectProperty<Path> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }

    public void exportView() {
        ViewCapture capture = capture();
        if (capture == null) return;
        OptionalInt scale = chooser.scale(window());
        if (scale.isEmpty()) return;
        Path file = chooser.saveFile(window(), "menu.file.exportView", baseName() + "-view.png", List.of(PNG));
        if (file != null) writeView(capture, scale.getAsInt(), file);
    }

    /** Draws the view now shown at {@code scale} into {@code file}, off the FX thread; FX thread. */
    public CompletableFuture<Path> exportView(Path file, int scale) {
        ViewCapture capture = capture();
        return capture == null ? CompletableFuture.failedFuture(new IllegalStateException("nothing to export"))
                : writeView(capture, scale, file);
    }

    private CompletableFuture<Path> writeView(ViewCapture capture, int scale, Path file) {
        return inBackground(file, () -> PngFiles.write(ViewRenderer.render(capture.scene(), scale), file));
    }

    public void exportGridSvg() {
        ExplorerViewModel model = view.model();
        PatchGrid grid = model.getGrid();
        if (model.getImage() == null || grid == null) {
            model.reportProblem(Messages.get("export.error.noImage"));
            return;
        }
        var doc = GridSvg.of(grid, ViewCapture.look(model.gridStyleProperty().get()));
        dev.patchexplorer.render.BoxSvg.add(doc, ViewCapture.boxes(view.boxes(), model.getWorking()));
        String svg = doc.text();
        Path file = chooser.saveFile(window(), "menu.file.exportGrid", baseName() + "-grid.svg", List.of(SVG));
        if (file != null) inBackground(file, () -> Files.writeString(file, svg, StandardCharsets.UTF_8));
    }

    public void exportReadouts() {
        ExplorerViewModel model = view.model();
        TradeOffs t = model.getTradeOffs();
        PatchGrid grid = model.getGrid();
        WorkingResolution w = model.getWorking();
        if (t == null || grid == null || w == null) {
            model.reportProblem(Messages.get("export.error.noReadouts"));
            return;
        }
        var fields = ReadoutFields.of(model.architectureProperty().get(), w.width(), w.height(), grid.patch(), grid.stride(),
                grid.spec().edge(), t);
        Path file = chooser.saveFile(window(), "menu.file.exportReadouts", baseName() + "-readouts.csv", List.of(CSV, JSON));
        if (file == null) return;
        boolean json = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        String text = json ? ReadoutFiles.json(fields) : ReadoutFiles.csv(ReadoutFields.flat(fields));
        inBackground(file, () -> Files.writeString(file, text, StandardCharsets.UTF_8));
    }

    /** Puts the 1x view on the clipboard: drawn in the background, handed to the clipboard on the FX thread. */
    public CompletableFuture<WritableImage> copyView() {
        ViewCapture capture = capture();
        CompletableFuture<WritableImage> done = new CompletableFuture<>();
        if (capture == null) {
            done.completeExceptionally(new IllegalStateException("nothing to copy"));
            return done;
        }
        executor.execute(() -> {
            try {
                BufferedImage picture = ViewRenderer.render(capture.scene(), 1);
                int w = picture.getWidth(), h = picture.getHeight();
                int[] argb = picture.getRGB(0, 0, w, h, null, 0, w);
                Platform.runLater(() -> {
                    WritableImage image = new WritableImage(w, h);
                    image.getPixelWriter().setPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
                    ClipboardContent content = new ClipboardContent();
                    content.putImage(image);
                    Clipboard.getSystemClipboard().setContent(content);
                    done.complete(image);
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                fail(Messages.get("menu.file.copyView"), e, done);
            }
        });
        return done;
    }

    private interface Write {
        void run() throws IOException;
    }

    private CompletableFuture<Path> inBackground(Path file, Write write) {
        CompletableFuture<Path> done = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                write.run();
                Platform.runLater(() -> {
                    lastWritten.set(file);
                    done.complete(file);
                });
            } catch (IOException | RuntimeException | OutOfMemoryError e) {
                fail(String.valueOf(file.getFileName()), e, done);
            }
        });
        return done;
    }

    private void fail(String what, Throwable e, CompletableFuture<?> done) {
        LOG.log(Level.INFO, "Export failed: " + what, e);
        String reason = e instanceof OutOfMemoryError ? Messages.get("export.error.memory") : String.valueOf(e.getMessage());
        Platform.runLater(() -> {
            view.model().reportProblem(Messages.format("export.error.write", what, reason));
            done.completeExceptionally(e);
        });
    }

    private ViewCapture capture() {
        try {
            return ViewCapture.of(view);
        } catch (ViewCapture.NotReady e) {
            view.model().reportProblem(e.getMessage());
            return null;
        }
    }

    private String baseName() {
        var image = view.model().getImage();
        String name = image == null ? "view" : image.name();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private Window window() {
        return view.getScene() == null ? null : view.getScene().getWindow();
    }
}
