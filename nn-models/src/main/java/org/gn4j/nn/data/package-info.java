/**
 * The data layer: an immutable {@link org.gn4j.nn.data.Dataset} of flat row-major features and targets, readers for
 * the IDX (MNIST, Fashion-MNIST), CIFAR-10 binary and CSV formats, the synthetic sine-wave set, seeded shuffling and
 * splitting, feature scaling, the data-folder lookup and a checksum-verifying downloader.
 *
 * <p>Malformed files raise {@link java.lang.IllegalArgumentException} naming the file and the byte offset or line;
 * I/O failures (missing file, network) raise {@link java.io.IOException}. Nothing here prints.
 *
 * <p><b>Thread safety.</b> Every public type is safe to share between threads:
 * <ul>
 *   <li>immutable: {@link org.gn4j.nn.data.Dataset} (factories copy their arrays, accessors return copies),
 *       {@link org.gn4j.nn.data.Standardizer}, {@link org.gn4j.nn.data.MinMaxScaler},
 *       {@link org.gn4j.nn.data.DownloadException}, the records {@link org.gn4j.nn.data.Checksum},
 *       {@link org.gn4j.nn.data.RemoteFile}, {@link org.gn4j.nn.data.Splits.TrainValidation} and
 *       {@link org.gn4j.nn.data.IdxReader.IdxData} (its {@code data()} bytes are not copied: do not modify them while
 *       shared);</li>
 *   <li>stateless (static methods, no fields; each read opens its own stream):
 *       {@link org.gn4j.nn.data.IdxReader}, {@link org.gn4j.nn.data.MnistFormat},
 *       {@link org.gn4j.nn.data.Cifar10Reader}, {@link org.gn4j.nn.data.CsvRegressionReader},
 *       {@link org.gn4j.nn.data.DataDirectory}, {@link org.gn4j.nn.data.OfficialDatasets} (immutable lists),
 *       {@link org.gn4j.nn.data.SineWave}, {@link org.gn4j.nn.data.Shuffling}, {@link org.gn4j.nn.data.Splits},
 *       {@link org.gn4j.nn.data.SafeFiles},
 *       {@link org.gn4j.nn.data.OneHot};</li>
 *   <li>{@link org.gn4j.nn.data.Downloader}: an immutable configuration around a thread-safe {@code HttpClient}; each
 *       download writes its own temporary file and moves it into place (atomically where the file system allows)
 *       only once verified, so concurrent downloads do not write into each other's files.</li>
 * </ul>
 */
package org.gn4j.nn.data;
