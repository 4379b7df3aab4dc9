package org.gn4j.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gn4j.nn.layers.Activation;
import org.gn4j.nn.layers.Dense;
import org.gn4j.nn.layers.Flatten;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LayersTest {

    @Test
    void denseDerivatives() {
        LayerChecks.checkAll(new Dense(7, 5), 4, 1);
        LayerChecks.checkAll(new Dense(1, 1), 1, 2);
        LayerChecks.checkAll(new Dense(30, 3, Dense.Init.HE_NORMAL), 9, 3);
    }

    @ParameterizedTest
    @EnumSource(Activation.Function.class)
    void activationDerivatives(Activation.Function f) {
        LayerChecks.checkAll(new Activation(f, Shape.of(2, 3)), 5, 4);
    }

    @Test
    void flattenDerivatives() {
        LayerChecks.checkAll(new Flatten(Shape.of(2, 3, 4)), 3, 5);
    }

    @Test
    void shapeMismatchesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sequential.of(new Dense(4, 3), new Dense(5, 2)));
        assertTrue(e.getMessage().contains("expects input [5]") && e.getMessage().contains("outputs [3]"),
                e.getMessage());
        Sequential net = Sequential.of(new Dense(4, 3));
        Tape t = net.newTape(2);
        double[] theta = net.initialParameters(1);
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(theta, 3, new double[12], 0, t));
        assertTrue(e.getMessage().contains("batch is 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(theta, 2, new double[7], 0, t));
        assertTrue(e.getMessage().contains("x"), e.getMessage());
        double[] nan = new double[8];
        nan[5] = Double.NaN;
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(theta, 2, nan, 0, t));
        assertTrue(e.getMessage().contains("sample 1 entry 1 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.forward(new double[3], 1, new double[4], 0, t));
        assertTrue(e.getMessage().contains("theta has length 3, expected 15"), e.getMessage());
    }
}
