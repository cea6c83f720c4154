/**
 * What a ViT's tokens hold, as plain maths over arrays the model hands out: the cosine similarity of
 * one patch's token to every other patch's, and the patch-embedding filters drawn as small pictures.
 */
package dev.patchexplorer.core.features;
