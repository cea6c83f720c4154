/**
 * Known pretrained checkpoints, where they live on disk, and their explicit, verified download.
 * Everything here is headless and returns plain records; downloads block the calling (background)
 * thread and report progress through a listener.
 */
package dev.patchexplorer.model.catalog;
