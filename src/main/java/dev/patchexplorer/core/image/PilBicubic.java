package dev.patchexplorer.core.image;

/**
 * Bicubic resize with Pillow's semantics (Keys a = -0.5, kernel support widened by the scale when
 * shrinking, i.e. antialiased; horizontal pass, then vertical; 8-bit fixed-point accumulation with
 * rounding after each pass). timm and torchvision preprocess with Pillow, so matching it keeps our
 * inputs within a few 1/255 steps of theirs.
 */
final class PilBicubic {
    private static final double SUPPORT = 2.0;
    private static final int PRECISION_BITS = 32 - 8 - 2;

    private PilBicubic() {}

    static RgbImage resize(RgbImage in, int outW, int outH) {
        int[] px = in.argb();
        int w = in.width();
        int h = in.height();
        if (outW != w) {
            px = horizontal(px, w, h, outW);
            w = outW;
        }
        if (outH != h) {
            px = vertical(px, w, h, outH);
            h = outH;
        }
        return new RgbImage(w, h, px == in.argb() ? px.clone() : px);
    }

    private static int[] horizontal(int[] src, int w, int h, int outW) {
        Taps taps = taps(w, outW);
        int[] out = new int[outW * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < outW; x++) {
                int r = 1 << (PRECISION_BITS - 1), g = r, b = r;
                int start = taps.start[x];
                for (int k = 0; k < taps.count[x]; k++) {
                    int p = src[y * w + start + k];
                    int c = taps.weights[x][k];
                    r += ((p >> 16) & 0xff) * c;
                    g += ((p >> 8) & 0xff) * c;
                    b += (p & 0xff) * c;
                }
                out[y * outW + x] = pack(r, g, b);
            }
        }
        return out;
    }

    private static int[] vertical(int[] src, int w, int h, int outH) {
        Taps taps = taps(h, outH);
        int[] out = new int[w * outH];
        for (int y = 0; y < outH; y++) {
            int start = taps.start[y];
            for (int x = 0; x < w; x++) {
                int r = 1 << (PRECISION_BITS - 1), g = r, b = r;
                for (int k = 0; k < taps.count[y]; k++) {
                    int p = src[(start + k) * w + x];
                    int c = taps.weights[y][k];
                    r += ((p >> 16) & 0xff) * c;
                    g += ((p >> 8) & 0xff) * c;
                    b += (p & 0xff) * c;
                }
                out[y * w + x] = pack(r, g, b);
            }
        }
        return out;
    }

    private static int pack(int r, int g, int b) {
        return 0xff000000 | clip8(r) << 16 | clip8(g) << 8 | clip8(b);
    }

    private static int clip8(int v) {
        int s = v >> PRECISION_BITS;
        return s < 0 ? 0 : Math.min(s, 255);
    }

    private record Taps(int[] start, int[] count, int[][] weights) {}

    private static Taps taps(int inSize, int outSize) {
        double scale = (double) inSize / outSize;
        double filterScale = Math.max(scale, 1.0);
        double support = SUPPORT * filterScale;
        int[] start = new int[outSize];
        int[] count = new int[outSize];
        int[][] weights = new int[outSize][];
        for (int o = 0; o < outSize; o++) {
            double center = (o + 0.5) * scale;
            int min = Math.max((int) (center - support + 0.5), 0);
            int max = Math.min((int) (center + support + 0.5), inSize) - min;
            double[] k = new double[max];
            double sum = 0;
            for (int i = 0; i < max; i++) {
                k[i] = cubic((i + min - center + 0.5) / filterScale);
                sum += k[i];
            }
            weights[o] = new int[max];
            for (int i = 0; i < max; i++) {
                double v = sum != 0 ? k[i] / sum : 0;
                weights[o][i] = (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
            }
            start[o] = min;
            count[o] = max;
        }
        return new Taps(start, count, weights);
    }

    private static double cubic(double x) {
        final double a = -0.5;
        x = Math.abs(x);
        if (x < 1) return ((a + 2) * x - (a + 3)) * x * x + 1;
        if (x < 2) return (((x - 5) * x + 8) * x - 4) * a;
        return 0;
    }
}
