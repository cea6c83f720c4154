package dev.patchexplorer.imagefile;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;

/** A decoded BufferedImage as non-premultiplied 0xAARRGGBB, the way browsers and JavaFX show it. */
final class ArgbPixels {
    private ArgbPixels() {}

    static int[] of(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = new int[Math.multiplyExact(w, h)];
        if (isIntegerGrey(img.getColorModel())) {
            grey(img, argb);
        } else {
            img.getRGB(0, 0, w, h, argb, 0, w); // palette, RGB(A) of any depth, CMYK through the colour model
        }
        return argb;
    }

    /**
     * Grey PNG/TIFF samples are stored values, not linear light: AWT's grey colour space would convert
     * them as linear (128 shows as 186), so they are scaled to 8 bits directly.
     */
    private static boolean isIntegerGrey(ColorModel cm) {
        int type = cm.getTransferType();
        return cm instanceof ComponentColorModel && cm.getColorSpace().getType() == ColorSpace.TYPE_GRAY
                && cm.getNumColorComponents() == 1
                && (type == DataBuffer.TYPE_BYTE || type == DataBuffer.TYPE_USHORT || type == DataBuffer.TYPE_INT);
    }

    private static void grey(BufferedImage img, int[] argb) {
        ColorModel cm = img.getColorModel();
        Raster raster = img.getRaster();
        int w = img.getWidth(), h = img.getHeight();
        long greyMax = (1L << cm.getComponentSize(0)) - 1;
        boolean alpha = cm.hasAlpha();
        long alphaMax = alpha ? (1L << cm.getComponentSize(1)) - 1 : 1;
        int[] grey = new int[w], a = new int[w];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, grey);
            if (alpha) raster.getSamples(0, y, w, 1, 1, a);
            for (int x = 0; x < w; x++) {
                int g = to8(grey[x], greyMax);
                int al = alpha ? to8(a[x], alphaMax) : 255;
                argb[y * w + x] = al << 24 | g << 16 | g << 8 | g;
            }
        }
    }

    private static int to8(int sample, long max) {
        long v = sample & 0xffffffffL;
        return (int) Math.min(255, (v * 255 + max / 2) / max);
    }
}
