package org.gn4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.gn4j.gn.LevenbergMarquardt;
import org.gn4j.gn.nist.NistDatasets;
import org.gn4j.gn.nist.NistProblem;
import org.junit.jupiter.api.Test;

/** A data frame's columns, named as the model's variables, feed a distributed fit. */
class DataFrameRowsTest {
    static Dataset<Row> misra1a(SparkSession spark) {
        NistProblem nist = NistDatasets.load("Misra1a");
        List<Row> rows = new ArrayList<>();
        double[][] x = nist.x();
        double[] y = nist.targets();
        for (int i = 0; i < y.length; i++) {
            rows.add(RowFactory.create((float) i, x[i][0], y[i]));
        }
        StructType schema = new StructType().add("id", DataTypes.FloatType).add("x", DataTypes.DoubleType)
                .add("response", DataTypes.DoubleType);
        return spark.createDataFrame(rows, schema).repartition(2);
    }

    @Test
    void columnsByNameFitTheCertifiedValues() {
        SparkSession spark = SparkSession.builder().sparkContext(LocalSpark.context().sc()).getOrCreate();
        NistProblem nist = NistDatasets.load("Misra1a");
        ExpressionRowModel model = ExpressionRowModel.of(nist.modelText(), nist.variableNames(),
                nist.parameterNames());
        SparkOptimum fit = SparkLeastSquares.of(model.rows(misra1a(spark), "response", null), model)
                .fit(new LevenbergMarquardt(), nist.start1());
        assertTrue(fit.converged(), fit.message());
        assertEquals(14, fit.residualCount());
        assertArrayEquals(nist.certifiedValues(), fit.parameters(), 1e-6 * 239);
        assertEquals(nist.certifiedValues()[1], fit.parameters()[1], 1e-8 * nist.certifiedValues()[1]);
    }

    @Test
    void missingOrUnexpectedColumnsAreNamed() {
        SparkSession spark = SparkSession.builder().sparkContext(LocalSpark.context().sc()).getOrCreate();
        NistProblem nist = NistDatasets.load("Misra1a");
        ExpressionRowModel model = ExpressionRowModel.of(nist.modelText(), nist.variableNames(),
                nist.parameterNames());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> model.rows(misra1a(spark), "y", null));
        assertTrue(e.getMessage().contains("'y' is missing"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> model.rows(misra1a(spark), "response", "id"));
        assertTrue(e.getMessage().contains("unweighted"), e.getMessage());
    }
}
