package org.gn4j.bench.nlls;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Runs every solver on every problem: one untimed warm-up of each solver on the first problem, then each problem ×
 * solver {@code repeats} times, keeping the first run's result with the smallest time of the repeats (counts and
 * results do not change between repeats: every solver is deterministic).
 */
public final class NllsBenchmark {
    private NllsBenchmark() {
    }

    /**
     * @param progress receives each result as it is finished (may be a no-op)
     * @param problems the runs; an empty list gives an empty result
     * @param solvers the solver configurations, each run on every problem
     * @param repeats timed repetitions of each problem × solver, ≥ 1
     * @return a new list of one result per problem × solver, problem-major in the given orders
     * @throws IllegalArgumentException if repeats &lt; 1
     */
    public static List<RunResult> run(List<NllsProblem> problems, List<NllsSolver> solvers, int repeats,
            Consumer<RunResult> progress) {
        if (repeats < 1) {
            throw new IllegalArgumentException("repeats is " + repeats + ", expected >= 1");
        }
        List<RunResult> results = new ArrayList<>();
        if (problems.isEmpty()) {
            return results;
        }
        CountedProblem first = new CountedProblem(problems.get(0).problem());
        for (NllsSolver s : solvers) {
            first.reset();
            s.run(problems.get(0), first);
        }
        for (NllsProblem p : problems) {
            CountedProblem counted = new CountedProblem(p.problem());
            for (NllsSolver s : solvers) {
                RunResult best = null;
                for (int k = 0; k < repeats; k++) {
                    counted.reset();
                    RunResult r = s.run(p, counted);
                    best = best == null ? r : best.withSeconds(Math.min(best.seconds(), r.seconds()));
                }
                results.add(best);
                progress.accept(best);
            }
        }
        return results;
    }
}
