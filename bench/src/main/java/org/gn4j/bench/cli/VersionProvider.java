package org.gn4j.bench.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import picocli.CommandLine;

/**
 * The gn4j version for {@code --version} and {@code gn4j info}: the {@code Implementation-Version} of the shaded
 * jar's manifest, else the version Maven filtered into {@code org/gn4j/bench/version.properties} (runs from
 * {@code target/classes}, tests, IDEs), else {@code "dev"}.
 */
public final class VersionProvider implements CommandLine.IVersionProvider {
    private static final String RESOURCE = "/org/gn4j/bench/version.properties";

    /**
     * The gn4j version, never null.
     *
     * @return the jar manifest's implementation version, else the version of the bundled properties resource, else
     *         {@code "dev"}
     */
    public static String gn4jVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        if (usable(v)) {
            return v;
        }
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                v = p.getProperty("version");
                if (usable(v)) {
                    return v.trim();
                }
            }
        } catch (IOException e) {
            // unreadable resource: fall through to the fallback
        }
        return "dev";
    }

    /** An unfiltered placeholder ("${project.version}") does not count as a version. */
    private static boolean usable(String v) {
        return v != null && !v.isBlank() && !v.contains("${");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"gn4j " + gn4jVersion(),
            "JDK " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
