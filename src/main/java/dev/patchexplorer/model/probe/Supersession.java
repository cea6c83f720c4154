package dev.patchexplorer.model.probe;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** The latest-wins check between blocks: a pass nobody will show stops instead of holding the thread. */
final class Supersession {
    static final BooleanSupplier NEVER = () -> false;

    private Supersession() {}

    static void check(BooleanSupplier superseded, int block) {
        if (superseded.getAsBoolean()) throw new CancellationException("superseded before block " + block);
    }
}
