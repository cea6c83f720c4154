package dev.patchexplorer.cli;

/**
 * One option a command accepts: the parser's list of known names and the usage text of
 * {@code --help} both come from these, so they cannot disagree.
 *
 * @param name        without the leading dashes, e.g. {@code model}
 * @param value       what the value looks like in the usage, e.g. {@code DIR}; null for a flag
 * @param description one line for {@code --help}
 */
public record OptionSpec(String name, String value, String description) {
    public static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description);
    }

    public boolean isFlag() {
        return value == null;
    }

    /** How the usage shows it: {@code --model DIR|NAME} or {@code --verbose}. */
    String synopsis() {
        return isFlag() ? "--" + name : "--" + name + " " + value;
    }
}
