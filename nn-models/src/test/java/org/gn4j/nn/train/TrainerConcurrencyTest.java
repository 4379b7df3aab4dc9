package org.gn4j.nn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.gn4j.nn.Sequential;
import org.gn4j.nn.loss.SquaredError;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every optimizer's training run from 8 threads at once, each with its own network, optimizer and trainer (these
 * are one per run, as documented) and one shared, read-only training set: each thread gets the single-thread
 * parameters and history bit for bit.
 */
class TrainerConcurrencyTest {
    private static final ArrayTrainingData TRAIN = Problems.sine(256, 1);

    private static double[][] run(String kind) throws Exception {
        Sequential net = Problems.mlp();
        double[] theta = net.initialParameters(7);
        TrainingResult r = new Trainer(net, new SquaredError(), TrainerTest.optimizer(kind).get()).withEpochs(2).withBatchSize(30)
                .withSeed(42).train(TRAIN, theta);
        double[] losses = new double[r.history().size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = r.history().get(i).trainLoss();
        }
        return new double[][] {theta, losses};
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd-momentum", "adam", "adamw", "sgn", "egn"})
    void eightThreadsGetTheSingleThreadRunBitForBit(String kind) throws Exception {
        double[][] one = run(kind);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<double[][]>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> run(kind)));
            }
            for (Future<double[][]> f : runs) {
                double[][] got = f.get(5, TimeUnit.MINUTES);
                for (int k = 0; k < 2; k++) {
                    assertEquals(one[k].length, got[k].length);
                    for (int j = 0; j < one[k].length; j++) {
                        assertEquals(Double.doubleToLongBits(one[k][j]), Double.doubleToLongBits(got[k][j]),
                                kind + (k == 0 ? " parameter " : " epoch loss ") + j);
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
