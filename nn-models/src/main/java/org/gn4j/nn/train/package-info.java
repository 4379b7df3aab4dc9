/**
 * Stochastic training: the {@link org.gn4j.nn.train.Optimizer} interface with first-order baselines
 * ({@link org.gn4j.nn.train.Sgd}, {@link org.gn4j.nn.train.Adam}), learning-rate schedules, and the
 * {@link org.gn4j.nn.train.Trainer} that owns epochs, seeded shuffling, evaluation, a metrics CSV and exact
 * checkpoint/resume. Nothing here prints; progress is reported through {@link org.gn4j.nn.train.TrainingListener}.
 */
package org.gn4j.nn.train;

import org.gn4j.gn.stochastic.Optimizer;
import org.gn4j.gn.stochastic.Sgd;
import org.gn4j.gn.stochastic.Adam;
