/**
 * The data layer: an immutable {@link org.gn4j.nn.data.Dataset} of flat row-major features and targets, readers for
 * the IDX (MNIST, Fashion-MNIST), CIFAR-10 binary and CSV formats, the synthetic sine-wave set, seeded shuffling and
 * splitting, feature scaling, the data-folder lookup and a checksum-verifying downloader.
 *
 * <p>Malformed files raise {@link java.lang.IllegalArgumentException} naming the file and the byte offset or line;
 * I/O failures (missing file, network) raise {@link java.io.IOException}. Nothing here prints.
 */
package org.gn4j.nn.data;
