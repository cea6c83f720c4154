/**
 * Token merging (Bolya et al., "Token Merging: Your ViT But Faster", ICLR 2023), the part that needs
 * no model: how many tokens each block sees and what that costs. Written from the paper
 * (SWEEP_AND_CONCEPTS.md section 3); its reference code is under a licence we cannot use.
 */
package dev.patchexplorer.core.tome;
