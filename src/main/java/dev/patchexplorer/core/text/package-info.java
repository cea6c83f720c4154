/**
 * The patch-size trade-off for text: simple word and character tokens, segments of L tokens, and
 * what attention costs per segment against one sequence over the whole text (n² pairs).
 */
package dev.patchexplorer.core.text;
