package dev.patchexplorer.ui.viewer;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.input.ZoomEvent;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Shows an image with zoom and pan, and paints overlays on a canvas above it under one transform.
 * The image is an ImageView (the scene graph scales it efficiently); overlays repaint on their own,
 * coalesced into one pending pulse however many changes arrive.
 */
public final class ImageViewer extends Region {
    public static final double MIN_SCALE = 0.01;
    public static final double MAX_SCALE = 64;
    private static final double ZOOM_STEP = 1.25;
    private static final double DRAG_THRESHOLD = 4;

    private final ImageView imageView = new ImageView();
    private final Canvas canvas = new Canvas();
    private final List<Overlay> overlays = new ArrayList<>();
    private final ObjectProperty<Image> image = new SimpleObjectProperty<>(this, "image");
    private final ReadOnlyDoubleWrapper scale = new ReadOnlyDoubleWrapper(this, "scale", 1);
    /** The transform now shown, published after every zoom, pan, fit or resize (views linked by it follow). */
    private final ReadOnlyObjectWrapper<ViewTransform> viewport = new ReadOnlyObjectWrapper<>(this, "viewport");
    private double translateX;
    private double translateY;
    private boolean fitted = true;
    private boolean repaintPending;
    private Point2D pressAt;
    private Point2D lastDrag;
    private boolean dragging;
    private ImagePyramid pyramid;
    private BiConsumer<Double, Double> onImageClick = (x, y) -> { };
    private BiConsumer<Double, Double> onImageHover = (x, y) -> { };
    private DragTool dragTool;
    /** The press went to the drag tool: a drag draws with it instead of panning. */
    private boolean toolDrag;

    /**
     * A drag that draws on the image (a box) instead of panning, when {@link #claims} says so for the
     * press. A click without a drag still selects a patch. Points are in original-image pixels.
     */
    public interface DragTool {
        boolean claims(MouseEvent press);

        void dragged(double x0, double y0, double x1, double y1);

        void released(double x0, double y0, double x1, double y1);
    }

