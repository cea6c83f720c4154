/**
 * Reading image files into {@link dev.patchexplorer.core.image.RgbImage}: the one path that the window
 * and every command-line command share. Headless (javax.imageio and java.awt.image only), so both the
 * ui and the cli may depend on it; it depends on core alone.
 */
package dev.patchexplorer.imagefile;
