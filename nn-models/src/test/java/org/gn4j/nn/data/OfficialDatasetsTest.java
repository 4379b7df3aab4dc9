package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OfficialDatasetsTest {
    private static final Set<String> NAMES = Set.of("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    private static void check(List<RemoteFile> files) {
        assertEquals(4, files.size());
        assertEquals(NAMES, files.stream().map(RemoteFile::fileName).collect(Collectors.toSet()));
        for (RemoteFile f : files) {
            assertEquals(Checksum.MD5, f.checksum().algorithm());
            assertEquals(32, f.checksum().hex().length());
            assertTrue(f.urls().size() >= 2, "a mirror for " + f.fileName());
            f.urls().forEach(u -> assertTrue(u.getPath().endsWith("/" + f.fileName()), u.toString()));
        }
        assertEquals(4, files.stream().map(f -> f.checksum().hex()).distinct().count());
    }

    @Test
    void mnistList() {
        check(OfficialDatasets.MNIST);
        assertEquals("f68b3c2dcbeaaa9fbdd348bbdeb94873", OfficialDatasets.MNIST.get(0).checksum().hex());
    }

    @Test
    void fashionMnistList() {
        check(OfficialDatasets.FASHION_MNIST);
        assertEquals("8d4fb7e6c68d591d4c3dfef9ec88bf0d", OfficialDatasets.FASHION_MNIST.get(0).checksum().hex());
    }
}
