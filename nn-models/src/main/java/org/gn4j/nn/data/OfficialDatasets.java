package org.gn4j.nn.data;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Download lists of the official releases, for {@link Downloader}. The publishers list MD5 digests only, so the
 * checksums are MD5 (they guard against corrupted or substituted-by-mistake transfers, not against an attacker).
 *
 * <p>Sources of the URLs and digests: MNIST, the {@code mirrors} and {@code resources} of {@code
 * torchvision/datasets/mnist.py} (class {@code MNIST}); Fashion-MNIST, the "Get the Data" table of the
 * zalandoresearch/fashion-mnist README, identical to torchvision's class {@code FashionMNIST}. The files under
 * {@code shared/datasets} are a subset and a re-split, not these files, and do not have these digests.
 */
public final class OfficialDatasets {
    private OfficialDatasets() {
    }

    /** The four official MNIST files (60,000 train / 10,000 test), PyTorch's S3 mirror first, then LeCun's site. */
    public static final List<RemoteFile> MNIST = files(
            List.of("https://ossci-datasets.s3.amazonaws.com/mnist/", "http://yann.lecun.com/exdb/mnist/"),
            "train-images-idx3-ubyte.gz", "f68b3c2dcbeaaa9fbdd348bbdeb94873",
            "train-labels-idx1-ubyte.gz", "d53e105ee54ea40749a09fcbcd1e9432",
            "t10k-images-idx3-ubyte.gz", "9fb629c4189551a2d022fa330f9573f3",
            "t10k-labels-idx1-ubyte.gz", "ec29112dd5afa0611ce80d1b7f02629c");

    /**
     * The four official Fashion-MNIST files (official 60,000 / 10,000 split), the GitHub copy in the zalandoresearch
     * repository first (HTTPS), then Zalando's S3 website.
     */
    public static final List<RemoteFile> FASHION_MNIST = files(
            List.of("https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
                    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/"),
            "train-images-idx3-ubyte.gz", "8d4fb7e6c68d591d4c3dfef9ec88bf0d",
            "train-labels-idx1-ubyte.gz", "25c81989df183df01b3e8a0aad5dffbe",
            "t10k-images-idx3-ubyte.gz", "bef4ecab320f06d8554ea6380940ec79",
            "t10k-labels-idx1-ubyte.gz", "bb300cfdad3c16e7a12a480ee83cd310");

    private static List<RemoteFile> files(List<String> mirrors, String... nameAndMd5) {
        List<RemoteFile> out = new ArrayList<>();
        for (int k = 0; k < nameAndMd5.length; k += 2) {
            List<URI> urls = new ArrayList<>();
            for (String m : mirrors) {
                urls.add(URI.create(m + nameAndMd5[k]));
            }
            out.add(new RemoteFile(urls, nameAndMd5[k], Checksum.md5(nameAndMd5[k + 1])));
        }
        return List.copyOf(out);
    }
}
