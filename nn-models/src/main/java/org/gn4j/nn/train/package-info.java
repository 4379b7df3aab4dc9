/**
 * Stochastic training: the {@link org.gn4j.nn.train.Trainer} that runs an {@link org.gn4j.gn.stochastic.Optimizer}
 * (the first-order baselines {@link org.gn4j.gn.stochastic.Sgd} and {@link org.gn4j.gn.stochastic.Adam}, or SGN and
 * EGN) over epochs with seeded shuffling, evaluation, a metrics CSV and exact checkpoint/resume. Nothing here prints;
 * progress is reported through {@link org.gn4j.nn.train.TrainingListener}.
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.nn.train.Trainer}: an immutable configuration ({@code with…} methods return copies), but it
 *       holds one optimizer object, which every run resets and updates: one trainer runs one training at a time
 *       (each run's position, metrics and mini-batch products are its own); θ is updated in place in the caller's
 *       array;</li>
 *   <li>read-only, safe to share: {@link org.gn4j.nn.train.DatasetTrainingData} (over an immutable dataset),
 *       {@link org.gn4j.nn.train.ArrayTrainingData} (wraps the caller's arrays without copying: safe while nobody
 *       writes to them);</li>
 *   <li>immutable records: {@link org.gn4j.nn.train.TrainingResult}, {@link org.gn4j.nn.train.EpochMetrics},
 *       {@link org.gn4j.nn.train.StepEvent}, {@link org.gn4j.nn.train.Checkpoint} (its arrays are not copied: treat
 *       them as read-only);</li>
 *   <li>callbacks: {@link org.gn4j.nn.train.TrainingListener}, called on the thread running the training;
 *       {@link org.gn4j.nn.train.TrainingData}, read by that thread.</li>
 * </ul>
 */
package org.gn4j.nn.train;
