package dev.patchexplorer.bench;

/**
 * The OpenMP wait policy both sides of a peer benchmark run under. Both PyTorch builds use GNU
 * OpenMP, which reads {@code OMP_WAIT_POLICY} once, when it loads, so the JVM's own value (set
 * before {@code ./mvnw}) is the Java side's and is handed to the python peer unchanged: giving the
 * peer PASSIVE alone measured the policy, not the code (on a loaded 2-core machine the default
 * spin-waiting made 2-thread passes several times slower). The pause between the two sides
 * outlasts the default policy's short spin before a worker sleeps.
 */
final class OpenMpPolicy {
    static final String VARIABLE = "OMP_WAIT_POLICY";

    private OpenMpPolicy() {}

    /** One line for the benchmark's header. */
    static String describe() {
        String v = System.getenv(VARIABLE);
        return "OpenMP wait policy on both sides: " + (v == null || v.isBlank() ? "unset (GNU OpenMP default: spin a while, then sleep)" : v)
                + "; set " + VARIABLE + " before ./mvnw to change it";
    }
}
