package dev.patchexplorer.model;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Gson parse failure into words for a person: "line 3, column 7: unterminated object".
 * Gson's own message starts with the Java class of its cause, ends with a JSON path and a web
 * link, and none of that helps someone whose config.json is broken.
 */
public final class JsonErrors {
    private static final Pattern AT = Pattern.compile("(?s)^(.*?)\\s+at line (\\d+) column (\\d+).*$");
    private static final Pattern CLASS_PREFIX = Pattern.compile("^(?:[a-z_$][\\w$]*\\.)+[A-Z][\\w$]*:\\s*");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z_$][\\w$]*\\.)+[A-Z]\\w*|\\w*(?:Exception|Error)\\b");

    private JsonErrors() {}

    /** "{subject} is not valid JSON (line L, column C): why", or without the place when Gson gives none. */
    public static String sentence(String subject, Throwable failure) {
        String d = describe(failure);
        Matcher m = Pattern.compile("^(line \\d+, column \\d+): (.*)$", Pattern.DOTALL).matcher(d);
        return m.matches() ? subject + " is not valid JSON (" + m.group(1) + "): " + m.group(2) : subject + " is not valid JSON: " + d;
    }

    /** Where and why the text is not JSON ("line 3, column 7: unterminated object"), without Java class names; never empty. */
    public static String describe(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        if (t instanceof StackOverflowError) return "it is nested too deeply";
        if (t instanceof OutOfMemoryError) return "it is too large to read";
        String raw = t.getMessage() == null ? "" : t.getMessage();
        raw = CLASS_PREFIX.matcher(raw.strip()).replaceFirst("");
        raw = raw.lines().findFirst().orElse("");           // drops Gson's "See https://..." line
        Matcher m = AT.matcher(raw);
        String where = "";
        if (m.matches()) {
            raw = m.group(1);
            where = "line " + m.group(2) + ", column " + m.group(3) + ": ";
        }
        String why = JAVA_NAME.matcher(raw).find() || raw.isBlank() ? "the text is not well-formed JSON" : plain(raw);
        return where + why;
    }

    private static String plain(String reason) {
        String r = reason.strip();
        if (r.endsWith(".")) r = r.substring(0, r.length() - 1);
        if (r.equals("Did not consume the entire document")) return "there is more text after the end of the JSON value";
        if (r.startsWith("End of input")) return "the text ends in the middle of a value";
        if (r.startsWith("Nesting limit")) return "it is nested too deeply";
        return r.isEmpty() ? r : r.substring(0, 1).toLowerCase(Locale.ROOT) + r.substring(1);
    }
}
