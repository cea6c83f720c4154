package dev.patchexplorer.model;

import dev.patchexplorer.core.format.Units;
import dev.patchexplorer.core.tradeoff.MemoryBudget;
import dev.patchexplorer.core.tradeoff.PassKind;
import dev.patchexplorer.core.tradeoff.PassMemory;

/**
 * A pass refused before it allocated anything because it would not fit its {@link MemoryBudget}. It
 * carries the numbers, so the window can say it in the user's language with the readouts' formatter,
 * and what would fit instead. The English message is the CLI's one line.
 */
public final class AttentionTooLargeException extends ModelLoadException {
    /** Which limit the pass is over. */
    public enum Limit {
        /** The Java copies of all layers' attention, over half the heap. */
        HEAP,
        /** The tensors, over the physical memory the process can have. */
        NATIVE
    }

    private final int tokens;
    private final int layers;
    private final long bytesNeeded;
    private final PassKind kind;
    private final PassMemory pass;
    private final MemoryBudget budget;
    private final long heapBytes;
    private final Limit limit;
    private final AttentionBudget.Setting setting;
    private final int fittingPatch;
    private final int fittingSize;

    AttentionTooLargeException(int tokens, int layers, long bytesNeeded, PassKind kind, PassMemory pass,
                               MemoryBudget budget, long heapBytes, Limit limit,
                               AttentionBudget.Setting setting, int fittingPatch, int fittingSize) {
        super(english(tokens, layers, bytesNeeded, kind, pass, budget, heapBytes, limit, setting, fittingPatch, fittingSize));
        this.tokens = tokens;
        this.layers = layers;
        this.bytesNeeded = bytesNeeded;
        this.kind = kind;
        this.pass = pass;
        this.budget = budget;
        this.heapBytes = heapBytes;
        this.limit = limit;
        this.setting = setting;
        this.fittingPatch = fittingPatch;
        this.fittingSize = fittingSize;
    }

    private static String english(int tokens, int layers, long attention, PassKind kind, PassMemory pass,
                                  MemoryBudget budget, long heapBytes, Limit limit,
                                  AttentionBudget.Setting setting, int fittingPatch, int fittingSize) {
        StringBuilder s = new StringBuilder("too many tokens: ");
        s.append(Units.count(tokens)).append(" tokens need ").append(Units.bytes(attention))
                .append(" for the attention maps of all ").append(layers).append(" layers");
        if (limit == Limit.HEAP) {
            s.append(", more than half of the ").append(Units.bytes(heapBytes)).append(" the JVM may use");
        } else {
            s.append(" and about ").append(Units.bytes(pass.nativeBytes()))
                    .append(kind == PassKind.GRADIENT ? " for the whole pass with its gradients" : " for the whole pass")
                    .append(", more than the ").append(Units.bytes(budget.nativeBytes())).append(" this computer can give it");
        }
        s.append("; ");
        if (fittingPatch > 0 && fittingSize > 0) {
            s.append("patch ").append(fittingPatch).append(" or larger fits at ").append(setting.workSide())
                    .append(" px, or a working size of ").append(fittingSize).append(" px or less");
        } else if (fittingPatch > 0) {
            s.append("patch ").append(fittingPatch).append(" or larger fits at ").append(setting.workSide()).append(" px");
        } else if (fittingSize > 0) {
            s.append("a working size of ").append(fittingSize).append(" px or less fits");
        } else {
            s.append("choose a larger patch size or a smaller image");
        }
        return s.toString();
    }

    public int tokens() {
        return tokens;
    }

    public int layers() {
        return layers;
    }

    /** All layers' attention, {@code core.tradeoff.AttentionMemory.allLayersBytes}: the readouts' number. */
    public long bytesNeeded() {
        return bytesNeeded;
    }

    public PassKind kind() {
        return kind;
    }

    /** The whole pass's estimate; its {@code nativeBytes()} is the total the window states beside the attention. */
    public PassMemory pass() {
        return pass;
    }

    public MemoryBudget budget() {
        return budget;
    }

    /** The JVM's max heap, the readouts' "this program may use". */
    public long heapBytes() {
        return heapBytes;
    }

    public Limit limit() {
        return limit;
    }

    /** The patch and working size asked for; null when the pass was refused without them. */
    public AttentionBudget.Setting setting() {
        return setting;
    }

    /** The smallest larger patch that fits at this working size; 0 when none does or the setting is unknown. */
    public int fittingPatch() {
        return fittingPatch;
    }

    /** The largest working size at which this patch fits; 0 when none does or the setting is unknown. */
    public int fittingSize() {
        return fittingSize;
    }
}
