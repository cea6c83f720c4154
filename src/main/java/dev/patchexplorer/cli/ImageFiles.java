package dev.patchexplorer.cli;

import dev.patchexplorer.core.image.RgbImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes pictures for the command line (javax.imageio stays out of core). */
final class ImageFiles {
    private ImageFiles() {}

    static RgbImage read(Path file) throws UsageException {
        if (!Files.isRegularFile(file)) throw new UsageException("no image file " + file);
        BufferedImage img;
        try {
            img = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new UsageException("cannot read image " + file.getFileName() + ": " + e.getMessage());
        }
        if (img == null) throw new UsageException("not a readable image (PNG, JPEG, BMP, GIF): " + file.getFileName());
        return new RgbImage(img.getWidth(), img.getHeight(), img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth()));
    }

    static void writePng(RgbImage image, Path file) throws IOException {
        BufferedImage img = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, image.width(), image.height(), image.argb(), 0, image.width());
        if (!ImageIO.write(img, "png", file.toFile())) throw new IOException("no PNG writer");
    }
}
