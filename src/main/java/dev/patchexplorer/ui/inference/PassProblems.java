package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.model.AttentionTooLargeException;
import dev.patchexplorer.ui.Messages;

/** Why a pass failed, in the user's language; a refused pass states the readouts' own attention figure. */
final class PassProblems {
    private PassProblems() {}

    static String describe(Exception e) {
        if (e instanceof AttentionTooLargeException t) {
            // Units.bytes, as the readouts' "Attention, all layers": both state the same number.
            return Messages.format("problem.tooManyTokens", Units.count(t.tokens()), Units.bytes(t.bytesNeeded()),
                    t.layers(), Units.bytes(t.heapBytes()));
        }
        return String.valueOf(e.getMessage());
    }
}
