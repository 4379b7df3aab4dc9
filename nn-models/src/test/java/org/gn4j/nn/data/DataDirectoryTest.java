package org.gn4j.nn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDirectoryTest {
    @TempDir
    Path root;

    @Test
    void propertyWinsOverEnvironmentAndWorkingDirectory() throws IOException {
        Path a = Files.createDirectories(root.resolve("a"));
        Path b = Files.createDirectories(root.resolve("b"));
        Path shared = Files.createDirectories(root.resolve("shared/datasets"));
        assertEquals(Optional.of(a), DataDirectory.find(a.toString(), b.toString(), root));
        assertEquals(Optional.of(b), DataDirectory.find(null, b.toString(), root));
        assertEquals(Optional.of(shared), DataDirectory.find(null, null, root));
        assertEquals(Optional.of(shared), DataDirectory.find("", " ", root));
    }

    @Test
    void configuredButMissingFolderGivesEmptyRatherThanAFallBack() throws IOException {
        Files.createDirectories(root.resolve("shared/datasets"));
        assertEquals(Optional.empty(), DataDirectory.find(root.resolve("nope").toString(), null, root));
        assertEquals(Optional.empty(), DataDirectory.find(null, root.resolve("nope").toString(), root));
    }

    @Test
    void walksUpToTheSiblingOfACheckoutFromAModuleFolder() throws IOException {
        // layout: root/shared/datasets next to root/worktree/nn-models (Maven's working directory for tests)
        Path shared = Files.createDirectories(root.resolve("shared/datasets"));
        Path module = Files.createDirectories(root.resolve("worktree/nn-models"));
        assertEquals(Optional.of(shared), DataDirectory.find(null, null, module));
        // a closer shared/datasets (inside the checkout) wins
        Path inner = Files.createDirectories(root.resolve("worktree/shared/datasets"));
        assertEquals(Optional.of(inner), DataDirectory.find(null, null, module));
    }

    @Test
    void subfoldersResolveWhenPresent() {
        // on a machine with the data this finds it; elsewhere both are empty, never an exception
        Optional<Path> base = DataDirectory.find();
        assertEquals(base.isPresent() && Files.isDirectory(base.get().resolve("mnist-10k")),
                DataDirectory.mnist10k().isPresent());
        DataDirectory.fashionMnist().ifPresent(p -> assertTrue(p.endsWith("fashion-mnist")));
    }
}
