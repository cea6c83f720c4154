package dev.patchexplorer.ui.help;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The user guide's Markdown, parsed into blocks. Only the subset the guide uses:
 * # headings, paragraphs, - and 1. lists, > notes, pipe tables, ![alt](picture.png) on a
 * line of its own, and **bold**, *italic*, `code` inside text. No toolkit here.
 */
public final class GuideDocument {
    public sealed interface Block permits Heading, Paragraph, ListBlock, Note, Picture, Table {}
    public record Heading(int level, String text) implements Block {}
    public record Paragraph(String text) implements Block {}
    public record ListBlock(boolean numbered, List<String> items) implements Block {}
    public record Note(String text) implements Block {}
    public record Picture(String alt, String file) implements Block {}
    public record Table(List<String> header, List<List<String>> rows) implements Block {}

    public enum Style { PLAIN, BOLD, ITALIC, CODE }
    public record Span(String text, Style style) {}

    private static final Pattern HEADING = Pattern.compile("^(#{1,3})\\s+(.*)$");
    private static final Pattern BULLET = Pattern.compile("^[-*]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\d+\\.\\s+(.*)$");
    private static final Pattern PICTURE = Pattern.compile("^!\\[([^]]*)]\\(([^)]+)\\)$");
    private static final Pattern INLINE = Pattern.compile("\\*\\*(.+?)\\*\\*|`(.+?)`|\\*(.+?)\\*");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?$");

    private GuideDocument() {}

    public static List<Block> parse(String markdown) {
        List<Block> blocks = new ArrayList<>();
        List<String> lines = markdown.replace("\r\n", "\n").lines().toList();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i).strip();
            Matcher m;
            if (line.isEmpty() || line.startsWith("<!--")) {
                i++;
            } else if ((m = HEADING.matcher(line)).matches()) {
                blocks.add(new Heading(m.group(1).length(), m.group(2).strip()));
                i++;
            } else if ((m = PICTURE.matcher(line)).matches()) {
                blocks.add(new Picture(m.group(1), m.group(2)));
                i++;
            } else if (line.startsWith("|")) {
                List<List<String>> rows = new ArrayList<>();
                for (; i < lines.size() && lines.get(i).strip().startsWith("|"); i++) {
                    String row = lines.get(i).strip();
                    if (!TABLE_RULE.matcher(row).matches()) rows.add(cells(row));
                }
                blocks.add(new Table(rows.get(0), rows.subList(1, rows.size())));
            } else if (line.startsWith(">")) {
                StringBuilder text = new StringBuilder();
                for (; i < lines.size() && lines.get(i).strip().startsWith(">"); i++) {
                    append(text, lines.get(i).strip().substring(1));
                }
                blocks.add(new Note(text.toString()));
            } else if (BULLET.matcher(line).matches() || NUMBERED.matcher(line).matches()) {
                boolean numbered = NUMBERED.matcher(line).matches();
                Pattern item = numbered ? NUMBERED : BULLET;
                List<String> items = new ArrayList<>();
                for (; i < lines.size() && !lines.get(i).isBlank(); i++) {
                    String l = lines.get(i).strip();
                    Matcher im = item.matcher(l);
                    if (im.matches()) items.add(im.group(1).strip());
                    else if (startsParagraphLine(l)) items.set(items.size() - 1, items.get(items.size() - 1) + " " + l);
                    else break; // another kind of block starts right after the list
                }
                blocks.add(new ListBlock(numbered, items));
            } else {
                StringBuilder text = new StringBuilder();
                for (; i < lines.size() && startsParagraphLine(lines.get(i)); i++) append(text, lines.get(i));
                blocks.add(new Paragraph(text.toString()));
            }
        }
        return blocks;
    }

    /** Splits text into plain, bold, italic and code runs. */
    public static List<Span> spans(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = INLINE.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) spans.add(new Span(text.substring(at, m.start()), Style.PLAIN));
            if (m.group(1) != null) spans.add(new Span(m.group(1), Style.BOLD));
            else if (m.group(2) != null) spans.add(new Span(m.group(2), Style.CODE));
            else spans.add(new Span(m.group(3), Style.ITALIC));
            at = m.end();
        }
        if (at < text.length()) spans.add(new Span(text.substring(at), Style.PLAIN));
        return spans;
    }

    private static boolean startsParagraphLine(String raw) {
        String l = raw.strip();
        return !l.isEmpty() && !HEADING.matcher(l).matches() && !PICTURE.matcher(l).matches()
                && !l.startsWith("|") && !l.startsWith(">") && !BULLET.matcher(l).matches()
                && !NUMBERED.matcher(l).matches();
    }

    private static List<String> cells(String row) {
        String inner = row.substring(1, row.endsWith("|") ? row.length() - 1 : row.length());
        return List.of(inner.split("\\|", -1)).stream().map(String::strip).toList();
    }

    private static void append(StringBuilder text, String line) {
        if (text.length() > 0) text.append(' ');
        text.append(line.strip());
    }
}
