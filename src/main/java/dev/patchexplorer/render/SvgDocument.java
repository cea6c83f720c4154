package dev.patchexplorer.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A small SVG in working-image pixels, built from named layers ({@code <g id="...">}) drawn in the order
 * they were added: the grid now, named boxes later, each in a layer of its own with its own styling.
 */
public final class SvgDocument {
    private final int width;
    private final int height;
    private final Map<String, StringBuilder> layers = new LinkedHashMap<>();
    private final Map<String, String> layerStyle = new LinkedHashMap<>();

    public SvgDocument(int width, int height) {
        if (width <= 0 || height <= 0) throw new IllegalArgumentException("SVG must not be empty");
        this.width = width;
        this.height = height;
    }

    /** Starts (or returns) layer {@code id}; {@code attributes} are written on its group, e.g. stroke. */
    public Layer layer(String id, String attributes) {
        layerStyle.putIfAbsent(id, attributes);
        return new Layer(layers.computeIfAbsent(id, k -> new StringBuilder()));
    }

    /** Adds shapes to one layer. */
    public static final class Layer {
        private final StringBuilder out;

        private Layer(StringBuilder out) {
            this.out = out;
        }

        public Layer line(double x1, double y1, double x2, double y2) {
            out.append(String.format(Locale.ROOT, "    <line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\"/>%n",
                    num(x1), num(y1), num(x2), num(y2)));
            return this;
        }

        public Layer rect(double x, double y, double w, double h) {
            out.append(String.format(Locale.ROOT, "    <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\"/>%n",
                    num(x), num(y), num(w), num(h)));
            return this;
        }

        public Layer text(double x, double y, String text) {
            out.append(String.format(Locale.ROOT, "    <text x=\"%s\" y=\"%s\">%s</text>%n", num(x), num(y), escape(text)));
            return this;
        }
    }

    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">%n",
                width, height, width, height));
        for (Map.Entry<String, StringBuilder> e : layers.entrySet()) {
            String style = layerStyle.get(e.getKey());
            s.append("  <g id=\"").append(escape(e.getKey())).append('"').append(style.isEmpty() ? "" : " " + style).append(">\n");
            s.append(e.getValue());
            s.append("  </g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return String.format(Locale.ROOT, "%.3f", v).replaceAll("0+$", "");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
