package dev.patchexplorer.core.sweep;

import java.util.ArrayList;
import java.util.List;

/** The fields of one CSV line (RFC 4180: quotes removed, doubled quotes undone), for the sweep's table and labels files. */
public final class CsvLine {
    private CsvLine() {}

    /** @throws IllegalArgumentException for a line that ends inside a quoted field */
    public static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) throw new IllegalArgumentException("ends inside a quoted field");
        out.add(cur.toString());
        return out;
    }
}
