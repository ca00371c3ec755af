package io.eventpipe.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Finds the runnable form of the third-party servers, which the runtimes/* modules resolve
 * at build time and describe in a resource of their jar.
 */
final class RuntimeLocator {

    private RuntimeLocator() {
    }

    /** The classpath (from Maven's local repository) of a runtime module's process. */
    static String classpath(String runtime) {
        String resource = "eventpipe-runtime/" + runtime + ".classpath";
        String classpath = read(resource).trim();
        String first = classpath.split(java.io.File.pathSeparator)[0];
        if (!Files.exists(Path.of(first))) {
            throw new IllegalStateException("the " + runtime + " runtime's jars are missing (" + first
                    + "); rebuild with: mvn -DskipTests install");
        }
        return classpath;
    }

    static Properties properties(String runtime) {
        Properties properties = new Properties();
        try {
            properties.load(new java.io.StringReader(read("eventpipe-runtime/" + runtime + ".properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    private static String read(String resource) {
        try (InputStream in = RuntimeLocator.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("runtime descriptor " + resource + " not on the classpath; build the runtimes/ modules");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
