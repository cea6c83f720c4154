package dev.patchexplorer.ui.inference;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.model.AttentionTooLargeException;
import dev.patchexplorer.model.CnnPassTooLargeException;
import dev.patchexplorer.model.PassRefusedException;
import dev.patchexplorer.ui.Messages;

/**
 * Why a pass failed, in the user's language. A refused pass states the readouts' own attention figure
 * first (Units.bytes of all layers' attention, as "Attention, all layers"), then, when the whole pass is
 * what does not fit, its total, and then a patch or working size that fits.
 */
final class PassProblems {
    private PassProblems() {}

    static String describe(Exception e) {
        if (e instanceof AttentionTooLargeException t) return refusal(t);
        if (e instanceof CnnPassTooLargeException c) return refusal(c);
        if (e instanceof PassRefusedException r) return refusal(r.refusal());
        return String.valueOf(e.getMessage());
    }

    private static String refusal(AttentionTooLargeException t) {
        String tokens = Units.count(t.tokens());
        String attention = Units.bytes(t.bytesNeeded());
        if (t.setting() == null) {
            return Messages.format("problem.tooManyTokens", tokens, attention, t.layers(), Units.bytes(t.heapBytes()));
        }
        String what = t.limit() == AttentionTooLargeException.Limit.HEAP
                ? Messages.format("problem.tooManyTokens.heap", tokens, attention, t.layers(), Units.bytes(t.heapBytes()))
                : Messages.format(t.kind() == PassKind.GRADIENT ? "problem.passTooLarge.gradient" : "problem.passTooLarge",
                        tokens, attention, t.layers(), Units.bytes(t.pass().nativeBytes()),
                        Units.bytes(t.pass().activationBytes()), Units.bytes(t.budget().nativeBytes()));
        return Messages.format("problem.refusal.withAdvice", what, advice(t));
    }

    /** A CNN pass: its total, then the largest working size that fits (patch size does not apply). */
    private static String refusal(CnnPassTooLargeException c) {
        String what = Messages.format(c.kind() == PassKind.GRADIENT ? "problem.cnnTooLarge.gradient" : "problem.cnnTooLarge",
                Units.bytes(c.pass().nativeBytes()), Units.bytes(c.budget().nativeBytes()));
        String advice = c.fittingSize() > 0 ? Messages.format("problem.fits.size", c.fittingSize()) : Messages.get("problem.cnnFits.none");
        return Messages.format("problem.refusal.withAdvice", what, advice);
    }

    private static String advice(AttentionTooLargeException t) {
        int side = t.setting().workSide();
        if (t.fittingPatch() > 0 && t.fittingSize() > 0) {
            return Messages.format("problem.fits.patchOrSize", t.fittingPatch(), side, t.fittingSize());
        }
        if (t.fittingPatch() > 0) return Messages.format("problem.fits.patch", t.fittingPatch(), side);
        if (t.fittingSize() > 0) return Messages.format("problem.fits.size", t.fittingSize());
        return Messages.get("problem.fits.none");
    }
}
