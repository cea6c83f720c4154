package dev.patchexplorer.model;

/**
 * A pass refused by its own memory check, where the method cannot throw a checked exception; the
 * refusal itself, with its numbers, is the cause. Callers that check first never see it.
 */
public final class PassRefusedException extends RuntimeException {
    PassRefusedException(CnnPassTooLargeException refusal) {
        super(refusal.getMessage(), refusal);
    }

    public CnnPassTooLargeException refusal() {
        return (CnnPassTooLargeException) getCause();
    }
}
