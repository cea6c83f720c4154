package dev.patchexplorer.core.text;

/** One token: its text and where it sits in the source, as UTF-16 offsets [start, end) (what a text control highlights). */
public record TextToken(String text, int start, int end) {}
