/**
 * The SGN paper's benchmark protocol ({@link org.gn4j.bench.sgnpaper.Protocol}: problems, budgets and optimizer
 * configurations), one run's record ({@link org.gn4j.bench.sgnpaper.Run}) and the CSV, plots and table made from the
 * runs of a problem ({@link org.gn4j.bench.sgnpaper.Report}).
 *
 * <p><b>Thread safety.</b>
 * <ul>
 *   <li>{@link org.gn4j.bench.sgnpaper.Protocol}: static factories; the records
 *       {@link org.gn4j.bench.sgnpaper.Protocol.Problem}, {@link org.gn4j.bench.sgnpaper.Protocol.Config} and
 *       {@link org.gn4j.bench.sgnpaper.Protocol.Data} are immutable and build a new network, loss and optimizer for
 *       each run (a {@code Problem}'s budgets array is not copied); {@code SGD_RATES}, {@code ADAM_RATES} and
 *       {@code SGN_ITERATIONS} are public arrays: read them, never write them;</li>
 *   <li>{@link org.gn4j.bench.sgnpaper.Run}: a record of values whose history lists are not copied: read-only once
 *       shared;</li>
 *   <li>{@link org.gn4j.bench.sgnpaper.Report}: fills its per-configuration index in the constructor and only reads
 *       it afterwards, so one report may be read from several threads.</li>
 * </ul>
 */
package org.gn4j.bench.sgnpaper;
