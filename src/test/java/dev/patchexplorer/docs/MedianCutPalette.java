package dev.patchexplorer.docs;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Up to 256 colours that represent an image (Heckbert's median cut), so that screenshots with a
 * photograph in them can be stored as 8-bit PNG at a third of the size.
 */
final class MedianCutPalette {
    private MedianCutPalette() {}

    static BufferedImage reduce(BufferedImage rgb) {
        int[] pixels = pixels(rgb);
        IndexColorModel palette = paletteOf(pixels, 256);
        BufferedImage indexed = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, palette);
        byte[] out = ((java.awt.image.DataBufferByte) indexed.getRaster().getDataBuffer()).getData();
        java.util.Map<Integer, Byte> nearest = new java.util.HashMap<>();
        for (int i = 0; i < pixels.length; i++) {
            out[i] = nearest.computeIfAbsent(pixels[i] & 0xffffff, c -> (byte) nearestIndex(palette, c));
        }
        return indexed;
    }

    /** Plain nearest colour, no dither: flat areas (window backgrounds, text) stay clean. */
    private static int nearestIndex(IndexColorModel palette, int rgb) {
        int best = 0;
        long bestDistance = Long.MAX_VALUE;
        for (int i = 0; i < palette.getMapSize(); i++) {
            long dr = palette.getRed(i) - component(rgb, 0);
            long dg = palette.getGreen(i) - component(rgb, 1);
            long db = palette.getBlue(i) - component(rgb, 2);
            long d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    static IndexColorModel paletteOf(int[] rgb, int colours) {
        List<int[]> boxes = new ArrayList<>();
        boxes.add(rgb.clone());
        while (boxes.size() < colours) {
            int[] widest = boxes.stream().filter(b -> b.length > 1).max(Comparator.comparingInt(MedianCutPalette::range)).orElse(null);
            if (widest == null || range(widest) == 0) break;
            boxes.remove(widest);
            int channel = widestChannel(widest);
            Integer[] sorted = Arrays.stream(widest).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.comparingInt(p -> component(p, channel)));
            int half = sorted.length / 2;
            boxes.add(Arrays.stream(sorted, 0, half).mapToInt(Integer::intValue).toArray());
            boxes.add(Arrays.stream(sorted, half, sorted.length).mapToInt(Integer::intValue).toArray());
        }
        byte[] r = new byte[boxes.size()], g = new byte[boxes.size()], b = new byte[boxes.size()];
        for (int i = 0; i < boxes.size(); i++) {
            long sr = 0, sg = 0, sb = 0;
            for (int p : boxes.get(i)) {
                sr += component(p, 0);
                sg += component(p, 1);
                sb += component(p, 2);
            }
            int n = boxes.get(i).length;
            r[i] = (byte) (sr / n);
            g[i] = (byte) (sg / n);
            b[i] = (byte) (sb / n);
        }
        return new IndexColorModel(8, boxes.size(), r, g, b);
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }

    private static int range(int[] box) {
        return channelRange(box, widestChannel(box));
    }

    private static int widestChannel(int[] box) {
        int best = 0;
        for (int c = 1; c < 3; c++) if (channelRange(box, c) > channelRange(box, best)) best = c;
        return best;
    }

    private static int channelRange(int[] box, int channel) {
        int lo = 255, hi = 0;
        for (int p : box) {
            int v = component(p, channel);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    private static int component(int argb, int channel) {
        return (argb >> (16 - 8 * channel)) & 0xff;
    }
}
