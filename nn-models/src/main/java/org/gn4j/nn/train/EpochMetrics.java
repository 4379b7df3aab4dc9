package org.gn4j.nn.train;

/**
 * One row of the training history, recorded at the end of each epoch (one line of the metrics CSV).
 *
 * @param epoch        epochs completed (1-based)
 * @param step         optimizer steps taken in total
 * @param samplesSeen  training samples processed in total
 * @param seconds      wall-clock seconds of training so far (across resumes)
 * @param trainLoss    mean mini-batch loss over the epoch's samples
 * @param testLoss     mean loss on the test set, NaN without one
 * @param testAccuracy share of test samples whose output argmax equals the label, NaN without labels
 * @param learningRate learning rate of the epoch's last step
 */
public record EpochMetrics(int epoch, long step, long samplesSeen, double seconds, double trainLoss, double testLoss,
        double testAccuracy, double learningRate) {
    /** The CSV header matching {@link #csvRow()}. */
    public static final String CSV_HEADER =
            "epoch,step,samples,seconds,train_loss,test_loss,test_accuracy,learning_rate";

    /**
     * This row as CSV (locale-independent, full precision; NaN written as {@code NaN}).
     *
     * @return the eight fields in {@link #CSV_HEADER} order, comma-separated, without a line end
     */
    public String csvRow() {
        return epoch + "," + step + "," + samplesSeen + "," + seconds + "," + trainLoss + "," + testLoss + ","
                + testAccuracy + "," + learningRate;
    }
}