    public ImageViewer() {
        getStyleClass().add("image-viewer");
        imageView.setPreserveRatio(false);
        imageView.setSmooth(true);
        canvas.setMouseTransparent(true);
        getChildren().addAll(imageView, canvas);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setFocusTraversable(true);
        setMinSize(100, 100);

        image.addListener((o, was, now) -> {
            pyramid = null;
            imageView.setImage(now);
            fitted = true;
            requestLayout();
            if (now != null && Math.max(now.getWidth(), now.getHeight()) >= 2048) buildPyramid(now);
        });
        addEventHandler(ScrollEvent.SCROLL, this::onScroll);
        addEventHandler(ZoomEvent.ZOOM, e -> {
            zoomAbout(scale.get() * e.getZoomFactor(), e.getX(), e.getY());
            e.consume();
        });
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::onDragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::onReleased);
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> onImageHover.accept(toImageX(e.getX()), toImageY(e.getY())));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> onImageHover.accept(Double.NaN, Double.NaN));
    }

    public void addOverlay(Overlay overlay) {
        overlays.add(overlay);
        requestRepaint();
    }

    /** Coalesces any number of requests into one repaint on the next pulse. */
    public void requestRepaint() {
        if (repaintPending) return;
        repaintPending = true;
        Platform.runLater(this::paintNow);
    }

    /** Repaints the overlays at once (also used by the benchmark). */
    public void paintNow() {
        repaintPending = false;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (image.get() == null) return;
        ViewTransform view = transform();
        for (Overlay o : overlays) {
            g.save();
            o.paint(g, view);
            g.restore();
        }
    }

    public ViewTransform transform() {
        return new ViewTransform(scale.get(), translateX, translateY, getWidth(), getHeight());
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        if (fitted) fitNow();
        placeImage();
        requestRepaint();
    }

    private void placeImage() {
        Image img = image.get();
        if (img == null) return;
        Image shown = pyramid == null ? img : pyramid.forScale(scale.get());
        if (imageView.getImage() != shown) imageView.setImage(shown);
        imageView.setLayoutX(translateX);
        imageView.setLayoutY(translateY);
        imageView.setFitWidth(img.getWidth() * scale.get());
        imageView.setFitHeight(img.getHeight() * scale.get());
        // Past 2x the user wants to see pixels, not a blur.
        imageView.setSmooth(scale.get() < 2);
        ViewTransform now = transform();
        if (!now.equals(viewport.get())) viewport.set(now);
    }

    private void buildPyramid(Image source) {
        Thread t = new Thread(() -> {
            ImagePyramid built = ImagePyramid.of(source);
            Platform.runLater(() -> {
                if (image.get() == source) {
                    pyramid = built;
                    placeImage();
                }
            });
        }, "image-pyramid");
        t.setDaemon(true);
        t.start();
    }

    public void fitToWindow() {
        fitted = true;
        fitNow();
        placeImage();
        requestRepaint();
    }

    private void fitNow() {
        Image img = image.get();
        if (img == null || getWidth() <= 0 || getHeight() <= 0) return;
        double s = Math.min(getWidth() / img.getWidth(), getHeight() / img.getHeight());
        scale.set(clampScale(s));
        translateX = (getWidth() - img.getWidth() * scale.get()) / 2;
        translateY = (getHeight() - img.getHeight() * scale.get()) / 2;
    }

    /** One screen pixel per image pixel, keeping the view centre where it is. */
    public void actualSize() {
        zoomAbout(1, getWidth() / 2, getHeight() / 2);
    }

    public void zoomIn() {
        zoomAbout(scale.get() * ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAbout(scale.get() / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms keeping the image point under (sx, sy) fixed on screen. */
    public void zoomAbout(double newScale, double sx, double sy) {
        if (image.get() == null) return;
        double s = clampScale(newScale);
        double ix = toImageX(sx);
        double iy = toImageY(sy);
        scale.set(s);
        translateX = sx - ix * s;
        translateY = sy - iy * s;
        fitted = false;
        placeImage();
        requestRepaint();
    }

    public void panBy(double dx, double dy) {
        translateX += dx;
        translateY += dy;
        fitted = false;
        placeImage();
        requestRepaint();
    }

    private static double clampScale(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) return;
        double factor = Math.pow(ZOOM_STEP, e.getDeltaY() / 40.0);
        zoomAbout(scale.get() * factor, e.getX(), e.getY());
        e.consume();
    }

    private void onPressed(MouseEvent e) {
        requestFocus();
        pressAt = new Point2D(e.getX(), e.getY());
        lastDrag = pressAt;
        dragging = false;
        toolDrag = dragTool != null && e.getButton() == MouseButton.PRIMARY && image.get() != null && dragTool.claims(e);
    }

    private void onDragged(MouseEvent e) {
        if (pressAt == null) return;
        if (!dragging && pressAt.distance(e.getX(), e.getY()) > DRAG_THRESHOLD) {
            dragging = true;
            setCursor(toolDrag ? Cursor.CROSSHAIR : Cursor.CLOSED_HAND);
        }
        if (dragging && toolDrag) {
            dragTool.dragged(toImageX(pressAt.getX()), toImageY(pressAt.getY()), toImageX(e.getX()), toImageY(e.getY()));
        } else if (dragging) {
            panBy(e.getX() - lastDrag.getX(), e.getY() - lastDrag.getY());
            lastDrag = new Point2D(e.getX(), e.getY());
        }
    }

    private void onReleased(MouseEvent e) {
        if (pressAt != null && !dragging && e.getButton() == MouseButton.PRIMARY) {
            onImageClick.accept(toImageX(e.getX()), toImageY(e.getY()));
        } else if (pressAt != null && dragging && toolDrag) {
            dragTool.released(toImageX(pressAt.getX()), toImageY(pressAt.getY()), toImageX(e.getX()), toImageY(e.getY()));
        }
        toolDrag = false;
        setCursor(Cursor.DEFAULT);
        pressAt = null;
        dragging = false;
    }

    public double toImageX(double screenX) {
        return (screenX - translateX) / scale.get();
    }

    public double toImageY(double screenY) {
        return (screenY - translateY) / scale.get();
    }

    public void setOnImageClick(BiConsumer<Double, Double> handler) {
        this.onImageClick = handler;
    }

    public void setDragTool(DragTool tool) {
        this.dragTool = tool;
    }

    /** Whether the image is fitted to the window (it stays fitted as the window resizes). */
    public boolean isFitted() {
        return fitted;
    }

    /** Shows the image at {@code newScale} with image point (cx, cy) at the viewer's centre. */
    public void showAt(double newScale, double cx, double cy) {
        if (image.get() == null) return;
        double s = clampScale(newScale);
        scale.set(s);
        translateX = getWidth() / 2 - cx * s;
        translateY = getHeight() / 2 - cy * s;
        fitted = false;
        placeImage();
        requestRepaint();
    }

    public void setOnImageHover(BiConsumer<Double, Double> handler) {
        this.onImageHover = handler;
    }

    public ObjectProperty<Image> imageProperty() {
        return image;
    }

    public ReadOnlyObjectProperty<ViewTransform> viewportProperty() {
        return viewport.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty scaleProperty() {
        return scale.getReadOnlyProperty();
    }

    public ImageView imageView() {
        return imageView;
    }

    public Canvas canvas() {
        return canvas;
    }
}
