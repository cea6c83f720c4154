package dev.patchexplorer.model;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;

/**
 * A CNN pass refused before it allocated anything: its feature maps would not fit the {@link MemoryBudget}.
 * Patch size does not apply to a CNN, so it names the largest working size that fits. The English message
 * is the CLI's one line; the window words it from the numbers.
 */
public final class CnnPassTooLargeException extends ModelLoadException {
    private final PassKind kind;
    private final PassMemory pass;
    private final MemoryBudget budget;
    private final int workSide;
    private final int fittingSize;

    CnnPassTooLargeException(PassKind kind, PassMemory pass, MemoryBudget budget, int workSide, int fittingSize) {
        super(english(kind, pass, budget, fittingSize));
        this.kind = kind;
        this.pass = pass;
        this.budget = budget;
        this.workSide = workSide;
        this.fittingSize = fittingSize;
    }

    private static String english(PassKind kind, PassMemory pass, MemoryBudget budget, int fittingSize) {
        return "image too large: the feature maps of this pass" + (kind == PassKind.GRADIENT ? " with its gradients" : "")
                + " need about " + Units.bytes(pass.nativeBytes()) + ", more than the " + Units.bytes(budget.nativeBytes())
                + " this computer can give it; "
                + (fittingSize > 0 ? "a working size of " + fittingSize + " px or less fits" : "choose a smaller image");
    }

    public PassKind kind() {
        return kind;
    }

    public PassMemory pass() {
        return pass;
    }

    public MemoryBudget budget() {
        return budget;
    }

    /** The working size asked for (long side). */
    public int workSide() {
        return workSide;
    }

    /** The largest working size (long side) that fits; 0 when none does. */
    public int fittingSize() {
        return fittingSize;
    }
}
