/**
 * Seeded masks over a patch grid for masked image modelling (SWEEP_AND_CONCEPTS.md section 4):
 * MAE's random masking (He et al. 2022), BEiT's block-wise masking (Bao et al. 2022) and SimMIM's
 * coarse mask units (Xie et al. 2022), written from the papers. The same seed gives the same mask.
 */
package dev.patchexplorer.core.masking;
