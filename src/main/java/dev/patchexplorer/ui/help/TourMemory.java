package dev.patchexplorer.ui.help;

/** Whether this user has already seen the first-run tour; kept wherever the app keeps its settings. */
public interface TourMemory {
    boolean seen();

    void markSeen();
}
