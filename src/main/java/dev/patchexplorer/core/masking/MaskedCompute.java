package dev.patchexplorer.core.masking;

import dev.patchexplorer.core.tradeoff.TradeOffs;
import dev.patchexplorer.core.tradeoff.VitArchitecture;

/**
 * What MAE's encoder saves by seeing the visible patches only (He et al. 2022): the encoder blocks'
 * MACs over visible + prefix tokens against all patches + prefix, from the trade-off formulas
 * ({@link TradeOffs#encoderMacs}). The patch embedding and head are left out of both: MAE embeds
 * every patch before it drops the masked ones.
 */
public record MaskedCompute(long fullEncoderMacs, long visibleEncoderMacs, int fullTokens, int visibleTokens) {
    public static MaskedCompute of(VitArchitecture a, PatchMask mask) {
        int full = mask.patches() + a.prefixTokens();
        int visible = mask.visibleCount() + a.prefixTokens();
        return new MaskedCompute(TradeOffs.encoderMacs(a, full), TradeOffs.encoderMacs(a, visible), full, visible);
    }

    public long savedMacs() {
        return fullEncoderMacs - visibleEncoderMacs;
    }

    /** Fraction of the encoder's compute saved. */
    public double savedFraction() {
        return fullEncoderMacs == 0 ? 0 : (double) savedMacs() / fullEncoderMacs;
    }
}
