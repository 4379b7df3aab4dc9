package org.gn4j.gn.ba;

/** Small generated BAL problems for the tests. */
final class BalTestProblems {
    private BalTestProblems() {
    }

    /** 4 cameras, 10 points, 3 views each (30 observations, 66 parameters). */
    static BalProblem tiny(long seed) {
        return new BalGenerator(4, 10, seed).withViewsPerPoint(3).withPerturbation(0.01, 0.05, 0.02).generate();
    }
}
